import { useTranslation } from 'react-i18next';
import { fmtInt } from './format';
import type { PlannerModel } from './use-planner-model';
import type { PlannerState } from './state/planner-params';

interface Props {
  state: PlannerState;
  update: (patch: Partial<PlannerState>) => void;
  model: PlannerModel;
  lang: string;
  picking: boolean;
  setPicking: (on: boolean) => void;
  /** where a candidate id is: a village or a clicked point */
  candidateAt: (id: string) => readonly [number, number] | undefined;
  candidateName: (id: string) => string;
}

interface Pick { id: string; people: number }
interface Solution { picks: Pick[]; added: number; status?: string; relativeGap?: number; bound?: number; solveSeconds?: number; provedBy?: 'solver' | 'bound' }

export function SitesTab({ state, update, model, lang, picking, setPicking, candidateAt, candidateName }: Props) {
  const { t } = useTranslation();
  const stations = state.build === 'station';
  const q = stations ? model.stationSuggestions : model.shelterSuggestions;
  let greedy: Solution | null = null, exact: Solution | null = null;
  if (stations && model.stationSuggestions.data) {
    const d = model.stationSuggestions.data;
    greedy = { picks: d.greedy.chosen.map((c, i) => ({ id: d.greedy.chosenIds[i]!, people: c.marginalPopulation })), added: d.greedy.addedPopulation };
    exact = { picks: d.exact.chosen.map((c, i) => ({ id: d.exact.chosenIds[i]!, people: c.marginalPopulation })), added: d.exact.addedPopulation, status: d.exact.status, relativeGap: d.exact.relativeGap, bound: d.exact.bound, solveSeconds: d.exact.solveSeconds };
  } else if (!stations && model.shelterSuggestions.data) {
    const d = model.shelterSuggestions.data;
    greedy = { picks: d.greedy.chosen.map((c, i) => ({ id: d.greedy.chosenIds[i]!, people: c.marginalPeople })), added: d.greedy.addedPeople };
    exact = { picks: d.exact.chosen.map((c, i) => ({ id: d.exact.chosenIds[i]!, people: c.marginalPeople })), added: d.exact.addedPeople, status: d.exact.status, relativeGap: d.exact.relativeGap, bound: d.exact.bound, solveSeconds: d.exact.solveSeconds, provedBy: d.exact.provedBy };
  }
  const addSite = (id: string) => {
    const at = candidateAt(id);
    if (!at) return;
    const lngLat: [number, number] = [at[0], at[1]];
    if (stations) update({ sites: [...state.sites, lngLat] });
    else update({ newShelters: [...state.newShelters, { lngLat, capacity: state.newCapacity }] });
  };
  const list = (which: 'greedy' | 'exact', s: Solution) => (
    <ol className="planner-picks" data-testid={`planner-${which}-picks`} data-added={s.added}>
      {s.picks.map((p, i) => (
        <li key={p.id} data-testid={`planner-${which}-pick-${i}`} data-site={p.id} data-marginal={p.people}>
          <span>{candidateName(p.id)}</span> <span className="num">{t('planner.sites.marginal', { people: fmtInt(p.people, lang) })}</span>{' '}
          <button type="button" className="link" data-testid={`planner-${which}-add-${i}`} onClick={() => addSite(p.id)}>{t('planner.sites.add')}</button>
        </li>
      ))}
    </ol>
  );

  return (
    <div className="planner-tab">
      <fieldset className="planner-controls">
        <legend>{t('planner.sites.mode')}</legend>
        <label><input type="radio" name="planner-build" checked={stations} data-testid="planner-build-station" onChange={() => update({ build: 'station' })} /> {t('planner.sites.stations')}</label>
        <label><input type="radio" name="planner-build" checked={!stations} data-testid="planner-build-shelter" onChange={() => update({ build: 'shelter' })} /> {t('planner.sites.shelters')}</label>
        <label>
          {t('planner.sites.p')}{' '}
          <select value={state.p} data-testid="planner-p" onChange={(e) => update({ p: Number(e.target.value) })}>
            {[1, 2, 3, 4, 5].map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
        {!stations && (
          <label>
            {t('planner.sites.capacity')}{' '}
            <input type="number" min={10} max={100000} step={10} value={state.newCapacity} data-testid="planner-new-capacity"
              onChange={(e) => { const v = Number(e.target.value); if (Number.isInteger(v) && v >= 10) update({ newCapacity: v }); }} />
          </label>
        )}
      </fieldset>
      <p className="hint">{t('planner.sites.candidates', { villages: model.lookups.villages.size, clicked: state.candidates.length })}</p>
      <p>
        <button type="button" aria-pressed={picking} data-testid="planner-pick" onClick={() => setPicking(!picking)}>{picking ? t('planner.sites.picking') : t('planner.sites.pick')}</button>{' '}
        {state.candidates.length > 0 && <button type="button" className="link" onClick={() => update({ candidates: [] })}>{t('planner.sites.clearCandidates')}</button>}
      </p>
      {q.error && <p className="status-note error">{t('planner.failed', { message: q.error.message })}</p>}
      {!greedy && !q.error && <p className="hint" data-testid="planner-sites-computing">{t('planner.sites.computing')}</p>}
      {greedy && exact && (
        <>
          <h3>{t('planner.sites.greedy')}</h3>
          {greedy.picks.length === 0 ? <p className="hint">{t('planner.sites.none')}</p> : list('greedy', greedy)}
          <p>{t('planner.sites.added', { people: fmtInt(greedy.added, lang) })}</p>
          <h3>{t('planner.sites.exact')}</h3>
          {exact.picks.length === 0 ? <p className="hint">{t('planner.sites.none')}</p> : list('exact', exact)}
          <p>{t('planner.sites.added', { people: fmtInt(exact.added, lang) })}</p>
          <p data-testid="planner-gap">
            {exact.added > greedy.added ? t('planner.sites.gap', { people: fmtInt(exact.added - greedy.added, lang) }) : t('planner.sites.noGap')}
            {' · '}
            {exact.status === 'optimal' && exact.provedBy === 'bound'
              ? t('planner.sites.provenByBound', { people: fmtInt(exact.bound ?? exact.added, lang) })
              : exact.status === 'optimal'
              ? t('planner.sites.proven', { ms: Math.round((exact.solveSeconds ?? 0) * 1000) })
              : t('planner.sites.limited', { gap: (100 * (exact.relativeGap ?? 0)).toFixed(2), bound: fmtInt(exact.bound ?? 0, lang) })}
          </p>
        </>
      )}
    </div>
  );
}
