import type { ComponentType, ReactNode } from 'react';
import type { ResourceKind } from '../../config/resource-kinds';
import type { Resource } from '../../io/schemas/resource';
import type { BasemapData } from '../../map/basemap-style';
import type { LayerDescriptor } from '../../map/layer-descriptor';
import type { DrawingRequest, MapCanvasApi, MapClick, MapMarker } from '../../map/MapCanvas';
import type { BarrierSpec } from '../../workers/protocol';
import type { Selected } from '../components/DetailPanel';
import type { DerivedData } from '../state/use-derived-data';

/** A view's own URL hash fields (everything but the shell's map/layers/sel/circle/lang/view). */
export type ViewParams = Readonly<Record<string, string>>;

/**
 * What a view adds to the shared map while it is active. Pass a memoised object (useMemo):
 * a new object on every render re-renders the shell on every render.
 */
export interface ViewContribution {
  /** drawn under the resource icons (areas, routes) */
  below?: readonly LayerDescriptor[];
  /** drawn over the icons and labels (highlights, closures) */
  above?: readonly LayerDescriptor[];
  /**
   * Every map click, first. Return true when the view handled it; otherwise the shell does its
   * default (a resource opens its detail panel, a cluster zooms in, empty map does nothing).
   */
  onMapClick?: (click: MapClick) => boolean;
  /** right-click, or a long press on a touch screen */
  onMapContextMenu?: (lngLat: [number, number]) => void;
  /** DOM markers (draggable ones too) */
  markers?: readonly MapMarker[];
  /** while set, clicks draw a line or polygon (terra-draw) instead of picking */
  drawing?: DrawingRequest | null;
  /** extra buttons under the detail panel of a resource or place (search hits open it too) */
  detailActions?: (selected: Selected) => ReactNode;
  /** road closures that shell computations (the rescue circle) must respect */
  barriers?: BarrierSpec;
}

/** The contract between the shell (src/ui/App.tsx) and a view. */
export interface ViewProps {
  lang: 'zh-CN' | 'en';
  /** resources after the layer panel's filters, places, search entries and lookups by id */
  data: DerivedData;
  /** every resource per kind, before any filter: imported layers merged in and shelter edits laid over (useLocalResources) */
  resourcesByKind: Readonly<Record<ResourceKind, Resource[]>>;
  /** resources and basemap loaded */
  dataReady: boolean;
  /** the basemap's GeoJSON (county and township outlines, villages, roads); null until loaded */
  basemap: BasemapData | null;
  /** this view's hash fields (parsed on load and on a pasted link) */
  params: ViewParams;
  /** replaces this view's hash fields (written with replaceState; insertion order is kept) */
  setParams: (next: ViewParams) => void;
  /** the feature whose detail panel is open (hash `sel=`) */
  selectedId: string | null;
  select: (id: string | null) => void;
  /** moves the map (zoom defaults to keeping the current one, at least FOCUS_ZOOM) */
  flyTo: (lngLat: readonly [number, number], zoom?: number) => void;
  /** current map zoom */
  zoom: number;
  /** registers what the view draws and handles on the map; call from an effect (see useMapContribution) */
  contribute: (contribution: ViewContribution) => void;
  /** map image capture etc.; null until the map exists or without WebGL */
  mapApi: MapCanvasApi | null;
}

export interface ViewDefinition {
  /** URL id: `#view=<id>` (letters, digits, - and _) */
  id: string;
  /** i18n key of its name in the view switcher */
  labelKey: string;
  component: ComponentType<ViewProps>;
  /**
   * The resource layers shown when the view opens from a link without `layers`, or is switched to
   * from another view whose default layers were left as they were (registry order); every kind if
   * omitted. Layers the user changed stay as they are across views.
   */
  defaultVisibleKinds?: readonly ResourceKind[];
}
