import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CatchmentTable } from './CatchmentTable';
import { fmtInt, fmtMinutes, fmtPct } from './format';
import type { PlannerModel } from './use-planner-model';
import { BUDGET_CHOICES_MINUTES, STATION_KIND_CHOICES, type PlannerState } from './state/planner-params';
import { sortRows, townshipCoverageRows, uncoveredVillageRows, type TownshipCoverageRow } from './state/tables';
import { GAP_FILL, GAP_LINE, TIME_CLASSES } from './state/map-layers';

// ECharts is large: loaded only when the planner shows its chart, never in the other views.
const TownshipChart = lazy(() => import('./TownshipChart'));

interface Props {
  state: PlannerState;
  update: (patch: Partial<PlannerState>) => void;
  model: PlannerModel;
  lang: string;
  flyTo: (lngLat: readonly [number, number], zoom?: number) => void;
  select: (id: string | null) => void;
}

const SHOWN_UNCOVERED = 12;

export function CoverageTab({ state, update, model, lang, flyTo, select }: Props) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: keyof TownshipCoverageRow; desc: boolean }>({ key: 'coveredShare', desc: false });
  const [showAll, setShowAll] = useState(false);
  const r = model.coverage.data?.rollUp;
  const rows = useMemo(() => (r ? townshipCoverageRows(r, model.lookups.names) : []), [r, model.lookups.names]);
  const sorted = useMemo(() => sortRows(rows, sort.key, sort.desc), [rows, sort]);
  const uncovered = useMemo(() => (r ? uncoveredVillageRows(r, model.lookups.population, model.lookups.names) : []), [r, model.lookups]);
  const chartLabels = useMemo(() => ({ covered: t('planner.chart.covered'), uncovered: t('planner.chart.uncovered') }), [t]);
  const header = (key: keyof TownshipCoverageRow, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="link" data-testid={`planner-sort-${key}`} onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : true }))}>
        {label}{sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
  const zoomToTownship = (id: string) => {
    const at = model.lookups.townships.get(id)?.lngLat;
    if (at) flyTo(at, 12);
  };

  return (
    <div className="planner-tab">
      <fieldset className="planner-controls">
        <legend>{t('planner.kinds.label')}</legend>
        {STATION_KIND_CHOICES.map((k) => (
          <label key={k}>
            <input type="checkbox" data-testid={`planner-kind-${k}`} checked={state.kinds.includes(k)}
              onChange={(e) => {
                const next = e.target.checked ? [...state.kinds, k] : state.kinds.filter((x) => x !== k);
                if (next.length) update({ kinds: STATION_KIND_CHOICES.filter((x) => next.includes(x)) });
              }} /> {t(`planner.kinds.${k}`)}
          </label>
        ))}
        <label>
          {t('planner.budget')}{' '}
          <select data-testid="planner-budget" value={state.budgetMinutes} onChange={(e) => update({ budgetMinutes: Number(e.target.value) })}>
            {BUDGET_CHOICES_MINUTES.map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </label>
        <label>
          {t('planner.turnout')}{' '}
          <input type="number" min={0} max={10} step={0.5} data-testid="planner-turnout" value={state.turnoutMinutes}
            onChange={(e) => { const v = Number(e.target.value); if (v >= 0 && v <= 10 && v < state.budgetMinutes) update({ turnoutMinutes: v }); }} />
        </label>
        <label><input type="checkbox" checked={state.bands} onChange={(e) => update({ bands: e.target.checked })} /> {t('planner.bands')}</label>
        <label><input type="checkbox" data-testid="planner-catchments" checked={state.catchments} onChange={(e) => update({ catchments: e.target.checked })} /> {t('planner.catchments')}</label>
        <label><input type="checkbox" data-testid="planner-gaps-toggle" checked={state.gaps} onChange={(e) => update({ gaps: e.target.checked })} /> {t('planner.gaps.show')}</label>
      </fieldset>

      {model.coverage.error && <p className="status-note error">{t('planner.failed', { message: model.coverage.error.message })}</p>}
      {!r && !model.coverage.error && <p className="hint">{t('planner.loading')}</p>}
      {r && (
        <>
          <div className="planner-total" data-testid="planner-total" data-covered={r.total.coveredPopulation} data-population={r.total.population}>
            <div>{t('planner.total.covered', { minutes: state.budgetMinutes })}</div>
            <div className="planner-big" data-testid="planner-covered-share">{fmtPct(r.total.coveredShare)}</div>
            <div>{t('planner.total.people', { covered: fmtInt(r.total.coveredPopulation, lang), population: fmtInt(r.total.population, lang) })}</div>
            <div>{t('planner.total.villages', { count: r.total.uncoveredPlaces, total: r.total.places })}</div>
            <GapArea model={model} minutes={state.budgetMinutes} lang={lang} />
          </div>
          <div className="planner-legend" aria-label={t('planner.legend.title')}>
            <span>{t('planner.legend.title')}:</span>
            {TIME_CLASSES.map((c, i) => (
              <span key={i} className="planner-legend-item">
                <i style={{ background: `rgb(${c.color.slice(0, 3).join(',')})` }} />
                {Number.isFinite(c.maxMinutes) ? t('planner.legend.within', { minutes: c.maxMinutes }) : t('planner.legend.beyond', { minutes: TIME_CLASSES[i - 1]!.maxMinutes })}
              </span>
            ))}
            <span className="planner-legend-item"><i style={{ background: 'rgb(90,90,90)' }} />{t('planner.legend.unreachable')}</span>
            {state.gaps && <span className="planner-legend-item"><i className="planner-gap-swatch" style={{ background: `rgba(${GAP_FILL.slice(0, 3).join(',')},0.45)`, borderColor: `rgb(${GAP_LINE.slice(0, 3).join(',')})` }} />{t('planner.gaps.legend')}</span>}
          </div>

          {state.catchments && <CatchmentTable model={model} minutes={state.budgetMinutes} lang={lang} flyTo={flyTo} sites={state.sites} />}

          <h3>{t('planner.chart.title')}</h3>
          <Suspense fallback={<p className="hint">{t('planner.chart.loading')}</p>}>
            <TownshipChart rows={rows} labels={chartLabels} onPick={zoomToTownship} />
          </Suspense>

          <h3>{t('planner.township.title')}</h3>
          <p className="hint">{t('planner.township.sortHint')}</p>
          <table className="planner-table" data-testid="planner-township-table">
            <thead>
              <tr>
                {header('township', t('planner.township.name'))}
                {header('population', t('planner.township.population'))}
                {header('coveredPopulation', t('planner.township.covered'))}
                {header('coveredShare', t('planner.township.share'))}
                {header('uncoveredVillages', t('planner.township.uncoveredVillages'))}
              </tr>
            </thead>
            <tbody>
              {sorted.map((row) => (
                <tr key={row.townshipId} data-testid={`planner-township-${row.townshipId}`} onClick={() => zoomToTownship(row.townshipId)} className="clickable">
                  <td>{row.township}</td>
                  <td className="num">{fmtInt(row.population, lang)}</td>
                  <td className="num">{fmtInt(row.coveredPopulation, lang)}</td>
                  <td className="num">{fmtPct(row.coveredShare)}</td>
                  <td className="num">{row.uncoveredVillages}/{row.villages}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('planner.township.total')}</th>
                <td className="num">{fmtInt(r.total.population, lang)}</td>
                <td className="num">{fmtInt(r.total.coveredPopulation, lang)}</td>
                <td className="num">{fmtPct(r.total.coveredShare)}</td>
                <td className="num">{r.total.uncoveredPlaces}/{r.total.places}</td>
              </tr>
            </tfoot>
          </table>

          <h3>{t('planner.uncovered.title')}</h3>
          {uncovered.length === 0 ? <p className="hint">{t('planner.uncovered.none')}</p> : (
            <table className="planner-table" data-testid="planner-uncovered-table" data-count={uncovered.length}>
              <thead><tr><th>{t('planner.uncovered.village')}</th><th>{t('planner.uncovered.township')}</th><th>{t('planner.uncovered.population')}</th><th>{t('planner.uncovered.time')}</th></tr></thead>
              <tbody>
                {(showAll ? uncovered : uncovered.slice(0, SHOWN_UNCOVERED)).map((v) => (
                  <tr key={v.id} className="clickable" data-testid={`planner-uncovered-${v.id}`} onClick={() => { const at = model.lookups.villages.get(v.id)?.lngLat; if (at) flyTo(at, 13); select(v.id); }}>
                    <td>{v.name}</td><td>{v.township}</td><td className="num">{fmtInt(v.population, lang)}</td>
                    <td className="num">{v.seconds === null ? t('planner.uncovered.unreachable') : `${fmtMinutes(v.seconds)} min`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {!showAll && uncovered.length > SHOWN_UNCOVERED && (
            <button type="button" className="link" onClick={() => setShowAll(true)}>{t('planner.uncovered.more', { count: uncovered.length })}</button>
          )}
        </>
      )}
    </div>
  );
}

/** The gaps' area: the county outside the covered area (computed in the worker from the contour). */
function GapArea({ model, minutes, lang }: { model: PlannerModel; minutes: number; lang: string }) {
  const { t } = useTranslation();
  const g = model.gaps.data;
  if (!g) return model.gaps.isFetching ? <div className="hint">{t('planner.gaps.computing')}</div> : null;
  const km2 = (x: number) => x.toLocaleString(lang, { maximumFractionDigits: 0 });
  return (
    <div data-testid="planner-gap-area" data-gap-km2={g.gapKm2.toFixed(3)} data-county-km2={g.withinKm2.toFixed(3)}>
      {t('planner.gaps.area', { minutes, gap: km2(g.gapKm2), total: km2(g.withinKm2), share: fmtPct(g.withinKm2 > 0 ? g.gapKm2 / g.withinKm2 : 0) })}
    </div>
  );
}
