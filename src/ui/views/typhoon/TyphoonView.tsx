import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildTyphoonLayers, CATEGORY_COLORS, CATEGORY_ORDER, FORECAST_AGENCY_COLORS, latestForecasts } from '../../../map/layers/typhoon-layers';
import { usePlannerShelters } from '../../../queries/use-planner';
import type { Resource } from '../../../io/schemas/resource';
import { useDemoTrackText, useTyphoonLeaveBy, useTyphoonTrack, useVillageContacts, useVillageMustMove, type TrackText } from '../../../queries/use-typhoon';
import type { ViewContribution, ViewProps } from '../types';
import { useMapContribution } from '../use-map-contribution';
import { InsidePanel } from './InsidePanel';
import { LeaveByPanel } from './LeaveByPanel';
import { TimeSlider } from './TimeSlider';
import { TrackLoader } from './TrackLoader';
import { buildEntries } from './state/entries';
import { beijingShort } from './state/format';
import { thresholdLabel } from './state/thresholds';
import { hourIndexOf, parseTyphoonParams, typhoonParams, type TyphoonState } from './state/typhoon-params';
import './typhoon.css';

const EMPTY: ViewContribution = {};
/** Where the storm is shown against: the county (the demo's centre). */
const COUNTY_CENTRE = [119.8, 27.52] as const;
const TRACK_ZOOM = 6.5;
/** The planner view's defaults, so both views show the same plan. */
const PLANNER_SHELTER_PARAMS = { share: null, typhoonSafeOnly: false, maxWalkMinutes: 30 } as const;
const rgb = (c: readonly number[]) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

/**
 * Typhoon mode (issue 10): a track from a file or the demo, its wind circles for the chosen hour,
 * who is inside them and from when, and which villages must leave by when.
 */
export function TyphoonView(props: ViewProps) {
  const { t } = useTranslation();
  const { params, setParams, contribute, select } = props;
  const state = useMemo(() => parseTyphoonParams(params), [params]);
  const update = useCallback((patch: Partial<TyphoonState>) => setParams(typhoonParams({ ...state, ...patch })), [setParams, state]);
  const [picked, setPicked] = useState<TrackText | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const demo = useDemoTrackText(picked ? null : state.demoTrack);
  const source = picked ?? demo.data ?? null;

  const entries = useMemo(() => buildEntries(props.data.places, props.resourcesByKind), [props.data.places, props.resourcesByKind]);
  const places = useMemo(() => entries.map((e) => ({ id: e.key, lngLat: e.lngLat })), [entries]);
  const placesKey = useMemo(() => `${entries.length}:${entries[0]?.key}:${entries[entries.length - 1]?.key}`, [entries]);
  const analysis = useTyphoonTrack(source, places, placesKey);
  const answer = analysis.data;
  const track = answer?.track ?? null;
  const hoursMs = useMemo(() => answer?.states.map((s) => s.timeMs) ?? [], [answer]);
  const thresholds = track?.thresholdsKt ?? [];
  const lowest = thresholds[0];

  // Default hour: the first hour the lowest circle reaches anything counted, else the first hour.
  const defaultTimeMs = useMemo(() => {
    if (!answer || !lowest) return null;
    let first = Infinity;
    for (const w of answer.windTimes) { const f = w.firstInsideMs[lowest]; if (f !== null && f !== undefined && f < first) first = f; }
    return Number.isFinite(first) ? first : hoursMs[0] ?? null;
  }, [answer, lowest, hoursMs]);
  const hourIndex = hourIndexOf(hoursMs, state.timeMs ?? defaultTimeMs);
  const stormState = answer?.states[hourIndex] ?? null;
  const nowMs = stormState?.timeMs ?? 0;
  const setHourIndex = useCallback((i: number) => { const ms = hoursMs[i]; if (ms !== undefined) update({ timeMs: ms }); }, [hoursMs, update]);

  // A newly loaded track: show the storm at the chosen hour together with the county.
  const { flyTo } = props;
  const flownFor = useRef<string | null>(null);
  useEffect(() => {
    if (!source || !stormState || flownFor.current === source.key) return;
    flownFor.current = source.key;
    if (state.timeMs !== null && params.track && !picked) return; // a shared link keeps its own map view
    flyTo([(stormState.centre[0] + COUNTY_CENTRE[0]) / 2, (stormState.centre[1] + COUNTY_CENTRE[1]) / 2], TRACK_ZOOM);
  }, [source, stormState, flyTo, state.timeMs, params.track, picked]);

  const chinese = track?.format === 'zhejiang' || track?.format === 'wenzhou';
  const labelOf = useCallback((k: string) => { const l = thresholdLabel(k, chinese); return t(l.key, l.values); }, [chinese, t]);
  const agencies = useMemo(() => [...new Set(track?.forecasts.map((f) => f.agency) ?? [])].sort(), [track]);

  const contribution = useMemo<ViewContribution>(() => (track ? buildTyphoonLayers({ track, state: stormState, agencies }) : EMPTY), [track, stormState, agencies]);
  useMapContribution(contribute, contribution);

  // The planner's capacity-aware assignment (its defaults: the demo's people who must move, any
  // shelter, 30 min walk): a village goes to the shelter of its farthest group; villages it does
  // not place go to the nearest open shelter with places.
  const { resourcesByKind, dataReady } = props;
  const plannerResources = useMemo<Resource[] | null>(
    () => (track && dataReady ? [...resourcesByKind.shelter, ...resourcesByKind.fire_station, ...resourcesByKind.rescue_team] : null),
    [track, dataReady, resourcesByKind],
  );
  const planner = usePlannerShelters(plannerResources, PLANNER_SHELTER_PARAMS);
  const assignments = useMemo(() => planner.data?.villages.flatMap((v) => (v.flows.length ? [[v.id, v.flows.reduce((a, b) => (b.seconds > a.seconds ? b : a)).shelterId] as const] : [])), [planner.data]);

  // Must leave by: villages ever inside the lowest circle → their shelter on the road network.
  const leaveParams = useMemo(() => {
    if (!answer || !lowest || !source) return null;
    const villages = entries.flatMap((e, i) => (e.kind === 'village' ? [{ id: e.id, lngLat: e.lngLat, firstInsideMs: answer.windTimes[i]?.firstInsideMs[lowest] ?? null }] : []));
    const assigned = new Set(assignments?.map((a) => a[1]) ?? []);
    const shelters = entries.filter((e) => e.kind === 'shelter' && (e.receives || assigned.has(e.id))).map((e) => ({ id: e.id, lngLat: e.lngLat }));
    const nearestShelterIds = entries.filter((e) => e.receives).map((e) => e.id);
    return { villages, shelters, nearestShelterIds, profile: state.mode === 'drive' ? 'emergency-default' as const : 'walking' as const, marginMinutes: state.marginMinutes, ...(assignments ? { assignments } : {}) };
  }, [answer, lowest, source, entries, state.mode, state.marginMinutes, assignments]);
  const leave = useTyphoonLeaveBy(leaveParams, `${source?.key}|${placesKey}|${state.mode}|${state.marginMinutes}|${assignments?.length ?? 'nearest'}`);
  const contacts = useVillageContacts();
  const mustMove = useVillageMustMove();
  const villagesById = useMemo(() => new Map(entries.filter((e) => e.kind === 'village').map((e) => [e.id, e])), [entries]);
  const sheltersById = useMemo(() => new Map(entries.filter((e) => e.kind === 'shelter').map((e) => [e.id, e])), [entries]);

  const onFile = useCallback((file: File) => {
    setPickError(null);
    file.text().then(
      (text) => { setPicked({ key: `file:${file.name}:${file.size}:${file.lastModified}`, fileName: file.name, text }); update({ demoTrack: null, timeMs: null }); },
      (e: unknown) => setPickError(String((e as Error)?.message ?? e)),
    );
  }, [update]);
  const onDemo = useCallback((id: 'gaemi-ibtracs' | 'gaemi-zhejiang') => { setPicked(null); update({ demoTrack: id, timeMs: null }); }, [update]);

  const errors = answer?.issues.filter((i) => i.severity === 'error') ?? [];
  const warnings = answer?.issues.filter((i) => i.severity === 'warning') ?? [];
  const forecastsNow = track && stormState ? latestForecasts(track.forecasts, stormState.timeMs) : [];
  const loading = demo.isFetching || analysis.isFetching;

  return (
    <div className="typhoon-view" data-testid="typhoon-view">
      <h2>{t('typhoon.title')}</h2>
      <TrackLoader onFile={onFile} onDemo={onDemo} busy={loading} />
      {pickError && <p className="status-note error">{pickError}</p>}
      {demo.error && <p className="status-note error">{String(demo.error.message)}</p>}
      {analysis.error && <p className="status-note error">{t('typhoon.failed', { message: analysis.error.message })}</p>}
      {loading && <p className="hint">{t('typhoon.reading')}</p>}
      {answer && !track && (
        <div className="status-note error" data-testid="typhoon-unreadable">{t('typhoon.unreadable', { file: source?.fileName ?? '' })}<br />{errors[0]?.message ?? answer.issues[0]?.message}</div>
      )}
      {track && stormState && (
        <>
          <div className="typhoon-storm" data-testid="typhoon-storm">
            <strong>{track.storm.nameZh ? `${track.storm.nameZh} ${track.storm.name}` : track.storm.name}</strong> <span className="muted">{track.storm.id}</span>
            {(track.storm.synthetic || (picked === null && state.demoTrack === 'gaemi-zhejiang')) && <span className="synthetic-tag" data-testid="typhoon-synthetic">{t('typhoon.synthetic')}</span>}
            <div className="muted">{t('typhoon.source', { source: track.storm.source, file: source?.fileName ?? '' })}</div>
            <div className="muted">{t('typhoon.span', { fixes: track.fixes.length, from: beijingShort(track.fixes[0]!.timeMs), to: beijingShort(track.fixes[track.fixes.length - 1]!.timeMs) })}</div>
            {track.landfalls.length > 0 && <div className="muted">{t('typhoon.landfall', { list: track.landfalls.map((l) => `${l.place ?? ''} ${l.timeMs === null ? '' : beijingShort(l.timeMs)}`.trim()).join('；') })}</div>}
          </div>
          {(errors.length > 0 || warnings.length > 0) && (
            <details className="typhoon-issues" data-testid="typhoon-issues">
              <summary>{t('typhoon.issues', { errors: errors.length, warnings: warnings.length })}</summary>
              <ul>{[...errors, ...warnings].slice(0, 30).map((i, n) => <li key={n} className={i.severity}>{i.message}</li>)}</ul>
            </details>
          )}
          <TimeSlider hoursMs={hoursMs} index={hourIndex} onIndex={setHourIndex} />
          <div className="typhoon-legend" data-testid="typhoon-legend">
            {thresholds.map((k) => (
              <span key={k} className={`typhoon-circle-key c${thresholds.indexOf(k)}`}>
                {labelOf(k)}{stormState.radiiMeters[k] ? '' : ` (${t('typhoon.circle.notIssued')})`}
              </span>
            ))}
            <div className="typhoon-categories">
              {CATEGORY_ORDER.map((c) => <span key={c}><i style={{ background: rgb(CATEGORY_COLORS[c]) }} />{t(`typhoon.category.${c}`)}</span>)}
            </div>
            {forecastsNow.length > 0 && (
              <div className="typhoon-forecasts">
                {forecastsNow.map((f) => (
                  <span key={f.agency}><i className="dash" style={{ borderColor: rgb(FORECAST_AGENCY_COLORS[Math.max(0, agencies.indexOf(f.agency)) % FORECAST_AGENCY_COLORS.length]!) }} />
                    {t('typhoon.forecastOf', { agency: f.agency, time: beijingShort(f.issuedMs) })}</span>
                ))}
              </div>
            )}
            {track.fixes.some((f) => f.windAveragingMinutes === 1) && <p className="hint">{t('typhoon.oneMinute')}</p>}
          </div>
          <InsidePanel
            entries={entries} thresholds={thresholds} labelOf={labelOf} hourIndex={hourIndex} hourCount={hoursMs.length}
            insideByThreshold={answer!.insideByThreshold} windTimes={answer!.windTimes} select={select}
          />
          <LeaveByPanel
            rows={leave.data?.rows} loading={leave.isFetching || leave.networkLoading} error={leave.error ? t('typhoon.failed', { message: leave.error.message }) : null}
            nowMs={nowMs} villagesById={villagesById} sheltersById={sheltersById} contacts={contacts.data ?? {}} mustMove={mustMove.data} planned={assignments !== undefined}
            mode={state.mode} marginMinutes={state.marginMinutes} circle={labelOf(lowest!)}
            onMode={(mode) => update({ mode })} onMargin={(marginMinutes) => update({ marginMinutes })} select={select}
          />
        </>
      )}
    </div>
  );
}
