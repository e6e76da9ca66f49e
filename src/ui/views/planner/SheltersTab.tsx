import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fmtInt, fmtMinutes } from './format';
import type { PlannerModel } from './use-planner-model';
import type { PlannerState } from './state/planner-params';
import { townshipShelterRows, villageShelterProblems } from './state/tables';

interface Props {
  state: PlannerState;
  update: (patch: Partial<PlannerState>) => void;
  model: PlannerModel;
  lang: string;
  flyTo: (lngLat: readonly [number, number], zoom?: number) => void;
}

const WALK_CHOICES = [15, 20, 30, 45, 60];

export function SheltersTab({ state, update, model, lang, flyTo }: Props) {
  const { t } = useTranslation();
  const f = model.shelters.data;
  const { names, shelterTownship, villages } = model.lookups;
  const whatIfTownship = useMemo(() => new Map(model.newShelters.map((n) => [n.id, nearestTownship(n.lngLat, villages)])), [model.newShelters, villages]);
  const rows = useMemo(() => (f ? townshipShelterRows(f, (id) => shelterTownship.get(id) ?? whatIfTownship.get(id) ?? '', names, (id) => villages.get(id)?.township ?? '') : []), [f, shelterTownship, whatIfTownship, names, villages]);
  const problems = useMemo(() => (f ? villageShelterProblems(f, names) : []), [f, names]);
  const nearestPlacedWithin = f ? f.villages.reduce((a, v) => a + (v.nearestSeconds !== null && v.nearestSeconds <= f.maxWalkSeconds ? v.nearestPlaced : 0), 0) : 0;
  const total = f ? f.villages.reduce((a, v) => a + v.demand, 0) : 0;

  return (
    <div className="planner-tab">
      <p className="hint">{t('planner.shelters.mustMove', { count: fmtInt(model.plannerData.data?.mustMove ?? 0, lang) })}</p>
      <fieldset className="planner-controls">
        <label>
          <input type="checkbox" data-testid="planner-share-on" checked={state.share !== null} onChange={(e) => update({ share: e.target.checked ? 0.05 : null })} /> {t('planner.shelters.share')}
        </label>
        {state.share !== null && (
          <input type="number" min={0} max={100} step={0.5} data-testid="planner-share" value={Math.round(state.share * 1000) / 10}
            onChange={(e) => { const v = Number(e.target.value); if (v >= 0 && v <= 100) update({ share: v / 100 }); }} />
        )}
        <label><input type="checkbox" data-testid="planner-safe-only" checked={state.typhoonSafeOnly} onChange={(e) => update({ typhoonSafeOnly: e.target.checked })} /> {t('planner.shelters.safeOnly')}</label>
        <label>
          {t('planner.shelters.walk')}{' '}
          <select value={state.walkMinutes} data-testid="planner-walk" onChange={(e) => update({ walkMinutes: Number(e.target.value) })}>
            {WALK_CHOICES.map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </label>
      </fieldset>
      <p className="hint">{t('planner.shelters.note')}</p>
      {model.shelters.error && <p className="status-note error">{t('planner.failed', { message: model.shelters.error.message })}</p>}
      {!f && !model.shelters.error && <p className="hint">{t('planner.loading')}</p>}
      {f && (
        <>
          <table className="planner-table planner-compare" data-testid="planner-assignments">
            <thead><tr><th /><th>{t('planner.shelters.nearest')}</th><th>{t('planner.shelters.aware')}</th></tr></thead>
            <tbody>
              <tr><th scope="row">{t('planner.shelters.placed')}</th>
                <td className="num" data-testid="planner-nearest-placed">{fmtInt(nearestPlacedWithin, lang)}</td>
                <td className="num" data-testid="planner-aware-placed" data-value={f.capacityAware.placed}>{fmtInt(f.capacityAware.placed, lang)}</td></tr>
              <tr><th scope="row">{t('planner.shelters.withoutPlace')}</th>
                <td className="num">{fmtInt(total - nearestPlacedWithin, lang)}</td>
                <td className="num">{fmtInt(f.capacityAware.unplaced, lang)}</td></tr>
              <tr><th scope="row">{t('planner.shelters.meanWalk')}</th>
                <td className="num">{t('planner.shelters.minutes', { value: f.nearest.placed ? (f.nearest.personSeconds / f.nearest.placed / 60).toFixed(1) : '–' })}</td>
                <td className="num">{t('planner.shelters.minutes', { value: f.capacityAware.placed ? (f.capacityAware.personSeconds / f.capacityAware.placed / 60).toFixed(1) : '–' })}</td></tr>
            </tbody>
          </table>
          <p className="hint">{t('planner.shelters.lpTime', { ms: Math.round(f.capacityAware.solveSeconds * 1000) })}</p>

          <h3>{t('planner.shelters.townshipTitle')}</h3>
          <table className="planner-table" data-testid="planner-shelter-townships">
            <thead><tr>
              <th>{t('planner.township.name')}</th><th>{t('planner.shelters.places')}</th><th>{t('planner.shelters.people')}</th>
              <th>{t('planner.shelters.placedAware')}</th><th>{t('planner.shelters.withoutPlace')}</th><th>{t('planner.shelters.beyond')}</th><th>{t('planner.shelters.full')}</th>
            </tr></thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.townshipId} className="clickable" onClick={() => { const at = model.lookups.townships.get(row.townshipId)?.lngLat; if (at) flyTo(at, 12); }}>
                  <td>{row.township}</td><td className="num">{fmtInt(row.places, lang)}</td><td className="num">{fmtInt(row.people, lang)}</td>
                  <td className="num">{fmtInt(row.placedCapacityAware, lang)}</td><td className="num">{fmtInt(row.withoutPlace, lang)}</td>
                  <td className="num">{row.villagesBeyondWalk}</td><td className="num">{row.villagesFull}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h3>{t('planner.shelters.problemsTitle')}</h3>
          {problems.length === 0 ? <p className="hint">{t('planner.shelters.none')}</p> : (
            <table className="planner-table" data-testid="planner-shelter-problems">
              <thead><tr><th>{t('planner.uncovered.village')}</th><th>{t('planner.shelters.people')}</th><th>{t('planner.shelters.nearestShelter')}</th><th>{t('planner.shelters.withoutPlace')}</th></tr></thead>
              <tbody>
                {problems.slice(0, 15).map((p) => (
                  <tr key={p.id} className="clickable" onClick={() => { const at = villages.get(p.id)?.lngLat; if (at) flyTo(at, 13); }}>
                    <td>{p.name}<br /><small>{p.township} · {t(`planner.shelters.problem.${p.problem}`)}</small></td>
                    <td className="num">{fmtInt(p.demand, lang)}</td>
                    <td>{p.nearestShelterId ?? '–'}{p.nearestSeconds !== null ? ` (${fmtMinutes(p.nearestSeconds)} min)` : ''}</td>
                    <td className="num">{fmtInt(p.withoutPlace, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}

/** A what-if shelter counts for the township of its nearest village (straight line). */
function nearestTownship(at: readonly [number, number], villages: ReadonlyMap<string, { township: string; lngLat: readonly [number, number] }>): string {
  let best = Infinity, township = '';
  for (const v of villages.values()) {
    const d = (v.lngLat[0] - at[0]) ** 2 + (v.lngLat[1] - at[1]) ** 2;
    if (d < best) { best = d; township = v.township; }
  }
  return township;
}
