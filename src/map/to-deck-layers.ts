import type { Layer } from '@deck.gl/core';
import { BitmapLayer, GeoJsonLayer, IconLayer, PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import ICON_URLS from 'virtual:onemap-icon-urls';
import { ICON_KEYS } from '../config/resource-kinds';
import type { FanGroup } from './fan-out';
import { clusterRadiusPixels } from './layers/cluster-layer';
import type {
  BitmapDescriptor,
  ClusterCirclesDescriptor,
  ClusterDatum,
  FanOutDescriptor,
  HighlightDescriptor,
  IconPointsDescriptor,
  LayerDescriptor,
  MapPath,
  MapPoint,
  PathsDescriptor,
  ShapesDescriptor,
  PlaceLabel,
  TextLabelsDescriptor,
} from './layer-descriptor';

/**
 * The only file that imports deck.gl layer classes. Instances are recreated on every render.
 * Polygon bands, and paths / shapes marked drawnBy 'maplibre', are not deck.gl layers: MapCanvas
 * hands them to MapLibre as GeoJSON sources (src/map/canvas/polygon-bands.ts, overlay-sources.ts).
 * No deck.gl layer is pickable: a descriptor's `pickable` is honoured by the CPU hit-test
 * (src/map/hit-test.ts), so deck.gl never renders a picking pass nor waits on readPixels.
 */

const ICON_ATLAS_PIXELS = 48;
const ICON_MAPPING = Object.fromEntries(
  ICON_KEYS.map((key, i) => [key, { x: i * ICON_ATLAS_PIXELS, y: 0, width: ICON_ATLAS_PIXELS, height: ICON_ATLAS_PIXELS, mask: false }]),
);
let iconAtlasPromise: Promise<HTMLCanvasElement> | null = null;

/**
 * One atlas of every icon, drawn once from the same-origin SVG files (ICON_URLS, made at build time
 * by buildIconSvg) through <img> elements: under the strict CSP deck.gl's own loader cannot be used
 * (it turns SVG into a data: URL, which img-src 'self' refuses). Given to deck.gl as an async prop.
 */
function iconAtlas(): Promise<HTMLCanvasElement> | null {
  if (typeof document === 'undefined') return null; // Node (tests): no images
  iconAtlasPromise ??= Promise.all(ICON_KEYS.map((key) => new Promise<HTMLImageElement>((resolve, reject) => {
    const img = new Image(ICON_ATLAS_PIXELS, ICON_ATLAS_PIXELS);
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(`icon ${key} did not load from ${ICON_URLS[key]}`));
    img.src = ICON_URLS[key];
  }))).then((images) => {
    const canvas = document.createElement('canvas');
    canvas.width = ICON_ATLAS_PIXELS * images.length;
    canvas.height = ICON_ATLAS_PIXELS;
    const ctx = canvas.getContext('2d')!;
    images.forEach((img, i) => ctx.drawImage(img, i * ICON_ATLAS_PIXELS, 0, ICON_ATLAS_PIXELS, ICON_ATLAS_PIXELS));
    return canvas;
  });
  return iconAtlasPromise;
}

function toIconLayer(d: IconPointsDescriptor): Layer {
  const { iconKeys, displayLngLats } = d;
  return new IconLayer<MapPoint>({
    id: d.id,
    data: d.points as MapPoint[],
    visible: d.visible,
    pickable: false,
    getPosition: displayLngLats
      ? (_p, { index }) => [displayLngLats[index]![0], displayLngLats[index]![1]]
      : (p) => [p.lngLat[0], p.lngLat[1]],
    iconAtlas: iconAtlas() as never,
    iconMapping: ICON_MAPPING,
    getIcon: iconKeys ? (_p, { index }) => iconKeys[index]! : () => d.icon,
    getSize: d.iconSizePixels,
    sizeUnits: 'pixels',
    updateTriggers: { getPosition: [displayLngLats], getIcon: [iconKeys] },
  });
}

const clusterPosition = (c: ClusterDatum): [number, number] => {
  const p = c.displayLngLat ?? c.lngLat;
  return [p[0], p[1]];
};

function toClusterLayers(d: ClusterCirclesDescriptor): Layer[] {
  const data = d.clusters as ClusterDatum[];
  const [r, g, b, a] = d.fillColor;
  const [lr, lg, lb] = d.lineColor;
  const [tr, tg, tb] = d.textColor;
  return [
    new ScatterplotLayer<ClusterDatum>({
      id: d.id,
      data,
      visible: d.visible,
      pickable: false,
      getPosition: clusterPosition,
      getRadius: (c) => clusterRadiusPixels(c.pointCount, d.minRadiusPixels, d.maxRadiusPixels),
      radiusUnits: 'pixels',
      getFillColor: [r, g, b, a],
      stroked: true,
      getLineColor: [lr, lg, lb, 255],
      getLineWidth: d.lineWidthPixels,
      lineWidthUnits: 'pixels',
    }),
    new TextLayer<ClusterDatum>({
      id: `${d.id}-count`,
      data,
      visible: d.visible,
      pickable: false,
      getPosition: clusterPosition,
      getText: (c) => String(c.pointCount),
      getSize: 13,
      sizeUnits: 'pixels',
      getColor: [tr, tg, tb, 255],
      fontWeight: 700,
      fontFamily: 'Noto Sans, Arial, sans-serif',
      characterSet: '0123456789',
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
    }),
  ];
}

/**
 * deck.gl compares `data` by identity: a new array is a data change (attributes rebuilt, a redraw,
 * and with software WebGL the compositor reading the canvas back: ~100 ms a frame here). Layers are
 * recreated on every render, so the data they derive is kept per source object.
 */
/**
 * While nothing is highlighted the ring is still drawn, as one transparent ring far outside the map
 * (lng/lat 0, 0): its WebGL pipeline then exists from the first frame. On software WebGL (SwiftShader)
 * a pipeline is compiled at its first draw, inside the frame: the first selection or hover of a row
 * otherwise waited ~250 ms in that frame's read-back for the compile (duty-nav-probe trace).
 */
const PLACEHOLDER_POINTS: ReadonlyArray<readonly [number, number]> = [[0, 0]];
const TRANSPARENT: [number, number, number, number] = [0, 0, 0, 0];
const highlightData = new WeakMap<readonly [number, number], ReadonlyArray<readonly [number, number]>>();
function highlightPoints(lngLat: readonly [number, number] | null): ReadonlyArray<readonly [number, number]> {
  if (!lngLat) return PLACEHOLDER_POINTS;
  let data = highlightData.get(lngLat);
  if (!data) highlightData.set(lngLat, (data = [lngLat]));
  return data;
}

function toHighlightLayer(d: HighlightDescriptor): Layer {
  const shown = d.visible && d.lngLat !== null;
  const data = highlightPoints(shown ? d.lngLat : null) as Array<readonly [number, number]>;
  return new ScatterplotLayer<readonly [number, number]>({
    id: d.id,
    data,
    visible: true,
    pickable: false,
    getPosition: (p) => [p[0], p[1]],
    getRadius: d.radiusPixels,
    radiusUnits: 'pixels',
    filled: false,
    stroked: true,
    getLineColor: shown ? [d.color[0], d.color[1], d.color[2], 255] : TRANSPARENT,
    getLineWidth: 4,
    lineWidthUnits: 'pixels',
  });
}

function toTextLabelsLayer(d: TextLabelsDescriptor): Layer {
  return new TextLayer<PlaceLabel>({
    id: d.id,
    data: d.labels as PlaceLabel[],
    visible: d.visible,
    pickable: false,
    getPosition: (l) => [l.lngLat[0], l.lngLat[1]],
    getText: (l) => l.text,
    getSize: d.sizePixels,
    sizeUnits: 'pixels',
    getColor: [d.color[0], d.color[1], d.color[2], 255],
    fontFamily: d.fontFamily,
    fontWeight: 600,
    // Build the glyph atlas from the characters actually used (CJK and Latin), drawn locally.
    characterSet: 'auto',
    background: true,
    getBackgroundColor: [d.backgroundColor[0], d.backgroundColor[1], d.backgroundColor[2], d.backgroundColor[3]],
    backgroundPadding: [4, 2, 4, 2],
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'bottom',
    getPixelOffset: [0, -14],
  });
}

type FanMember = { lngLat: readonly [number, number] };

/** Each fan-out's member spots, per groups array (the same data for deck.gl while the groups stay). */
const fanMembers = new WeakMap<FanOutDescriptor['groups'], FanMember[]>();

/** A hidden fan-out's stand-in: one empty group far outside the map, drawn transparent. */
const PLACEHOLDER_FAN: FanGroup[] = [{ centerLngLat: [0, 0], radiusMeters: 0, memberIds: [], memberLngLats: [] }];
const PLACEHOLDER_SPOTS: FanMember[] = [{ lngLat: [0, 0] }];

/**
 * A pale disc under each fan and a dark dot at every member's true spot. A hidden or empty fan-out
 * is still drawn, as one transparent disc and dot at lng/lat 0, 0, so that its pipelines exist before
 * the first fan (SwiftShader compiles a pipeline at its first draw, inside that frame).
 */
function toFanOutLayers(d: FanOutDescriptor): Layer[] {
  const shown = d.visible && d.groups.length > 0;
  const groups = shown ? (d.groups as FanGroup[]) : PLACEHOLDER_FAN;
  let members = shown ? fanMembers.get(d.groups) : PLACEHOLDER_SPOTS;
  if (!members) fanMembers.set(d.groups, (members = groups.flatMap((g) => g.memberLngLats.map((lngLat) => ({ lngLat })))));
  return [
    new ScatterplotLayer<FanGroup>({
      id: d.id,
      data: groups,
      visible: true,
      pickable: false,
      getPosition: (g) => [g.centerLngLat[0], g.centerLngLat[1]],
      getRadius: (g) => g.radiusMeters,
      radiusUnits: 'meters',
      getFillColor: shown ? [255, 255, 255, 150] : [0, 0, 0, 0],
      stroked: true,
      getLineColor: shown ? [52, 58, 74, 200] : [0, 0, 0, 0],
      getLineWidth: 1.5,
      lineWidthUnits: 'pixels',
    }),
    new ScatterplotLayer<FanMember>({
      id: `${d.id}-spots`,
      data: members,
      visible: true,
      pickable: false,
      getPosition: (m) => [m.lngLat[0], m.lngLat[1]],
      getRadius: 3,
      radiusUnits: 'pixels',
      getFillColor: shown ? [52, 58, 74, 230] : [0, 0, 0, 0],
    }),
  ];
}

/** One ImageData per descriptor image: a re-render with the same bytes uploads no new texture. */
const bitmapImages = new WeakMap<Uint8ClampedArray, ImageData>();

function toBitmapLayer(d: BitmapDescriptor): Layer {
  let image = bitmapImages.get(d.rgba) ?? null;
  if (!image && typeof ImageData !== 'undefined') {
    image = new ImageData(d.rgba as Uint8ClampedArray<ArrayBuffer>, d.width, d.height);
    bitmapImages.set(d.rgba, image);
  }
  return new BitmapLayer({
    id: d.id,
    visible: d.visible,
    image,
    bounds: [d.bounds[0], d.bounds[1], d.bounds[2], d.bounds[3]],
    opacity: d.opacity,
    pickable: false,
    textureParameters: { minFilter: 'nearest', magFilter: 'nearest' },
  });
}

function toPathsLayer(d: PathsDescriptor): Layer {
  return new PathLayer<MapPath>({
    id: d.id,
    data: d.paths as MapPath[],
    visible: d.visible,
    pickable: false,
    getPath: (p) => p.path.map((c) => [c[0], c[1]] as [number, number]),
    getColor: (p) => [p.color[0], p.color[1], p.color[2], p.color[3]],
    getWidth: (p) => p.widthPixels,
    widthUnits: 'pixels',
    capRounded: true,
    jointRounded: true,
  });
}

function toShapesLayer(d: ShapesDescriptor): Layer {
  return new GeoJsonLayer({
    id: d.id,
    data: d.features,
    visible: d.visible,
    pickable: false,
    filled: true,
    stroked: true,
    getFillColor: [d.fillColor[0], d.fillColor[1], d.fillColor[2], d.fillColor[3]],
    getLineColor: [d.lineColor[0], d.lineColor[1], d.lineColor[2], d.lineColor[3]],
    getLineWidth: d.lineWidthPixels,
    lineWidthUnits: 'pixels',
    pointType: 'circle',
    getPointRadius: d.pointRadiusPixels,
    pointRadiusUnits: 'pixels',
  });
}

export function toDeckLayers(descriptors: readonly LayerDescriptor[]): Layer[] {
  const layers: Layer[] = [];
  for (const d of descriptors) {
    switch (d.type) {
      case 'icon-points':
        layers.push(toIconLayer(d));
        break;
      case 'cluster-circles':
        layers.push(...toClusterLayers(d));
        break;
      case 'highlight':
        layers.push(toHighlightLayer(d));
        break;
      case 'polygon-bands':
        // Drawn by MapLibre (MapCanvas), which tessellates polygons in its own worker.
        break;
      case 'fan-out':
        layers.push(...toFanOutLayers(d));
        break;
      case 'text-labels':
        layers.push(toTextLabelsLayer(d));
        break;
      case 'paths':
        if (d.drawnBy !== 'maplibre') layers.push(toPathsLayer(d));
        break;
      case 'shapes':
        if (d.drawnBy !== 'maplibre') layers.push(toShapesLayer(d));
        break;
      case 'bitmap':
        layers.push(toBitmapLayer(d));
        break;
    }
  }
  return layers;
}
