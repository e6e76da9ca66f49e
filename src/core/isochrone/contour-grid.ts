import type { MultiPolygon, Position } from 'geojson';
import { frameToLngLat, type GridFrame } from './grid-frame';
import { zeroContour } from './marching-squares';

export interface ContourOptions {
  /**
   * Seconds given to cells with no time (unreached, or no road within reach) when interpolating
   * the boundary: the threshold plus the time to cross one cell off-road, so a boundary between a
   * reached and an unreached cell lands where the off-road rule would put it.
   */
  readonly unreachedPaddingSeconds: number;
  /** decimals kept in output coordinates (7 ≈ 1 cm) */
  readonly decimals?: number;
  /**
   * Each cell's distance to its nearest road (TravelTimeGrid.offRoadMeters) with the snap limit
   * and the off-road speed: the boundary then also follows where that distance crosses
   * maxSnapMeters between two cells, rather than stopping at the last cell within it.
   */
  readonly offRoad?: { readonly meters: Float32Array; readonly maxSnapMeters: number; readonly metersPerSecond: number };
}

/**
 * The area where `seconds <= thresholdSeconds` (and `mask`, when given) as a GeoJSON MultiPolygon
 * in [lng, lat] with holes and RFC 7946 winding. See `cellMargins` for the values interpolated.
 */
export function contourGrid(
  frame: GridFrame,
  seconds: Float32Array,
  thresholdSeconds: number,
  options: ContourOptions,
  mask?: (cell: number) => boolean,
  refine?: CrossingRefiner,
): MultiPolygon {
  const field = cellMargins(seconds, thresholdSeconds, options);
  if (mask) for (let i = 0; i < field.length; i++) if (!mask(i)) field[i] = -options.unreachedPaddingSeconds;
  return contourField(frame, field, options.decimals, refine);
}

/**
 * Per cell, how far inside the area its centre is, in seconds: `threshold - seconds` (and, with
 * `offRoad`, `(maxSnapMeters - offRoadMeters) / speed` when smaller), clamped to ±padding.
 *
 * The clamp is symmetric on purpose. Within one cell the spec's time changes by at most the
 * padding (one cell off-road) where it is continuous, so there the clamp changes nothing. Where
 * it jumps (a road reached early beside one reached much later or never: a carriageway whose way
 * in lies outside the extract, a pocket joined only by footways or a one-way exit), an unclamped
 * inside value far below the limit would drag the boundary almost to the outside cell's centre;
 * clamped, it lands half-way between the two centres, the unbiased place when all we know is that
 * the jump lies between them.
 */
export function cellMargins(seconds: Float32Array, thresholdSeconds: number, options: ContourOptions): Float64Array {
  const pad = options.unreachedPaddingSeconds;
  const field = new Float64Array(seconds.length);
  const off = options.offRoad;
  for (let i = 0; i < seconds.length; i++) {
    let v = thresholdSeconds - seconds[i]!; // -Infinity where unreached
    if (off) {
      // Beyond maxSnapMeters there is no time (-Infinity): the distance alone says how far out.
      const m = (off.maxSnapMeters - off.meters[i]!) / off.metersPerSecond; // -Infinity: no road near
      if (m < v || m < 0) v = m;
    }
    field[i] = v > pad ? pad : v < -pad ? -pad : v;
  }
  return field;
}

/**
 * Where `field >= 0`, as a MultiPolygon in [lng, lat]: marching squares with linear interpolation
 * (d3-contour's, ported in marching-squares.ts to stitch without copying; the same rings), exteriors
 * counter-clockwise and holes clockwise (RFC 7946). d3-contour's algorithm is used rather than
 * turf.isobands: it is ~100× faster on these grids and assigns holes to their shells.
 */
export function contourField(frame: GridFrame, field: Float64Array, decimals = 7, refine?: CrossingRefiner): MultiPolygon {
  const geometry = { coordinates: zeroContour(field, frame.width, frame.height) as Position[][][] };
  for (const polygon of geometry.coordinates) for (const ring of polygon) placeOnCellEdges(ring, field, frame.width, frame.height, refine);
  const scale = 10 ** decimals;
  const toLngLat = (p: Position): Position => {
    const [lng, lat] = frameToLngLat(frame, p[0]!, p[1]!);
    return [Math.round(lng * scale) / scale, Math.round(lat * scale) / scale];
  };
  const coordinates = geometry.coordinates.map((polygon) => polygon.map((ring, i) => orient(ring.map(toLngLat), i === 0)));
  return { type: 'MultiPolygon', coordinates };
}

/**
 * Where the boundary crosses the line between two neighbouring cell centres `a` (inside) and `b`
 * (outside), as a fraction from a to b, or undefined to interpolate the field linearly.
 */
export type CrossingRefiner = (insideCell: number, outsideCell: number) => number | undefined;

/**
 * d3-contour's linear smoothing, done here so a refiner can place chosen crossings itself: an
 * unsmoothed vertex lies half-way between two neighbouring cell centres (cell i's centre is at
 * i + 0.5), and moves to where the field, linear between them, is 0.
 */
function placeOnCellEdges(ring: Position[], field: Float64Array, width: number, height: number, refine: CrossingRefiner | undefined): void {
  for (const point of ring) {
    const x = point[0]!, y = point[1]!, xt = x | 0, yt = y | 0;
    if (x > 0 && x < width && xt === x) point[0] = x - 0.5 + crossing(field, yt * width + xt - 1, yt * width + xt, refine);
    if (y > 0 && y < height && yt === y) point[1] = y - 0.5 + crossing(field, (yt - 1) * width + xt, yt * width + xt, refine);
  }
}

/** The crossing's fraction from cell a to cell b (their field values have opposite signs). */
function crossing(field: Float64Array, a: number, b: number, refine: CrossingRefiner | undefined): number {
  const va = field[a]!, vb = field[b]!;
  if (refine) {
    const f = va >= 0 ? refine(a, b) : refine(b, a);
    if (f !== undefined) return va >= 0 ? f : 1 - f;
  }
  const d = va / (va - vb);
  return Number.isFinite(d) ? d : 0.5;
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
