import { colorCatchments, travelTimeGridOf, type PlanningPoint, type RoadNetwork } from '../core';
import { frameToLngLat } from '../core/isochrone/grid-frame';
import { resolveTravelAreaOptions } from '../core/isochrone/isochrone-options';

export interface AreaRaster {
  readonly width: number;
  readonly height: number;
  /** [west, south, east, north] of the image, degrees */
  readonly bounds: [number, number, number, number];
  /** RGBA, row 0 = north */
  readonly rgba: Uint8ClampedArray;
  /**
   * With catchments: per station that reaches some place first within the limit, its colour
   * (index in the palette; touching catchments never share one while the palette suffices) and
   * the area it reaches first, km² (cells × cell area). Largest area first.
   */
  readonly catchments?: ReadonlyArray<{ sourceId: string; colorIndex: number; areaKm2: number }>;
  /** touching catchment pairs left with one colour (palette too small); 0 normally */
  readonly catchmentClashes?: number;
}

export type Rgba = readonly [number, number, number, number];

/**
 * The covered area as an image of the best-time grid (every cell's centre timed by the spec, as
 * the contours are), coloured by band or by the fastest station (catchments). Drawing an image
 * costs the map no polygon tessellation on the main thread, however many stations there are.
 */
export function areaRaster(
  net: RoadNetwork,
  sources: readonly PlanningPoint[],
  o: { bandsMinutes: readonly number[]; closedEdges?: Uint8Array; catchments: boolean; bandColors: readonly Rgba[]; palette: readonly Rgba[]; signal?: AbortSignal },
): AreaRaster | null {
  const opts = resolveTravelAreaOptions({ bandsMinutes: o.bandsMinutes, closedEdges: o.closedEdges, signal: o.signal });
  const grid = travelTimeGridOf(net, sources, opts);
  if (!grid) return null;
  const { frame, seconds, label } = grid;
  const { width, height } = frame;
  const rgba = new Uint8ClampedArray(width * height * 4);
  const limits = [...opts.bandsMinutes].map((m) => m * 60);
  const limit = limits[limits.length - 1]!;
  let colorOf: Int32Array | null = null;
  let catchments: AreaRaster['catchments'];
  let catchmentClashes: number | undefined;
  if (o.catchments) {
    const inside = new Uint8Array(width * height);
    for (let i = 0; i < inside.length; i++) inside[i] = seconds[i]! <= limit ? 1 : 0;
    const coloring = colorCatchments(label, inside, width, height, sources.length, o.palette.length);
    colorOf = coloring.colorOf;
    const cellKm2 = (frame.cellSizeMeters * frame.cellSizeMeters) / 1e6;
    catchments = sources
      .map((s, l) => ({ sourceId: s.id, colorIndex: coloring.colorOf[l]!, areaKm2: coloring.cells[l]! * cellKm2 }))
      .filter((c) => c.colorIndex >= 0)
      .sort((a, b) => b.areaKm2 - a.areaKm2);
    catchmentClashes = coloring.clashes;
  }
  for (let row = 0; row < height; row++) {
    const out = (height - 1 - row) * width; // image rows run north → south
    for (let col = 0; col < width; col++) {
      const i = row * width + col, t = seconds[i]!;
      if (!(t <= limit)) continue;
      const c = colorOf ? o.palette[colorOf[label[i]!]!]! : o.bandColors[Math.min(limits.findIndex((l) => t <= l), o.bandColors.length - 1)]!;
      const k = 4 * (out + col);
      rgba[k] = c[0]; rgba[k + 1] = c[1]; rgba[k + 2] = c[2]; rgba[k + 3] = c[3];
    }
  }
  const [west, south] = frameToLngLat(frame, 0, 0);
  const [east, north] = frameToLngLat(frame, width, height);
  return { width, height, bounds: [west, south, east, north], rgba, catchments, catchmentClashes };
}
