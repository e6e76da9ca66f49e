import { describe, expect, it } from 'vitest';
import { liveState, newestUpdatedAt } from '../../src/queries/live/live-status';
import { nextPollMs } from '../../src/queries/live/live-layer-query';

const s = { type: 'ogc-api-features', url: 'https://x.org/c', pollSeconds: 30 } as const;

describe('live layer status', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  const at = (secondsAgo: number) => new Date(now - secondsAgo * 1000).toISOString();
  it('ok, failed (still fresh), stale, no data yet', () => {
    expect(liveState({ hasData: true, fetchedAt: at(10), failure: null, staleAfterSeconds: 60, nowMs: now })).toBe('ok');
    expect(liveState({ hasData: true, fetchedAt: at(10), failure: 'x', staleAfterSeconds: 60, nowMs: now })).toBe('failed');
    expect(liveState({ hasData: true, fetchedAt: at(61), failure: 'x', staleAfterSeconds: 60, nowMs: now })).toBe('stale');
    expect(liveState({ hasData: true, fetchedAt: at(61), failure: null, staleAfterSeconds: 60, nowMs: now })).toBe('stale');
    expect(liveState({ hasData: false, fetchedAt: null, failure: null, staleAfterSeconds: 60, nowMs: now })).toBe('loading');
    expect(liveState({ hasData: false, fetchedAt: null, failure: 'x', staleAfterSeconds: 60, nowMs: now })).toBe('failed-no-data');
  });
  it('"as of" is the newest updatedAt', () => {
    expect(newestUpdatedAt([{ updatedAt: '2026-01-01T00:00:00Z' }, { updatedAt: '2026-03-01T00:00:00+08:00' }, { updatedAt: '2025-01-01T00:00:00Z' }] as never)).toBe('2026-03-01T00:00:00+08:00');
    expect(newestUpdatedAt([])).toBeNull();
  });
  it('polls back off while failing: ×2 per failure, at most ×4', () => {
    expect([0, 1, 2, 3, 10].map((n) => nextPollMs(s, n) / 1000)).toEqual([30, 60, 120, 120, 120]);
  });
});
