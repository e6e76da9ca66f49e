import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fmtInt } from './format';
import type { PlannerModel } from './use-planner-model';
import { whatIfStationId } from './state/planner-params';
import { CATCHMENT_PALETTE } from './state/map-layers';

interface Props {
  model: PlannerModel;
  minutes: number;
  lang: string;
  flyTo: (lngLat: readonly [number, number], zoom?: number) => void;
  /** the what-if sites, in order (their ids are whatIfStationId(i)) */
  sites: ReadonlyArray<readonly [number, number]>;
}

/**
 * The catchments' legend: each station with the colour it has on the map (touching catchments get
 * different colours, chosen in the worker), the area it reaches first within the budget, and the
 * villages and people it reaches first (the coverage roll-up's fastest station per village).
 */
export function CatchmentTable({ model, minutes, lang, flyTo, sites }: Props) {
  const { t } = useTranslation();
  const raster = model.area.data?.raster;
  const rollUp = model.coverage.data?.rollUp;
  const rows = useMemo(() => {
    if (!raster?.catchments) return null;
    const firstReached = new Map<string, { villages: number; people: number }>();
    for (const p of rollUp?.places ?? []) {
      if (!p.covered || !p.sourceId) continue;
      const e = firstReached.get(p.sourceId) ?? { villages: 0, people: 0 };
      e.villages += 1;
      e.people += model.lookups.population.get(p.id) ?? 0;
      firstReached.set(p.sourceId, e);
    }
    const byId = new Map((model.resources ?? []).map((r) => [r.id, r]));
    const siteIndex = new Map(sites.map((p, i) => [whatIfStationId(i), { i, p }]));
    // A station can reach a village point first yet no cell centre first (times are exact at
    // points, the image at cell centres): it is listed too, with no area, so the people add up.
    const listed = new Set(raster.catchments.map((c) => c.sourceId));
    const pointOnly = [...firstReached.keys()].filter((id) => !listed.has(id)).map((sourceId) => ({ sourceId, colorIndex: -1, areaKm2: 0 }));
    return [...raster.catchments, ...pointOnly].map((c) => {
      const r = byId.get(c.sourceId);
      const site = siteIndex.get(c.sourceId);
      const name = r ? (lang === 'en' && r.nameEn ? r.nameEn : r.name) : site ? t('planner.catchmentTable.whatIf', { n: site.i + 1 }) : c.sourceId;
      return { ...c, name, lngLat: r?.lngLat ?? site?.p, ...(firstReached.get(c.sourceId) ?? { villages: 0, people: 0 }) };
    });
  }, [raster, rollUp, model.resources, model.lookups.population, sites, lang, t]);

  if (!rows) return model.area.isFetching ? <p className="hint">{t('planner.catchmentTable.computing')}</p> : null;
  return (
    <>
      <h3>{t('planner.catchmentTable.title', { minutes })}</h3>
      <p className="hint">{t('planner.catchmentTable.hint')}</p>
      {(raster?.catchmentClashes ?? 0) > 0 && <p className="status-note">{t('planner.catchmentTable.clashes', { count: raster!.catchmentClashes })}</p>}
      <table className="planner-table" data-testid="planner-catchment-table" data-count={rows.length}>
        <thead>
          <tr><th>{t('planner.catchmentTable.station')}</th><th>{t('planner.catchmentTable.area')}</th><th>{t('planner.catchmentTable.villages')}</th><th>{t('planner.catchmentTable.people')}</th></tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const c = CATCHMENT_PALETTE[row.colorIndex];
            return (
              <tr key={row.sourceId} className="clickable" data-testid={`planner-catchment-${row.sourceId}`} data-color={row.colorIndex} onClick={() => row.lngLat && flyTo(row.lngLat, 13)}>
                <td className="planner-legend-item"><i style={{ background: c ? `rgba(${c.slice(0, 3).join(',')},0.75)` : 'transparent' }} />{row.name}</td>
                <td className="num">{row.areaKm2.toLocaleString(lang, { maximumFractionDigits: 1 })}</td>
                <td className="num">{row.villages}</td>
                <td className="num">{fmtInt(row.people, lang)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
