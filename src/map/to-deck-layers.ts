import type { Layer, PickingInfo } from '@deck.gl/core';
import { GeoJsonLayer, IconLayer, PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { buildKindIconSvg, type ResourceKind } from '../config/resource-kinds';
import { clusterRadiusPixels } from './layers/cluster-layer';
import type {
  ClusterCirclesDescriptor,
  ClusterDatum,
  HighlightDescriptor,
  IconPointsDescriptor,
  LayerDescriptor,
  MapPath,
  MapPoint,
  PathsDescriptor,
  PickRef,
  ShapesDescriptor,
  PlaceLabel,
  PolygonBandsDescriptor,
  TextLabelsDescriptor,
} from './layer-descriptor';

/** The only file that imports deck.gl layer classes. Instances are recreated on every render. */

const ICON_ATLAS_PIXELS = 48;
const iconUrlCache = new Map<ResourceKind, string>();

function iconUrl(kind: ResourceKind): string {
  let url = iconUrlCache.get(kind);
  if (!url) {
    url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(buildKindIconSvg(kind, ICON_ATLAS_PIXELS))}`;
    iconUrlCache.set(kind, url);
  }
  return url;
}

function toIconLayer(d: IconPointsDescriptor): Layer {
  const icon = { url: iconUrl(d.icon), id: d.icon, width: ICON_ATLAS_PIXELS, height: ICON_ATLAS_PIXELS, mask: false };
  return new IconLayer<MapPoint>({
    id: d.id,
    data: d.points as MapPoint[],
    visible: d.visible,
    pickable: d.pickable,
    getPosition: (p) => [p.lngLat[0], p.lngLat[1]],
    getIcon: () => icon,
    getSize: d.iconSizePixels,
    sizeUnits: 'pixels',
  });
}

function toClusterLayers(d: ClusterCirclesDescriptor): Layer[] {
  const data = d.clusters as ClusterDatum[];
  const [r, g, b] = d.color;
  return [
    new ScatterplotLayer<ClusterDatum>({
      id: d.id,
      data,
      visible: d.visible,
      pickable: d.pickable,
      getPosition: (c) => [c.lngLat[0], c.lngLat[1]],
      getRadius: (c) => clusterRadiusPixels(c.pointCount, d.minRadiusPixels, d.maxRadiusPixels),
      radiusUnits: 'pixels',
      getFillColor: [r, g, b, 210],
      stroked: true,
      getLineColor: [255, 255, 255, 255],
      getLineWidth: 2,
      lineWidthUnits: 'pixels',
    }),
    new TextLayer<ClusterDatum>({
      id: `${d.id}-count`,
      data,
      visible: d.visible,
      pickable: false,
      getPosition: (c) => [c.lngLat[0], c.lngLat[1]],
      getText: (c) => String(c.pointCount),
      getSize: 13,
      sizeUnits: 'pixels',
      getColor: [255, 255, 255, 255],
      fontWeight: 700,
      fontFamily: 'Noto Sans, Arial, sans-serif',
      characterSet: '0123456789',
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
    }),
  ];
}

function toHighlightLayer(d: HighlightDescriptor): Layer {
  const data = d.lngLat ? [d.lngLat] : [];
  return new ScatterplotLayer<readonly [number, number]>({
    id: d.id,
    data,
    visible: d.visible,
    pickable: false,
    getPosition: (p) => [p[0], p[1]],
    getRadius: d.radiusPixels,
    radiusUnits: 'pixels',
    filled: false,
    stroked: true,
    getLineColor: [d.color[0], d.color[1], d.color[2], 255],
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

type BandFeature = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

function toPolygonBandsLayer(d: PolygonBandsDescriptor): Layer {
  return new GeoJsonLayer({
    id: d.id,
    data: d.bands,
    visible: d.visible,
    pickable: d.pickable,
    filled: true,
    stroked: true,
    getFillColor: (f) => {
      const value = (f as BandFeature).properties[d.valueProperty];
      const color = d.fillColorsByValue[String(value)] ?? d.fallbackColor;
      return [color[0], color[1], color[2], color[3]];
    },
    getLineColor: [d.lineColor[0], d.lineColor[1], d.lineColor[2], d.lineColor[3]],
    getLineWidth: d.lineWidthPixels,
    lineWidthUnits: 'pixels',
    updateTriggers: { getFillColor: [d.valueProperty, JSON.stringify(d.fillColorsByValue)] },
  });
}

function toPathsLayer(d: PathsDescriptor): Layer {
  return new PathLayer<MapPath>({
    id: d.id,
    data: d.paths as MapPath[],
    visible: d.visible,
    pickable: d.pickable,
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
    pickable: d.pickable,
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
        layers.push(toPolygonBandsLayer(d));
        break;
      case 'text-labels':
        layers.push(toTextLabelsLayer(d));
        break;
      case 'paths':
        layers.push(toPathsLayer(d));
        break;
      case 'shapes':
        layers.push(toShapesLayer(d));
        break;
    }
  }
  return layers;
}

/** Translates a deck.gl pick into what the UI understands, using the descriptor it came from. */
export function toPickRef(descriptors: readonly LayerDescriptor[], info: PickingInfo): PickRef | null {
  if (!info.layer || info.object == null) return null;
  const d = descriptors.find((x) => x.id === info.layer?.id);
  if (!d) return null;
  if (d.type === 'icon-points') {
    const p = info.object as MapPoint;
    return { type: 'resource', id: p.id, kind: p.kind };
  }
  if (d.type === 'cluster-circles') {
    const c = info.object as ClusterDatum;
    return { type: 'cluster', kind: d.kind, clusterId: c.clusterId, pointCount: c.pointCount, lngLat: c.lngLat };
  }
  return null;
}
