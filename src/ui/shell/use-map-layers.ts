import { useEffect, useMemo } from 'react';
import { MAX_ZOOM, MIN_ZOOM, PLACE_LABEL_MIN_ZOOM } from '../../config/map-defaults';
import type { ResourceKind } from '../../config/resource-kinds';
import type { LayerDescriptor } from '../../map/layer-descriptor';
import { buildLayerDescriptors, countDrawnByKind, drawnClusterPositions, drawnIconPositions, prewarmResourceDescriptors } from '../../map/layers/build-layer-descriptors';
import type { MapView } from '../../map/MapCanvas';
import { exposeForTests } from '../../map/test-hook';
import { isLargeDataset } from '../../queries/dataset';
import { useWorkerClusters } from '../../queries/use-worker-clusters';
import type { DerivedData } from '../state/use-derived-data';

/** Above this many resources shown, they are clustered in the cluster worker, not on the page. */
export const MAIN_THREAD_MAX_POINTS = 20_000;
const pointCount = (byKind: Readonly<Record<string, readonly unknown[]>>) => Object.values(byKind).reduce((n, a) => n + a.length, 0);

export interface MapLayersInput {
  data: DerivedData;
  visibleKinds: ReadonlySet<ResourceKind>;
  view: MapView;
  lang: 'zh-CN' | 'en';
  selectedLngLat: readonly [number, number] | null;
  selectedId: string | null;
  below: readonly LayerDescriptor[];
  above: readonly LayerDescriptor[] | undefined;
}

/**
 * The map's layer descriptors for the shell: township labels, the resources (clustered here for
 * the demo, in the cluster worker for a large dataset such as the province), the view's own layers
 * below and above; and the test hooks that read what is drawn.
 */
export function useMapLayers({ data, visibleKinds, view, lang, selectedLngLat, selectedId, below, above }: MapLayersInput): LayerDescriptor[] {
  const showPlaceLabels = view.zoom >= PLACE_LABEL_MIN_ZOOM;
  const placeLabels = useMemo(
    () =>
      !showPlaceLabels ? [] : data.places
        .filter((p) => p.target === 'township')
        .map((p) => ({ id: p.id, text: lang === 'en' && p.nameEn ? p.nameEn : p.name, lngLat: p.lngLat })),
    [data.places, lang, showPlaceLabels],
  );
  // a large dataset, or this browser's imported layers making the demo large (100,000 imported rows):
  // clustered in the worker, since supercluster and the fan-out over that many points hold the page for seconds
  const large = isLargeDataset() || pointCount(data.filteredByKind) > MAIN_THREAD_MAX_POINTS;
  const clusters = useWorkerClusters(large, data.filteredByKind, visibleKinds, view);
  const offThread = useMemo(() => (large ? (clusters ? { clusters: clusters.clusters, singles: clusters.singles } : null) : undefined), [large, clusters]);
  const descriptors = useMemo(
    () => buildLayerDescriptors({
      pointsByKind: data.filteredByKind, visibleKinds, zoom: view.zoom, selectedLngLat, selectedId, placeLabels, extraBelow: below, extraAbove: above, offThread,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the whole zoom, not every fraction
    [data.filteredByKind, visibleKinds, Math.floor(view.zoom), selectedLngLat, selectedId, placeLabels, below, above, offThread],
  );
  usePrewarmNeighbourZooms(large ? null : data.filteredByKind, visibleKinds, Math.floor(view.zoom));
  useEffect(
    () => exposeForTests({
      drawnCounts: () => countDrawnByKind(descriptors),
      drawnIcons: () => drawnIconPositions(descriptors),
      drawnClusters: () => drawnClusterPositions(descriptors),
      drawnHighlights: () => descriptors.flatMap((d) => (d.type === 'highlight' && d.visible && d.lngLat ? [{ id: d.id, lngLat: d.lngLat }] : [])),
      drawnBandCount: () => descriptors.reduce((n, d) => n + (d.type === 'polygon-bands' && d.visible ? d.bands.features.length : 0), 0),
    }),
    [descriptors],
  );
  return descriptors;
}

/** Runs `work` when the page is idle (requestIdleCallback, or a short timeout where it is missing); returns a cancel. */
function whenIdle(work: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(work, { timeout: 2000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(work, 200);
  return () => window.clearTimeout(id);
}

/**
 * Computes the resource descriptors (clusters, fans) of the whole zooms next to the one shown while
 * the page is idle, one zoom per idle callback, so a zoom in or out finds them ready instead of
 * computing them in the frame that shows the new zoom (the fan-out at zoom 15: 30–55 ms of CPU).
 */
function usePrewarmNeighbourZooms(pointsByKind: DerivedData['filteredByKind'] | null, visibleKinds: ReadonlySet<ResourceKind>, zoom: number): void {
  useEffect(() => {
    if (!pointsByKind) return;
    const zooms = [zoom + 1, zoom - 1].filter((z) => z >= MIN_ZOOM && z <= MAX_ZOOM);
    let cancel = () => {};
    const next = (i: number) => {
      if (i >= zooms.length) return;
      cancel = whenIdle(() => {
        prewarmResourceDescriptors(pointsByKind, visibleKinds, zooms[i]!);
        next(i + 1);
      });
    };
    next(0);
    return () => cancel();
  }, [pointsByKind, visibleKinds, zoom]);
}
