import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FAN_OUT_MIN_ZOOM, FOCUS_ZOOM } from '../config/map-defaults';
import { RESOURCE_KINDS, kindLabel, type ResourceKind } from '../config/resource-kinds';
import type { PickRef } from '../map/layer-descriptor';
import { MapCanvas, type FlyRequest, type MapCanvasApi, type MapClick, type MapView } from '../map/MapCanvas';
import { useBasemapData } from '../queries/use-basemap-data';
import { isLargeDataset } from '../queries/dataset';
import { useLocalResources } from '../queries/local/use-local-resources';
import { DetailPanel, type Selected } from './components/DetailPanel';
import { LocalDataSection } from './components/LocalDataSection';
import { HoverTooltip, type HoverInfo } from './components/HoverTooltip';
import { LayerPanel } from './components/LayerPanel';
import { RescueCircleChip } from './components/RescueCircleChip';
import { ResourceActions } from './components/ResourceActions';
import { TopBar } from './components/TopBar';
import { useMapLayers } from './shell/use-map-layers';
import { useRescueCircle } from './shell/use-rescue-circle';
import { DatasetNote } from './components/DatasetNote';
import { DEFAULT_FILTERS, type ResourceFilters } from './state/filters';
import type { SearchEntry } from './state/search';
import { useDerivedData, useTownshipName } from './state/use-derived-data';
import { useHashChange, useHashSync } from './state/use-hash-sync';
import { sameEntries, sameMembers, type HashState } from './state/url-hash';
import { VIEWS, VIEW_IDS, defaultKindsOfView, viewById } from './views/registry';
import type { ViewContribution, ViewParams } from './views/types';

export interface AppProps {
  initial: HashState;
  /** What a missing or malformed hash field falls back to. */
  defaults: HashState;
}

/**
 * The shell: top bar with the view switcher, one map for the app's lifetime, the shared layer and
 * detail panels, and the active view (its own side panel, layers and map interactions).
 */
export function App({ initial, defaults }: AppProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const basemap = useBasemapData();
  const resources = useLocalResources();
  const [visibleKinds, setVisibleKinds] = useState<ReadonlySet<ResourceKind>>(() => new Set(initial.visibleKinds));
  const [filters, setFilters] = useState<ResourceFilters>(DEFAULT_FILTERS);
  const [view, setView] = useState<MapView>({ center: initial.center, zoom: initial.zoom });
  const [selectedId, setSelectedId] = useState<string | null>(initial.selectedId);
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const [flyTo, setFlyTo] = useState<FlyRequest | null>(null);
  const [panelOpen, setPanelOpen] = useState(false);
  const [circleId, setCircleId] = useState<string | null>(initial.circleId);
  const [viewId, setViewId] = useState(initial.view);
  const [viewParams, setViewParams] = useState<ViewParams>(initial.viewParams);
  const [contribution, setContribution] = useState<ViewContribution>({});
  const [mapApi, setMapApi] = useState<MapCanvasApi | null>(null);
  const activeView = viewById(viewId);

  const data = useDerivedData(resources.byKind, basemap.data, filters, visibleKinds);
  const selected: Selected | null = useMemo(() => {
    if (!selectedId) return null;
    const r = data.resourceById.get(selectedId);
    if (r) return { type: 'resource', resource: r };
    const p = data.placeById.get(selectedId);
    return p ? { type: 'place', place: p } : null;
  }, [selectedId, data.resourceById, data.placeById]);
  const selectedLngLat = selected ? (selected.type === 'resource' ? selected.resource.lngLat : selected.place.lngLat) : null;

  const circleResource = circleId ? data.resourceById.get(circleId) ?? null : null;
  const circle = useRescueCircle(circleResource, contribution.barriers);
  const onToggleCircle = useCallback((r: { id: string }) => setCircleId((prev) => (prev === r.id ? null : r.id)), []);

  const below = useMemo(() => [...circle.descriptors, ...(contribution.below ?? [])], [circle.descriptors, contribution.below]);
  const descriptors = useMapLayers({ data, visibleKinds, view, lang, selectedLngLat, selectedId, below, above: contribution.above });

  const hashState = useMemo<HashState>(
    () => ({ center: view.center, zoom: view.zoom, visibleKinds: RESOURCE_KINDS.filter((k) => visibleKinds.has(k)), selectedId, circleId, lang, view: activeView.id, viewParams }),
    [view, visibleKinds, selectedId, circleId, lang, activeView.id, viewParams],
  );
  useHashSync(hashState, defaultKindsOfView);
  useHashChange(defaults, (next) => {
    // Unchanged fields keep their objects: a hash that only moves the map re-renders nothing else
    // (a new Set or params object re-derived the data and re-rendered the view in the zoom's frame).
    setVisibleKinds((prev) => (sameMembers(prev, next.visibleKinds) ? prev : new Set(next.visibleKinds)));
    setSelectedId(next.selectedId);
    setCircleId(next.circleId);
    setViewId(next.view);
    setViewParams((prev) => (sameEntries(prev, next.viewParams) ? prev : next.viewParams));
    setFlyTo((prev) => ({ lngLat: next.center, zoom: next.zoom, seq: (prev?.seq ?? 0) + 1, animate: false }));
    if (next.lang !== lang) void i18n.changeLanguage(next.lang);
  }, VIEW_IDS, defaultKindsOfView);

  const onToggle = useCallback((kind: ResourceKind) => {
    setVisibleKinds((prev) => {
      const next = new Set(prev);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });
  }, []);
  const flyToPlace = useCallback((lngLat: readonly [number, number], zoom?: number) => {
    setFlyTo((prev) => ({ lngLat, zoom: zoom ?? Math.max(FOCUS_ZOOM, view.zoom), seq: (prev?.seq ?? 0) + 1 }));
  }, [view.zoom]);
  const onSearchSelect = useCallback((e: SearchEntry) => {
    if (e.kind && !visibleKinds.has(e.kind)) onToggle(e.kind);
    setSelectedId(e.id);
    flyToPlace(e.lngLat);
  }, [flyToPlace, onToggle, visibleKinds]);
  const onSwitchView = useCallback((id: string) => {
    if (id === viewId) return;
    // layers left at the old view's default take the new view's; layers the user chose stay
    const leaving = defaultKindsOfView(viewId), entering = defaultKindsOfView(id);
    setVisibleKinds((prev) => (sameMembers(prev, leaving) && !sameMembers(prev, entering) ? new Set(entering) : prev));
    setViewId(id);
    setViewParams({});
  }, [viewId]);

  const hoverText = useCallback((ref: PickRef): string => {
    if (ref.type === 'cluster') {
      return RESOURCE_KINDS.filter((k) => ref.kindCounts[k]).map((k) => `${kindLabel(k, lang)} × ${ref.kindCounts[k]}`).join(' · ');
    }
    const r = data.resourceById.get(ref.id);
    return r ? `${lang === 'en' && r.nameEn ? r.nameEn : r.name} · ${kindLabel(r.kind, lang)}` : ref.id;
  }, [data.resourceById, lang]);

  const onMapClick = useCallback((click: MapClick) => {
    if (contribution.onMapClick?.(click)) return;
    const ref = click.ref;
    if (!ref) return;
    if (ref.type === 'resource') {
      setSelectedId(ref.id);
      return;
    }
    // Zoom to where the cluster breaks apart; icons still on one spot there are fanned out.
    setFlyTo((prev) => ({ lngLat: ref.lngLat, zoom: Math.min(ref.expansionZoom, FAN_OUT_MIN_ZOOM), seq: (prev?.seq ?? 0) + 1 }));
  }, [contribution]);

  const townshipName = useTownshipName(data.placeById, lang);

  const error = basemap.error ?? resources.error;
  const View = activeView.component;
  return (
    <div className="app">
      <TopBar
        searchEntries={data.searchEntries}
        onSearchSelect={onSearchSelect}
        panelOpen={panelOpen}
        onTogglePanel={() => setPanelOpen((o) => !o)}
        views={VIEWS.map((v) => ({ id: v.id, label: t(v.labelKey) }))}
        activeViewId={activeView.id}
        onSwitchView={onSwitchView}
      />
      <main className="stage has-view-panel">
        <MapCanvas
          basemap={basemap.data ?? null}
          basemapTownshipLabels={false}
          lang={lang}
          descriptors={descriptors}
          initialView={{ center: initial.center, zoom: initial.zoom }}
          flyTo={flyTo}
          attribution={t(isLargeDataset() ? 'dataset.attribution' : 'attribution')}
          unavailableMessage={t('map.unavailable')}
          contextLostMessage={t('faults.webglLost')}
          onViewChange={setView}
          onHover={(ref, x, y) => setHover(ref ? { text: hoverText(ref), xPixels: x, yPixels: y } : null)}
          onClick={onMapClick}
          onContextMenu={contribution.onMapContextMenu}
          markers={contribution.markers}
          drawing={contribution.drawing}
          onApi={setMapApi}
        />
        <div className={panelOpen ? 'side-panel open' : 'side-panel'}>
          <LayerPanel
            visibleKinds={visibleKinds}
            counts={data.counts}
            onToggle={onToggle}
            filters={filters}
            onFiltersChange={setFilters}
            townships={data.townships}
            specialties={data.specialties}
            health={resources}
            shelterTonight={data.shelterTonight}
            basemapProblems={basemap.data?.problems}
          />
        </div>
        <section className="view-panel" data-testid={`view-${activeView.id}`} aria-label={t(activeView.labelKey)}>
          <View
            key={activeView.id}
            lang={lang}
            data={data}
            resourcesByKind={resources.byKind}
            dataReady={Boolean(basemap.data) && !resources.isLoading}
            basemap={basemap.data ?? null}
            params={viewParams}
            setParams={setViewParams}
            selectedId={selectedId}
            select={setSelectedId}
            flyTo={flyToPlace}
            zoom={view.zoom}
            contribute={setContribution}
            mapApi={mapApi}
          />
        </section>
        {selected && (
          <DetailPanel
            selected={selected}
            townshipName={townshipName}
            onClose={() => setSelectedId(null)}
            actions={
              <>
                {selected.type === 'resource' && <LocalDataSection resource={selected.resource} local={resources.local} />}
                {selected.type === 'resource' && <ResourceActions resource={selected.resource} circleId={circleId} circle={circle.status} onToggleCircle={onToggleCircle} />}
                {contribution.detailActions?.(selected)}
              </>
            }
          />
        )}
        {circleResource && (!selected || selected.type !== 'resource' || selected.resource.id !== circleResource.id) && (
          <RescueCircleChip name={lang === 'en' && circleResource.nameEn ? circleResource.nameEn : circleResource.name} onClear={() => setCircleId(null)} />
        )}
        <HoverTooltip info={hover} />
        <DatasetNote />
        {(basemap.isPending || resources.isLoading) && !error && <div className="status-note">{t('app.loading')}</div>}
        {error && (
          <div className="status-note error" role="alert">
            {t('app.loadError', { message: error.message })}
          </div>
        )}
      </main>
    </div>
  );
}
