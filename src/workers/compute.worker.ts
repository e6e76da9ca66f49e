/// <reference lib="webworker" />
import '../io/schemas/zod-jitless';
import { createComputeHandlers } from './compute-handlers';
import { createComputeHost } from './compute-host';
import type { MessagePortLike } from './protocol';

// The compute worker: owns the road network and answers ComputeMessages (see protocol.ts).
createComputeHost(self as unknown as MessagePortLike, createComputeHandlers());
