import type { LineString, Polygon } from 'geojson';
import type { PickRef } from '../layer-descriptor';

/** What MapCanvas and its parts (src/map/canvas/) say to the views: plain data, no map objects. */

export interface MapView {
  center: readonly [number, number];
  zoom: number;
}

export interface FlyRequest {
  lngLat: readonly [number, number];
  zoom: number;
  /** Changes on every request so the same place can be flown to twice. */
  seq: number;
  /** false: jump without animation (e.g. restoring a pasted link). */
  animate?: boolean;
}

/** A click on the map: what was picked (null on empty map) and where. */
export interface MapClick {
  ref: PickRef | null;
  lngLat: [number, number];
}

/** A DOM marker on the map (e.g. the incident), optionally draggable. */
export interface MapMarker {
  id: string;
  lngLat: readonly [number, number];
  /** CSS class of the marker element (styled by the view) */
  className: string;
  /** accessible name and tooltip */
  title: string;
  draggable: boolean;
  onDragEnd?: (lngLat: [number, number]) => void;
}

/** Drawing a shape on the map (terra-draw). Finishing one calls onFinish; Enter or a click on the last point finishes. */
export interface DrawingRequest {
  mode: 'linestring' | 'polygon';
  onFinish: (geometry: LineString | Polygon) => void;
}

export interface MapImage {
  /** a blob: URL of the PNG (revoke it when done) */
  url: string;
  widthCssPixels: number;
  heightCssPixels: number;
  /** ground metres per CSS pixel at the map's centre */
  metersPerPixel: number;
  /** [west, south, east, north] of the image (north up, Web Mercator), to place DOM markers on it */
  bounds: [number, number, number, number];
}

/** What a view may ask of the map beyond props. */
export interface MapCanvasApi {
  /** the map as drawn now (basemap + overlay) as a PNG, with its size in CSS pixels and scale; null on failure */
  captureImage: () => Promise<MapImage | null>;
  /** metres per pixel at the map's centre (for a scale bar next to a captured image) */
  metersPerPixel: () => number;
}

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** Where [lng, lat] falls on a captured image, as fractions of its width and height (0..1 inside). */
export function imageFraction(image: Pick<MapImage, 'bounds'>, lngLat: readonly [number, number]): [number, number] {
  const [w, s, e, n] = image.bounds;
  return [(lngLat[0] - w) / (e - w), (mercatorY(n) - mercatorY(lngLat[1])) / (mercatorY(n) - mercatorY(s))];
}
