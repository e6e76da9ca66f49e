import { ComputeClient } from '../../src/workers/compute-client';
import { createComputeHost, type ComputeHandlers } from '../../src/workers/compute-host';
import type { MessagePortLike } from '../../src/workers/protocol';

/**
 * Connects a ComputeClient and a compute host over a real MessageChannel in this process, so the
 * worker protocol (structured clone, transfer, cancel) is tested without a browser.
 */
export function connectInProcess(handlers: ComputeHandlers): { client: ComputeClient; close(): void } {
  const { port1, port2 } = new MessageChannel();
  createComputeHost(port2 as unknown as MessagePortLike, handlers);
  const client = new ComputeClient(port1 as unknown as MessagePortLike);
  return { client, close: () => { port1.close(); port2.close(); } };
}
