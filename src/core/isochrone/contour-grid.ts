import { contours } from 'd3-contour';
import type { MultiPolygon, Position } from 'geojson';
import { frameToLngLat, type GridFrame } from './grid-frame';

export interface ContourOptions {
  /**
   * Seconds given to cells with no time (unreached, or no road within reach) when interpolating
   * the boundary: the threshold plus the time to cross one cell off-road, so a boundary between a
   * reached and an unreached cell lands where the off-road rule would put it.
   */
  readonly unreachedPaddingSeconds: number;
  /** decimals kept in output coordinates (7 ≈ 1 cm) */
  readonly decimals?: number;
}

/**
 * The area where `seconds <= thresholdSeconds` as a GeoJSON MultiPolygon in [lng, lat], with holes,
 * RFC 7946 winding (exteriors counter-clockwise, holes clockwise). Marching squares with linear
 * interpolation by d3-contour on the negated field (it contours `value >= threshold`).
 */
export function contourGrid(
  frame: GridFrame,
  seconds: Float32Array,
  thresholdSeconds: number,
  options: ContourOptions,
  mask?: (cell: number) => boolean,
): MultiPolygon {
  const cap = thresholdSeconds + options.unreachedPaddingSeconds;
  const values = new Float64Array(seconds.length);
  for (let i = 0; i < seconds.length; i++) {
    const s = seconds[i]!;
    values[i] = -(s < cap && (!mask || mask(i)) ? s : cap);
  }
  const geometry = contours().size([frame.width, frame.height]).thresholds([-thresholdSeconds])(values as unknown as number[])[0]!;
  const scale = 10 ** (options.decimals ?? 7);
  const toLngLat = (p: Position): Position => {
    const [lng, lat] = frameToLngLat(frame, p[0]!, p[1]!);
    return [Math.round(lng * scale) / scale, Math.round(lat * scale) / scale];
  };
  const coordinates = geometry.coordinates.map((polygon) =>
    polygon.map((ring, i) => orient(ring.map(toLngLat), i === 0)),
  );
  return { type: 'MultiPolygon', coordinates };
}

/** Shoelace area in lng/lat: positive when counter-clockwise. */
export function ringSignedArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return a / 2;
}

function orient(ring: Position[], exterior: boolean): Position[] {
  const ccw = ringSignedArea(ring) > 0;
  return ccw === exterior ? ring : ring.reverse();
}
