import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kindLabel } from '../../../config/resource-kinds';
import { areaTest } from '../../../io/coordinates';
import type { MapImage } from '../../../map/MapCanvas';
import { exposeForTests } from '../../../map/test-hook';
import { useClosureSegments, useComputeResources, useDepotTimes, useNearest, usePrefetchNearest } from '../../../queries/use-nearest';
import type { Selected } from '../../components/DetailPanel';
import { formatBeijingTime } from '../../state/format-time';
import type { ViewProps } from '../types';
import { useMapContribution } from '../use-map-contribution';
import type { Camera } from '../../../io/schemas/resource';
import { NearestCameras } from './cameras/NearestCameras';
import { ClosuresSection, type ClosingMode } from './components/ClosuresSection';
import { DispatchSection } from './components/DispatchSection';
import { DutyOptions } from './components/DutyOptions';
import { IncidentSection } from './components/IncidentSection';
import { NearestLists } from './components/NearestLists';
import { PrintSheet } from './components/PrintSheet';
import { SuppliesSection } from './components/SuppliesSection';
import { DUTY_KINDS, depotItems, depotsHolding, dutyCandidates } from './state/candidates';
import { toCsv } from './state/dispatch-csv';
import { closureText, dispatchCsvRows, sheetRows, type DispatchInput } from './state/dispatch-sheet';
import { barriersOf, closureBarrier, dutyParams, formatLngLat, parseDutyParams, type Closure, type DutyState } from './state/duty-params';
import { buildKindLists } from './state/lists';
import { planSupplies } from './state/supplies';
import { useDutyMap } from './use-duty-map';

/** A province's not-reached candidates on the A4 print view, per kind (the CSV lists every one). */
const PRINT_NOT_REACHED_PER_KIND = 20;

/**
 * The duty officer's incident view (issue 6): place the incident, see per kind who gets there
 * first by road (straight line at once, travel time when ready), close roads, plan supplies, and
 * hand the answer on as CSV, print view or link. All state lives in the hash (share link).
 */
export function DutyView(props: ViewProps) {
  const { t, i18n } = useTranslation();
  const { params, setParams, contribute, resourcesByKind, data, dataReady, select, mapApi } = props;
  const state = useMemo(() => parseDutyParams(params), [params]);
  const update = useCallback((patch: Partial<DutyState>) => setParams(dutyParams({ ...state, ...patch })), [setParams, state]);

  const [hoverId, setHoverId] = useState<string | null>(null);
  const [closingMode, setClosingMode] = useState<ClosingMode>(null);
  const [print, setPrint] = useState<{ image: MapImage | null; failed: boolean } | null>(null);

  // The worker ranks the four duty kinds; candidates are narrowed by the officer's filters.
  const computeResources = useMemo(
    () => (dataReady ? DUTY_KINDS.flatMap((k) => resourcesByKind[k]).map((r) => ({ id: r.id, kind: r.kind, lngLat: r.lngLat })) : null),
    [dataReady, resourcesByKind],
  );
  const joined = useComputeResources('duty', computeResources);
  const resourcesKey = joined.isSuccess ? joined.key : null;
  // keyed by the filters' values: the parsed filters are a new object on every hash change (each
  // click), and a new ids array would be a new request key (and a province's 52,000 ids filtered again)
  const filtersKey = JSON.stringify(state.filters);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- filtersKey stands for state.filters
  const candidateIds = useMemo(() => dutyCandidates(resourcesByKind, state.filters, state.includeInactive).map((r) => r.id), [resourcesByKind, filtersKey, state.includeInactive]);
  const closuresKey = params.cl ?? '';
  // The parsed closures are a new array on every hash change (each click): one per closures text, so
  // the map's closure layers keep their data (new data redraws the map: ~100 ms a frame with software WebGL).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- closuresKey stands for state.closures
  const closures = useMemo(() => state.closures, [closuresKey]);
  // closures are keyed by their hash text, so equal closures keep one identity (and one cache entry)
  const barriers = useMemo(() => barriersOf(closures), [closures]);
  const closureSpecs = useMemo(() => closures.map(closureBarrier), [closures]);
  const request = useMemo(
    () => (state.incident ? { incident: state.incident, k: state.k, kinds: DUTY_KINDS, ids: candidateIds, barriers } : null),
    [state.incident?.[0], state.incident?.[1], state.k, candidateIds, barriers],
  );
  const { straight, travel } = useNearest(request, resourcesKey);
  const prefetchNearest = usePrefetchNearest(resourcesKey);
  const placeIncident = useCallback((lngLat: readonly [number, number]) => {
    // the incident as the hash will give it back (rounded), so the prefetch has useNearest's key
    const next = parseDutyParams(dutyParams({ ...state, incident: [lngLat[0], lngLat[1]] }));
    if (next.incident) prefetchNearest({ incident: next.incident, k: next.k, kinds: DUTY_KINDS, ids: candidateIds, barriers });
    update({ incident: [lngLat[0], lngLat[1]] });
  }, [state, candidateIds, barriers, prefetchNearest, update]);
  const lists = useMemo(() => buildKindLists(straight.data, travel.data, data.resourceById), [straight.data, travel.data, data.resourceById]);
  const segments = useClosureSegments(closureSpecs);
  const segmentCounts = state.closures.map((_, i) => segments.data?.closures[i]?.segmentCount ?? null);
  const closedLines = useMemo(() => (state.closures.length ? segments.data?.closures.flatMap((c) => c.lines) ?? [] : []), [segments.data, state.closures.length]);

  const items = useMemo(() => depotItems(resourcesByKind.depot), [resourcesByKind.depot]);
  const holders = useMemo(() => (state.need ? depotsHolding(resourcesByKind.depot, state.need.item, state.includeInactive) : []), [resourcesByKind.depot, state.need, state.includeInactive]);
  const holderIds = useMemo(() => holders.map((h) => h.id), [holders]);
  const depotTimes = useDepotTimes(state.need ? state.incident : null, holderIds, barriers, resourcesKey);
  const plan = useMemo(() => {
    if (!state.need || !depotTimes.data) return null;
    const seconds = new Map(depotTimes.data.results.map((r) => [r.id, r.seconds]));
    return planSupplies(holders.map((h) => ({ id: h.id, quantity: h.quantity, seconds: seconds.get(h.id) ?? null })), state.need.quantity);
  }, [state.need, depotTimes.data, holders]);

  const picked = state.pick ? lists.flatMap((l) => l.rows).find((r) => r.id === state.pick) ?? null : null;
  const lngLatOf = (id: string | null) => (id ? data.resourceById.get(id)?.lngLat ?? null : null);
  const addClosure = useCallback((c: Closure) => {
    update({ closures: [...state.closures, c] });
    setClosingMode(null);
  }, [update, state.closures]);
  const detailActions = useCallback((sel: Selected) => {
    const at = sel.type === 'resource' ? sel.resource.lngLat : sel.place.lngLat;
    return (
      <section className="resource-actions">
        <button type="button" className="action secondary" data-testid="make-incident" onClick={() => { placeIncident(at); select(null); }}>
          {t('duty.incident.makeHere')}
        </button>
      </section>
    );
  }, [placeIncident, select, t]);
  const contribution = useDutyMap({
    incident: state.incident, incidentTitle: t('duty.incident.marker'), onPlaceIncident: placeIncident,
    pickedRoute: picked?.route ?? null, pickedLngLat: lngLatOf(state.pick), hoverLngLat: lngLatOf(hoverId),
    closures, closedLines, closingMode, onAddClosure: addClosure, barriers, detailActions,
  });
  useMapContribution(contribute, contribution);

  const en = i18n.language === 'en';
  const nameOf = useCallback((id: string) => {
    const r = data.resourceById.get(id);
    return r ? (en && r.nameEn ? r.nameEn : r.name) : id;
  }, [data.resourceById, en]);
  const sheetInput = (): DispatchInput | null => state.incident && {
    incident: state.incident, closures: state.closures, segmentCounts, lists, plan, nameOf,
    kindLabel: (k) => kindLabel(k as never, i18n.language), generatedAt: formatBeijingTime(new Date().toISOString()), t: (k, o) => String(t(k, o as never)),
  };
  const downloadCsv = () => {
    const input = sheetInput();
    if (!input) return;
    const blob = new Blob([toCsv(dispatchCsvRows(input))], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `dispatch-${formatLngLat(input.incident).replace(',', '_')}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };
  const openPrint = () => {
    setPrint({ image: null, failed: false });
    if (!mapApi) return setPrint({ image: null, failed: true });
    void mapApi.captureImage().then((image) => setPrint({ image, failed: image === null }));
  };
  const inCounty = useMemo(() => areaTest(props.basemap?.county ?? null), [props.basemap]);

  useEffect(() => exposeForTests({
    views: {
      ...(window.__onemap?.views ?? {}),
      duty: {
        lists: () => lists.map((l) => ({ kind: l.kind, mode: l.mode, rows: l.rows.map((r) => ({ id: r.id, seconds: r.seconds, route: r.route })), unreachable: l.unreachable.map((u) => u.resource.id) })),
        closureSegments: () => segmentCounts,
      },
    },
  }), [lists, segmentCounts]);

  const input = print ? sheetInput() : null;
  return (
    <div className="duty-view">
      <h2>{t('duty.title')}</h2>
      <IncidentSection
        incident={state.incident}
        incidentOnNetwork={travel.data ? travel.data.incidentReachable : null}
        inCounty={inCounty}
        onPlace={placeIncident}
        onClear={() => update({ incident: null, pick: null })}
      />
      <ClosuresSection closures={state.closures} segmentCounts={segmentCounts} mode={closingMode} onMode={setClosingMode} onRemove={(i) => update({ closures: state.closures.filter((_, j) => j !== i) })} />
      {state.incident && (
        <NearestLists
          lists={lists}
          computing={travel.isFetching || !resourcesKey}
          error={(travel.error ?? joined.error ?? joined.networkError)?.message ?? null}
          pick={state.pick}
          onPick={(id) => update({ pick: id })}
          onHover={setHoverId}
          onDetails={(id) => select(id)}
        />
      )}
      <DutyOptions
        k={state.k}
        includeInactive={state.includeInactive}
        filters={state.filters}
        specialties={data.specialties}
        items={items}
        onChange={(p) => update(p)}
      />
      <SuppliesSection need={state.need} items={items} plan={plan} computing={depotTimes.isFetching} hasIncident={state.incident !== null} resourceById={data.resourceById} onNeed={(need) => update({ need })} />
      <DispatchSection disabled={!state.incident} onCsv={downloadCsv} onPrint={openPrint} />
      {state.incident && <NearestCameras incident={state.incident} cameras={resourcesByKind.camera as Camera[]} lang={props.lang} />}
      {print && input && (
        <PrintSheet
          image={print.image}
          incident={input.incident}
          imageFailed={print.failed}
          routeOf={picked?.route ? picked.resource.name : null}
          header={[
            [t('duty.sheet.incident'), `${formatLngLat(input.incident)} (WGS-84)`],
            [t('duty.sheet.generatedAt'), input.generatedAt],
            ...state.closures.map((c, i) => [t('duty.sheet.closure', { n: i + 1 }), closureText(c, segmentCounts[i] ?? null, input.t)] as const),
          ]}
          rows={sheetRows(input, { notReachedLimit: PRINT_NOT_REACHED_PER_KIND })}
          onClose={() => {
            if (print.image) URL.revokeObjectURL(print.image.url);
            setPrint(null);
          }}
        />
      )}
    </div>
  );
}
