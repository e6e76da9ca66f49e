/// <reference lib="webworker" />
import '../io/schemas/zod-jitless';
import { createComputeHost } from './compute-host';
import type { MessagePortLike } from './protocol';
import { createWalkingHandlers } from './walking-handlers';
import type { WalkingMessages } from './walking-protocol';

// The public finder's walking worker: owns the walking graph and answers WalkingMessages.
createComputeHost<WalkingMessages>(self as unknown as MessagePortLike, createWalkingHandlers());
