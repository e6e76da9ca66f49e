import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayerDescriptor } from '../../../map/layer-descriptor';
import type { MapClick, MapMarker } from '../../../map/MapCanvas';
import { exposeForTests } from '../../../map/test-hook';
import type { ViewContribution, ViewProps } from '../types';
import { useMapContribution } from '../use-map-contribution';
import { CoverageTab } from './CoverageTab';
import { ReportTab } from './ReportTab';
import { SheltersTab } from './SheltersTab';
import { SitesTab } from './SitesTab';
import { StormTab } from './StormTab';
import { areaLayer, floodLayer, gapLayer, villageTimeLayers } from './state/map-layers';
import { candidateId, parsePlannerParams, plannerParams, PLANNER_TABS, type PlannerState } from './state/planner-params';
import { reportRows } from './state/report';
import { usePlannerModel } from './use-planner-model';
import './planner.css';

/**
 * The planner's view (issue 7): where the 15-minute circle and the shelter places fail, for whom,
 * and what one more station or shelter would fix — every figure computed in the worker.
 */
export function PlannerView(props: ViewProps) {
  const { t } = useTranslation();
  const { params, setParams, contribute, flyTo, select, lang, mapApi } = props;
  const state = useMemo(() => parsePlannerParams(params), [params]);
  const update = useCallback((patch: Partial<PlannerState>) => setParams(plannerParams({ ...state, ...patch })), [setParams, state]);
  const model = usePlannerModel(props, state);
  const [picking, setPicking] = useState(false);
  const [drawing, setDrawing] = useState(false);
  useEffect(() => { if (state.tab !== 'sites') setPicking(false); if (state.tab !== 'storm') setDrawing(false); }, [state.tab]);

  const shown = model.stormOn ? model.stormCoverage.data?.rollUp : model.coverage.data?.rollUp;
  const below = useMemo<LayerDescriptor[]>(() => {
    const out: LayerDescriptor[] = [];
    if (state.gaps && state.tab === 'coverage') out.push(gapLayer(model.gaps.data?.gaps ?? null));
    const raster = model.area.data?.raster;
    if (raster) out.push(areaLayer(raster));
    out.push(floodLayer(state.flood));
    return out;
  }, [model.area.data, model.gaps.data, state.gaps, state.tab, state.flood]);
  // Village dots over the icons, so the colour of every village stays visible where resources crowd.
  const above = useMemo<LayerDescriptor[]>(() => (shown ? villageTimeLayers(shown, (id) => model.lookups.villages.get(id)?.lngLat) : []), [shown, model.lookups.villages]);

  const removeAt = <T,>(list: readonly T[], i: number) => list.filter((_, k) => k !== i);
  const markers = useMemo<MapMarker[]>(() => [
    ...state.sites.map((p, i) => ({ id: `planner-site-${i + 1}`, lngLat: p, className: 'planner-whatif planner-whatif-station', title: `${t('planner.legend.whatIf')} ${i + 1}`, draggable: true, onDragEnd: (ll: [number, number]) => update({ sites: state.sites.map((q, k) => (k === i ? ll : q)) }) })),
    ...state.newShelters.map((n, i) => ({ id: `planner-shelter-${i + 1}`, lngLat: n.lngLat, className: 'planner-whatif planner-whatif-shelter', title: `${t('planner.legend.whatIf')} ${i + 1} (${n.capacity})`, draggable: true, onDragEnd: (ll: [number, number]) => update({ newShelters: state.newShelters.map((q, k) => (k === i ? { ...q, lngLat: ll } : q)) }) })),
    ...state.candidates.map((p, i) => ({ id: `planner-candidate-${i + 1}`, lngLat: p, className: 'planner-candidate', title: candidateId(i), draggable: false })),
  ], [state.sites, state.newShelters, state.candidates, update, t]);

  const contribution = useMemo<ViewContribution>(() => ({
    below,
    above,
    markers,
    onMapClick: (click: MapClick) => {
      if (!picking || click.ref) return false;
      update({ candidates: [...state.candidates, [click.lngLat[0], click.lngLat[1]]] });
      return true;
    },
    drawing: drawing ? { mode: 'polygon', onFinish: (g) => { if (g.type === 'Polygon') update({ flood: [...state.flood, g] }); setDrawing(false); } } : null,
    barriers: model.stormOn ? model.barriers : undefined,
  }), [below, above, markers, picking, drawing, update, state.candidates, state.flood, model.stormOn, model.barriers]);
  useMapContribution(contribute, contribution);

  const rows = useMemo(() => {
    const cov = model.coverage.data?.rollUp;
    if (!cov) return null;
    const cols = ['township', 'population', 'covered', 'share', 'villages', 'uncoveredVillages', 'mustMove', 'places', 'placedAware', 'withoutPlace'].map((c) => t(`planner.columns.${c}`));
    return reportRows({
      coverage: cov, shelters: model.shelters.data ?? null, names: model.lookups.names,
      shelterTownship: (id) => model.lookups.shelterTownship.get(id) ?? '', villageTownship: (id) => model.lookups.villages.get(id)?.township ?? '',
      columns: cols, totalLabel: t('planner.township.total'),
      note: `${t('planner.synthetic')} · ${t('planner.report.whatIfs', { stations: state.sites.length, shelters: state.newShelters.length })}`,
      whatIfs: [
        ...state.sites.map((p, i) => [`${t('planner.sites.stations')} ${i + 1}`, p[0], p[1], null] as const),
        ...state.newShelters.map((n, i) => [`${t('planner.sites.shelters')} ${i + 1}`, n.lngLat[0], n.lngLat[1], n.capacity] as const),
      ],
    });
  }, [model.coverage.data, model.shelters.data, model.lookups, state.sites, state.newShelters, t]);

  useEffect(() => exposeForTests({
    views: {
      ...window.__onemap?.views,
      planner: { csvRows: () => rows, coverage: () => model.coverage.data?.rollUp.total ?? null },
    },
  }), [rows, model.coverage.data]);

  const candidateAt = (id: string) => model.lookups.villages.get(id)?.lngLat ?? model.extraCandidates.find((c) => c.id === id)?.lngLat;
  const candidateName = (id: string) => {
    const v = model.lookups.villages.get(id);
    return v ? `${v.name}（${model.lookups.names.township(v.township)}）` : id;
  };

  return (
    <div className="planner-view" data-testid="planner-view">
      <h2>{t('planner.title')}</h2>
      <p className="hint">{t('planner.synthetic')}</p>
      <div className="planner-tabs" role="tablist">
        {PLANNER_TABS.map((tab) => (
          <button key={tab} type="button" role="tab" aria-selected={state.tab === tab} data-testid={`planner-tab-${tab}`} onClick={() => startTransition(() => update({ tab }))}>{t(`planner.tabs.${tab}`)}</button>
        ))}
      </div>
      <WhatIfList state={state} update={update} removeAt={removeAt} />
      {state.tab === 'coverage' && <CoverageTab state={state} update={update} model={model} lang={lang} flyTo={flyTo} select={select} />}
      {state.tab === 'shelters' && <SheltersTab state={state} update={update} model={model} lang={lang} flyTo={flyTo} />}
      {state.tab === 'sites' && <SitesTab state={state} update={update} model={model} lang={lang} picking={picking} setPicking={setPicking} candidateAt={candidateAt} candidateName={candidateName} />}
      {state.tab === 'storm' && <StormTab state={state} update={update} model={model} lang={lang} drawing={drawing} setDrawing={setDrawing} flyTo={flyTo} />}
      {state.tab === 'report' && <ReportTab state={state} rows={rows} mapApi={mapApi} whatIfCounts={{ stations: state.sites.length, shelters: state.newShelters.length }} />}
    </div>
  );
}

function WhatIfList({ state, update, removeAt }: { state: PlannerState; update: (p: Partial<PlannerState>) => void; removeAt: <T>(l: readonly T[], i: number) => T[] }) {
  const { t } = useTranslation();
  if (!state.sites.length && !state.newShelters.length) return null;
  return (
    <div className="planner-whatifs" data-testid="planner-whatifs">
      <strong>{t('planner.sites.whatIfTitle')}</strong>
      <ul>
        {state.sites.map((p, i) => (
          <li key={`s${i}`} data-testid={`planner-whatif-station-${i + 1}`}>{t('planner.sites.stations')} {i + 1} <code>{p[0].toFixed(4)}, {p[1].toFixed(4)}</code>{' '}
            <button type="button" className="link" data-testid={`planner-remove-station-${i + 1}`} onClick={() => update({ sites: removeAt(state.sites, i) })}>{t('planner.sites.remove')}</button></li>
        ))}
        {state.newShelters.map((n, i) => (
          <li key={`h${i}`} data-testid={`planner-whatif-shelter-${i + 1}`}>{t('planner.sites.shelters')} {i + 1} ({n.capacity}) <code>{n.lngLat[0].toFixed(4)}, {n.lngLat[1].toFixed(4)}</code>{' '}
            <button type="button" className="link" onClick={() => update({ newShelters: removeAt(state.newShelters, i) })}>{t('planner.sites.remove')}</button></li>
        ))}
      </ul>
    </div>
  );
}
