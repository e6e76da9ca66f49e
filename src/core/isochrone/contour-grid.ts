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
 * The area where `seconds <= thresholdSeconds` (and `mask`, when given) as a GeoJSON MultiPolygon
 * in [lng, lat] with holes and RFC 7946 winding. Unreached cells count as the threshold plus
 * `unreachedPaddingSeconds` for the boundary's interpolation.
 */
export function contourGrid(
  frame: GridFrame,
  seconds: Float32Array,
  thresholdSeconds: number,
  options: ContourOptions,
  mask?: (cell: number) => boolean,
): MultiPolygon {
  const cap = thresholdSeconds + options.unreachedPaddingSeconds;
  const field = new Float64Array(seconds.length);
  for (let i = 0; i < seconds.length; i++) {
    const s = seconds[i]!;
    field[i] = thresholdSeconds - (s < cap && (!mask || mask(i)) ? s : cap);
  }
  return contourField(frame, field, options.decimals);
}

/**
 * Where `field >= 0`, as a MultiPolygon in [lng, lat]: marching squares with linear interpolation
 * (d3-contour), exteriors counter-clockwise and holes clockwise (RFC 7946). d3-contour is used
 * rather than turf.isobands: it is ~100× faster on these grids and assigns holes to their shells.
 */
export function contourField(frame: GridFrame, field: Float64Array, decimals = 7): MultiPolygon {
  const geometry = contours().size([frame.width, frame.height]).thresholds([0])(field as unknown as number[])[0]!;
  const scale = 10 ** decimals;
  const toLngLat = (p: Position): Position => {
    const [lng, lat] = frameToLngLat(frame, p[0]!, p[1]!);
    return [Math.round(lng * scale) / scale, Math.round(lat * scale) / scale];
  };
  const coordinates = geometry.coordinates.map((polygon) => polygon.map((ring, i) => orient(ring.map(toLngLat), i === 0)));
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
