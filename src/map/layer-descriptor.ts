import type { FeatureCollection, Geometry, Polygon, MultiPolygon } from 'geojson';
import type { IconKey, ResourceKind, RgbColor } from '../config/resource-kinds';
import type { FanGroup } from './fan-out';

/**
 * Map layers as plain, serialisable descriptions. `to-deck-layers.ts` is the only place that turns
 * them into deck.gl layers; everything here can be built and snapshot-tested without WebGL.
 */

/** The minimum a point on the map needs; resources from src/io satisfy it structurally. */
export interface MapPoint {
  id: string;
  kind: ResourceKind;
  lngLat: readonly [number, number];
}

/** What a picked object refers to, so the UI can show a tooltip or open a panel. */
export type PickRef =
  | { type: 'resource'; id: string; kind: ResourceKind }
  | {
      type: 'cluster';
      /** 'camera' clusters hold cameras only; 'resources' clusters mix the other kinds. */
      group: ClusterGroup;
      clusterId: number;
      pointCount: number;
      kindCounts: Partial<Record<ResourceKind, number>>;
      lngLat: readonly [number, number];
      /** Zoom at which the cluster breaks apart (click: fly there). */
      expansionZoom: number;
    };

export interface IconPointsDescriptor {
  type: 'icon-points';
  id: string;
  kind: ResourceKind;
  visible: boolean;
  points: readonly MapPoint[];
  /** Icon key of every point; to-deck-layers resolves it with buildIconSvg. */
  icon: ResourceKind;
  /** Per point (aligned with `points`), when points of the kind differ (e.g. shelters open / full / closed). */
  iconKeys?: readonly IconKey[];
  /** Per point (aligned with `points`): where it is drawn when fanned out; otherwise at its lngLat. */
  displayLngLats?: readonly (readonly [number, number])[];
  iconSizePixels: number;
  pickable: boolean;
}

export interface ClusterDatum {
  clusterId: number;
  lngLat: readonly [number, number];
  pointCount: number;
  kindCounts: Partial<Record<ResourceKind, number>>;
  expansionZoom: number;
  /** Where the circle is drawn when moved clear of other icons; otherwise at lngLat. */
  displayLngLat?: readonly [number, number];
}

export type ClusterGroup = 'camera' | 'resources';

export interface ClusterCirclesDescriptor {
  type: 'cluster-circles';
  id: string;
  group: ClusterGroup;
  visible: boolean;
  clusters: readonly ClusterDatum[];
  fillColor: readonly [number, number, number, number];
  lineColor: RgbColor;
  lineWidthPixels: number;
  textColor: RgbColor;
  /** Circle radius grows with log(count) between these bounds. */
  minRadiusPixels: number;
  maxRadiusPixels: number;
  pickable: boolean;
}

export interface HighlightDescriptor {
  type: 'highlight';
  id: string;
  visible: boolean;
  lngLat: readonly [number, number] | null;
  radiusPixels: number;
  color: RgbColor;
}

/** Banded polygons (e.g. 5/10/15-minute isochrones), one fill colour per band value. */
export interface PolygonBandsDescriptor {
  type: 'polygon-bands';
  id: string;
  visible: boolean;
  bands: FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;
  /** Feature property holding the band value (e.g. "minutes"). */
  valueProperty: string;
  /** Band value → fill colour, alpha 0–255. Bands not listed are drawn with `fallbackColor`. */
  fillColorsByValue: Readonly<Record<string, readonly [number, number, number, number]>>;
  fallbackColor: readonly [number, number, number, number];
  lineColor: readonly [number, number, number, number];
  lineWidthPixels: number;
  pickable: boolean;
}

export interface PlaceLabel {
  id: string;
  text: string;
  lngLat: readonly [number, number];
}

/** Text on a light plate, drawn above the icons so place names stay legible where resources crowd. */
export interface TextLabelsDescriptor {
  type: 'text-labels';
  id: string;
  visible: boolean;
  labels: readonly PlaceLabel[];
  sizePixels: number;
  color: RgbColor;
  backgroundColor: readonly [number, number, number, number];
  /** Font families, first match wins (drawn locally; characters are collected from the labels). */
  fontFamily: string;
}

export type Rgba = readonly [number, number, number, number];

/** One polyline (a route, a closed road segment, a dash of an off-road leg). */
export interface MapPath {
  id: string;
  path: readonly (readonly [number, number])[];
  color: Rgba;
  widthPixels: number;
}

/** Polylines drawn in order (later over earlier); dashes are separate short paths. */
export interface PathsDescriptor {
  type: 'paths';
  id: string;
  visible: boolean;
  paths: readonly MapPath[];
  pickable: boolean;
  /**
   * 'maplibre': drawn by MapLibre as GeoJSON line / fill / circle layers with constant paint (the
   * program variants the basemap already compiled), under the labels and the deck.gl icons; on
   * software WebGL a first deck.gl layer of a new type otherwise holds the main thread for 0.5–1 s.
   */
  drawnBy?: 'maplibre';
}

/** Any GeoJSON (drawn closures, flood polygons, typhoon tracks…) in one fill and line colour. */
export interface ShapesDescriptor {
  type: 'shapes';
  id: string;
  visible: boolean;
  features: FeatureCollection<Geometry, Record<string, unknown>>;
  fillColor: Rgba;
  lineColor: Rgba;
  lineWidthPixels: number;
  pointRadiusPixels: number;
  pickable: boolean;
  /**
   * 'maplibre': drawn by MapLibre as GeoJSON line / fill / circle layers with constant paint (the
   * program variants the basemap already compiled), under the labels and the deck.gl icons; on
   * software WebGL a first deck.gl layer of a new type otherwise holds the main thread for 0.5–1 s.
   */
  drawnBy?: 'maplibre';
}

/** Rings under fanned-out icons, with a dot at each member's true position. */
export interface FanOutDescriptor {
  type: 'fan-out';
  id: string;
  visible: boolean;
  groups: readonly FanGroup[];
}

/** An RGBA image over a lng/lat box (e.g. a best-time raster): no tessellation, one texture. */
export interface BitmapDescriptor {
  type: 'bitmap';
  id: string;
  visible: boolean;
  width: number;
  height: number;
  /** RGBA bytes, row 0 = north */
  rgba: Uint8ClampedArray;
  /** [west, south, east, north], degrees */
  bounds: readonly [number, number, number, number];
  opacity: number;
}

export type LayerDescriptor =
  | BitmapDescriptor
  | PathsDescriptor
  | ShapesDescriptor
  | FanOutDescriptor
  | IconPointsDescriptor
  | TextLabelsDescriptor
  | ClusterCirclesDescriptor
  | HighlightDescriptor
  | PolygonBandsDescriptor;
