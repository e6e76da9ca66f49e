import { useEffect, useState } from 'react';
import type { NearestResult } from '../core';
import type { PublicShelter } from '../io/public-finder-data';
import { startWalkingEngine, type WalkingEngine } from './walking-client';

export type EngineState = { phase: 'off' } | { phase: 'loading' } | { phase: 'ready'; engine: WalkingEngine } | { phase: 'failed'; message: string };

declare global {
  interface Window { __finder?: { walkingReadyMs?: number; walkingBuildMs?: number; firstShelterMs?: number; walkingAnswerMs?: number } }
}

/** Starts the walking graph once the shelters are known (after the first answer is on screen). */
export function useWalkingEngine(shelters: readonly PublicShelter[] | null): EngineState {
  const [state, setState] = useState<EngineState>({ phase: 'off' });
  useEffect(() => {
    if (!shelters) return;
    let cancelled = false;
    setState({ phase: 'loading' });
    startWalkingEngine(shelters.map((s) => ({ id: s.id, lngLat: s.lngLat })))
      .then((engine) => {
        Object.assign((window.__finder ??= {}), { walkingReadyMs: engine.readyMs, walkingBuildMs: engine.buildMs });
        if (!cancelled) setState({ phase: 'ready', engine });
      })
      .catch((err: unknown) => {
        console.warn('walking graph unavailable:', err);
        if (!cancelled) setState({ phase: 'failed', message: String((err as Error)?.message ?? err) });
      });
    return () => {
      cancelled = true;
    };
  }, [shelters]);
  return state;
}

export interface WalkingAnswer {
  readonly key: string;
  readonly fromReachable: boolean;
  readonly results: NearestResult[];
}

/** Walking times from the person to the given shelters, in the worker; a newer question cancels the older one. */
export function useWalkingAnswer(engine: EngineState, from: readonly [number, number] | null, ids: readonly string[]): WalkingAnswer | null {
  const [answer, setAnswer] = useState<WalkingAnswer | null>(null);
  const key = from ? `${from[0]},${from[1]}|${ids.join(',')}` : '';
  useEffect(() => {
    if (engine.phase !== 'ready' || !from || ids.length === 0) return;
    const controller = new AbortController();
    engine.engine.client
      .request('walkingNearest', { from, ids, k: ids.length, withRoutes: true }, { signal: controller.signal })
      .then((a) => {
        (window.__finder ??= {}).walkingAnswerMs ??= performance.now();
        setAnswer({ key, fromReachable: a.fromReachable, results: a.results });
      })
      .catch((err: unknown) => {
        if ((err as Error)?.name !== 'AbortError') console.warn('walking times failed:', err);
      });
    return () => controller.abort();
  }, [engine, key]); // eslint-disable-line react-hooks/exhaustive-deps
  return answer?.key === key ? answer : null;
}
