/**
 * Drawing (typhoon.md "Drawing", display only): four quarter arcs — destination points along great
 * circles at most 5° of bearing apart — joined by radial steps on the N, E, S and W bearings, as
 * the Chinese typhoon sites draw them. Destination points on the sphere take care of cos(latitude).
 */
import { destinationPoint } from './geodesy';
import type { FullRadii } from './wind-circles';

const QUADRANTS: ReadonlyArray<{ key: keyof FullRadii; from: number }> = [
  { key: 'ne', from: 0 }, { key: 'se', from: 90 }, { key: 'sw', from: 180 }, { key: 'nw', from: 270 },
];

/**
 * The closed outer ring of a wind circle, counter-clockwise (RFC 7946), [lng, lat]. A quadrant with
 * radius 0 shrinks to the centre, so the radial steps meet there.
 */
export function windCircleRing(centre: readonly [number, number], radiiMeters: FullRadii, maxStepDegrees = 5): [number, number][] {
  const steps = Math.max(1, Math.ceil(90 / Math.min(maxStepDegrees, 90)));
  const clockwise: [number, number][] = [];
  for (const q of QUADRANTS) {
    const r = radiiMeters[q.key];
    for (let s = 0; s <= steps; s++) {
      const bearing = q.from + (90 * s) / steps;
      clockwise.push(r > 0 ? destinationPoint(centre[0], centre[1], bearing, r) : [centre[0], centre[1]]);
    }
  }
  const ring = clockwise.reverse();
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}
