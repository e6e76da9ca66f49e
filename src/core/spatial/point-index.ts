import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { CoreError } from '../errors';
import { haversineMeters } from '../geo/haversine';

/**
 * Resources in a static k-d tree (kdbush) for the instant straight-line answer: great-circle kNN
 * by geokdbush, O(log n + k). The tree is one ArrayBuffer (`data`), transferable to a worker and
 * rebuilt there with `KDBush.from`.
 */
export interface PointIndex {
  readonly tree: KDBush;
  readonly lngLat: Float64Array;
}

/** @throws CoreError('invalid-argument') naming the first position that is not a finite [lng, lat]. */
export function buildPointIndex(points: ReadonlyArray<readonly [number, number]>): PointIndex {
  const tree = new KDBush(Math.max(1, points.length), 64, Float64Array);
  const lngLat = new Float64Array(points.length * 2);
  points.forEach(([lng, lat], i) => {
    if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
      throw new CoreError('invalid-argument', `point ${i} is not a [lng, lat]: [${lng}, ${lat}]`);
    }
    tree.add(lng, lat);
    lngLat[2 * i] = lng;
    lngLat[2 * i + 1] = lat;
  });
  if (points.length === 0) tree.add(0, 0);
  tree.finish();
  return { tree, lngLat };
}

/** The k points nearest to [lng, lat] by great-circle distance, nearest first, with metres. */
export function nearestByStraightLine(
  index: PointIndex,
  lngLat: readonly [number, number],
  k: number,
  filter?: (i: number) => boolean,
): Array<{ index: number; meters: number }> {
  if (index.lngLat.length === 0) return [];
  const ids = around(index.tree, lngLat[0], lngLat[1], k, Infinity, filter) as number[];
  return ids.map((i) => ({ index: i, meters: haversineMeters(lngLat[0], lngLat[1], index.lngLat[2 * i]!, index.lngLat[2 * i + 1]!) }));
}
