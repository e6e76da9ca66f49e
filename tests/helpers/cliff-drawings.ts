/**
 * The hand-drawn time-cliff cases, shared by tests/core/time-cliffs.test.ts and the golden
 * fixtures tests/fixtures/isochrone/in/cliff-*.geojson (written from these drawings by
 * `npx tsx tests/helpers/write-cliff-fixtures.ts`).
 */
import { asciiGraph, type AsciiGraph } from './ascii-graph';

export interface CliffDrawing {
  readonly g: AsciiGraph;
  readonly sources: Array<{ id: string; lngLat: [number, number] }>;
  readonly bandsMinutes: number[];
  readonly description: string;
}

// One character = 20 m.
const dual = asciiGraph(`
   E----------------F
   .
   .
   A----------------B
   |
   S
`, [
  // Westbound carriageway: entered at X, which lies outside the extract (the way is cut there).
  { nodes: 'XFE', tags: { highway: 'primary', oneway: 'yes' } },
  // Eastbound carriageway, leaving the extract at Y.
  { nodes: 'ABY', tags: { highway: 'primary', oneway: 'yes' } },
  'SA',
], { gridMeters: 20 });

const pocket = asciiGraph(`
  A-p---------q---------r---------s---------B
    .         .         .         ^
    .         .         .         |
    .         .         .         |
    t------D  u------F  v------H  w------J
`, [
  'ApqrsB', 'tD', 'uF', 'vH', 'wJ',
  { nodes: 'pt', tags: { highway: 'footway' } },
  { nodes: 'qu', tags: { highway: 'steps' } },
  { nodes: 'rv', tags: { highway: 'cycleway' } },
  { nodes: 'ws', tags: { highway: 'residential', oneway: 'yes' } },
], { gridMeters: 20 });

// CD, 3.1 km south and never reached, moves the network's centre (and so the raster lattice) so
// that no cell centre lies exactly 500 m from AB: the limit falls between two centres.
const beyond = asciiGraph(`A-------B${'\n'.repeat(31)}C-D`, ['AB', 'CD'], { gridMeters: 100 });

export const cliffDrawings = {
  dualCarriageway: {
    g: dual, sources: [{ id: 'S', lngLat: dual.at('S') }], bandsMinutes: [2],
    description: 'A dual carriageway, 60 m apart (20 m grid): A→B eastbound one-way primary reached from S; F→E westbound is entered at a node outside the extract, so nothing reaches it. The 2-min area must stop half-way between the carriageways (30 m north of AB), not swallow the strip up to the far one.',
  },
  pockets: {
    g: pocket, sources: [{ id: 'A', lngLat: pocket.at('A') }], bandsMinutes: [4],
    description: 'Main street A–B (residential, 20 m grid) and four pocket streets 80 m south of it, joined only by a footway (p–t), steps (q–u), a cycleway (r–v) or a one-way exit (w→s): none can be entered from A. The 4-min area must end half-way (40 m south of AB) along each pocket.',
    pockets: [['footway', 40], ['steps', 240], ['cycleway', 440], ['one-way exit', 640]] as Array<[string, number]>,
  },
  beyondSnap: {
    g: beyond, sources: [{ id: 'A', lngLat: beyond.at('A') }], bandsMinutes: [20],
    description: 'One 800 m residential road A–B (100 m grid; C–D far south, unreached, only shifts the raster lattice), 20 minutes from A: the off-road limit (maxSnapMeters 500), not the time, ends the area, 500 m each side of the road.',
  },
} satisfies Record<string, CliffDrawing & Record<string, unknown>>;
