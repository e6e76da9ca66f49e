import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The compute worker's supervisor with a stand-in Worker: a stop fails what is in flight, moves the
 * generation on and the next request goes to a fresh (spare) worker; too many stops and it gives up.
 */
class FakeWorker extends EventTarget {
  static all: FakeWorker[] = [];
  posted: unknown[] = [];
  terminated = false;
  constructor() {
    super();
    FakeWorker.all.push(this);
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  start() {}
  crash(message = 'boom') {
    const event = new Event('error', { cancelable: true }) as Event & { message: string };
    event.message = message;
    this.dispatchEvent(event);
  }
}

let mod: typeof import('../../src/workers/compute-worker-instance');
beforeEach(async () => {
  FakeWorker.all = [];
  vi.useFakeTimers();
  vi.stubGlobal('Worker', FakeWorker);
  vi.resetModules();
  mod = await import('../../src/workers/compute-worker-instance');
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('compute worker restart', () => {
  it('a crash fails the request in flight, bumps the generation, and the next request goes to a new worker', async () => {
    const seen: number[] = [];
    mod.subscribeComputeGeneration(() => seen.push(mod.computeGeneration()));
    const pending = mod.getComputeClient().request('warmUp', {});
    const first = FakeWorker.all[0]!;
    first.crash('out of memory');
    await expect(pending).rejects.toMatchObject({ name: 'WorkerStoppedError', message: expect.stringContaining('out of memory') });
    expect(first.terminated).toBe(true);
    expect(seen).toEqual([1]);
    void mod.getComputeClient().request('warmUp', {}).catch(() => undefined);
    const second = FakeWorker.all[1]!; // serving; all[2] is the new spare, idle
    expect(second.posted).toHaveLength(1);
    expect(FakeWorker.all[2]!.posted).toHaveLength(0);
  });

  it('uses the spare worker prepared in advance (no new load needed after a crash)', () => {
    mod.getComputeClient();
    vi.advanceTimersByTime(3000); // the spare is started 3 s after the first
    expect(FakeWorker.all).toHaveLength(2);
    const spare = FakeWorker.all[1]!;
    FakeWorker.all[0]!.crash();
    void mod.getComputeClient().request('warmUp', {}).catch(() => undefined);
    expect(spare.posted).toHaveLength(1);
    // and at once a new spare for the next crash
    expect(FakeWorker.all).toHaveLength(3);
  });

  it('killed by the test hook: the same path as a crash', async () => {
    const pending = mod.getComputeClient().request('warmUp', {});
    expect(mod.killComputeWorkerForTests()).toBe(true);
    await expect(pending).rejects.toMatchObject({ name: 'WorkerStoppedError' });
    expect(mod.computeGeneration()).toBe(1);
  });

  it('after 4 stops within a minute it gives up and says so, without starting more workers', async () => {
    for (let i = 0; i < 4; i++) {
      void mod.getComputeClient().request('warmUp', {}).catch(() => undefined);
      // crash whichever worker is serving now (the one that got the request)
      FakeWorker.all.find((w) => !w.terminated && w.posted.length > 0)!.crash('failed to load');
    }
    const before = FakeWorker.all.length;
    await expect(mod.getComputeClient().request('warmUp', {})).rejects.toMatchObject({
      name: 'WorkerUnavailableError',
      message: expect.stringContaining('cannot start'),
    });
    expect(FakeWorker.all.length).toBe(before);
  });
});
