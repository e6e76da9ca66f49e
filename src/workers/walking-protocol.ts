import type { NearestResult } from '../core';

/** A shelter as the walking worker knows it: id and position only (the location never leaves the phone). */
export interface WalkingShelter {
  readonly id: string;
  readonly lngLat: readonly [number, number];
}

/**
 * The public finder's walking worker (walking.worker.ts): the same typed request/response style as
 * the compute worker (protocol.ts), its own small message map, so the public entry loads neither
 * the isochrone nor the coverage code.
 */
export interface WalkingMessages {
  /** build the road graph on the `walking` profile from a roads file's bytes (transferred): compact roads (io/compact-roads.ts) or GeoJSON and join the shelters to it */
  loadWalkingNetwork: [
    { fileName: string; bytes: ArrayBuffer; shelters: readonly WalkingShelter[] },
    { nodeCount: number; edgeCount: number; offRoadIds: string[]; problems: string[]; buildMs: number },
  ];
  /** the shelters among `ids` ranked by walking time from the person (shelter ↔ person; walking ignores one-way tags) */
  walkingNearest: [
    { from: readonly [number, number]; ids: readonly string[]; k: number; withRoutes: boolean },
    { fromReachable: boolean; results: NearestResult[] },
  ];
}
