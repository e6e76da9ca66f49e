import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Polygon } from 'geojson';
import { fmtInt, fmtMinutes, fmtPct } from './format';
import type { PlannerModel } from './use-planner-model';
import type { PlannerState } from './state/planner-params';
import { stormDrops } from './state/tables';
import { floodPolygonsFromGeoJson } from './state/flood-file';

interface Props {
  state: PlannerState;
  update: (patch: Partial<PlannerState>) => void;
  model: PlannerModel;
  lang: string;
  drawing: boolean;
  setDrawing: (on: boolean) => void;
  flyTo: (lngLat: readonly [number, number], zoom?: number) => void;
}

export function StormTab({ state, update, model, lang, drawing, setDrawing, flyTo }: Props) {
  const { t } = useTranslation();
  const [fileError, setFileError] = useState<string | null>(null);
  const before = model.coverage.data?.rollUp;
  const after = model.stormCoverage.data?.rollUp;
  const drops = useMemo(() => (before && after && state.flood.length ? stormDrops(before, after, model.lookups.population, model.lookups.names) : []), [before, after, state.flood.length, model.lookups]);
  const dropPeople = drops.reduce((a, d) => a + d.population, 0);
  const cut = model.cutOff.data?.shelters ?? [];

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setFileError(null);
    try {
      const polys: Polygon[] = floodPolygonsFromGeoJson(JSON.parse(await file.text()));
      update({ flood: [...state.flood, ...polys] });
    } catch (err) {
      setFileError((err as Error).message);
    }
  };

  return (
    <div className="planner-tab">
      <h3>{t('planner.storm.title')}</h3>
      <p className="planner-controls">
        <label className="file-button">{t('planner.storm.file')} <input type="file" accept=".geojson,.json,application/geo+json,application/json" data-testid="planner-flood-file" onChange={(e) => void onFile(e.target.files?.[0])} /></label>{' '}
        <button type="button" aria-pressed={drawing} data-testid="planner-draw-flood" onClick={() => setDrawing(!drawing)}>{drawing ? t('planner.storm.drawing') : t('planner.storm.draw')}</button>{' '}
        {state.flood.length > 0 && <button type="button" className="link" data-testid="planner-clear-flood" onClick={() => update({ flood: [] })}>{t('planner.storm.clear')}</button>}
      </p>
      {fileError && <p className="status-note error">{t('planner.storm.badFile', { message: fileError })}</p>}
      {state.flood.length === 0 ? <p className="hint">{t('planner.storm.hint')}</p> : (
        <>
          <p>{t('planner.storm.polygons', { count: state.flood.length })}</p>
          {model.stormCoverage.error && <p className="status-note error">{t('planner.failed', { message: model.stormCoverage.error.message })}</p>}
          {before && after ? (
            <table className="planner-table planner-compare" data-testid="planner-storm-compare" data-before={before.total.coveredPopulation} data-after={after.total.coveredPopulation}>
              <thead><tr><th /><th>{t('planner.storm.before')}</th><th>{t('planner.storm.after')}</th></tr></thead>
              <tbody>
                <tr><th scope="row">{t('planner.township.covered')}</th><td className="num">{fmtInt(before.total.coveredPopulation, lang)}</td><td className="num" data-testid="planner-storm-after">{fmtInt(after.total.coveredPopulation, lang)}</td></tr>
                <tr><th scope="row">{t('planner.township.share')}</th><td className="num">{fmtPct(before.total.coveredShare)}</td><td className="num">{fmtPct(after.total.coveredShare)}</td></tr>
              </tbody>
            </table>
          ) : <p className="hint">{t('planner.loading')}</p>}
          <h3>{drops.length ? t('planner.storm.drops', { minutes: state.budgetMinutes, count: drops.length, people: fmtInt(dropPeople, lang) }) : t('planner.storm.noDrops')}</h3>
          {drops.length > 0 && (
            <table className="planner-table" data-testid="planner-storm-drops" data-count={drops.length}>
              <thead><tr><th>{t('planner.uncovered.village')}</th><th>{t('planner.uncovered.population')}</th><th>{t('planner.storm.before')}</th><th>{t('planner.storm.after')}</th></tr></thead>
              <tbody>
                {drops.map((d) => (
                  <tr key={d.id} className="clickable" data-testid={`planner-drop-${d.id}`} onClick={() => { const at = model.lookups.villages.get(d.id)?.lngLat; if (at) flyTo(at, 13); }}>
                    <td>{d.name}<br /><small>{d.township}</small></td><td className="num">{fmtInt(d.population, lang)}</td>
                    <td className="num">{fmtMinutes(d.beforeSeconds)} min</td>
                    <td className="num">{d.afterSeconds === null ? t('planner.uncovered.unreachable') : `${fmtMinutes(d.afterSeconds)} min`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>{cut.length ? t('planner.storm.cutOff', { count: cut.length }) : t('planner.storm.noCutOff')}</h3>
          {cut.length > 0 && (
            <ul className="planner-picks" data-testid="planner-storm-cutoff">
              {cut.map((c) => <li key={c.shelterId}>{c.shelterId}: {t('planner.storm.villages', { count: c.villageIds.length })}, {fmtInt(c.people, lang)}</li>)}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
