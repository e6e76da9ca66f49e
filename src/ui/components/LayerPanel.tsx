import { useTranslation } from 'react-i18next';
import { RESOURCE_KINDS, kindLabel, type ResourceKind } from '../../config/resource-kinds';
import type { ShelterState } from '../../config/resource-kinds';
import type { ResourceFilters } from '../state/filters';
import { FilterControls, type TownshipOption } from './FilterControls';
import type { LiveLayerStatus } from '../../queries/use-resources';
import { KindIcon } from './KindIcon';
import { Legend } from './Legend';
import { LiveLayerNote } from './LiveLayerNote';
import { ImportedLayerNote } from './ImportedLayerNote';
import type { LocalData } from '../../queries/local/merge-local';

export interface KindCount {
  visible: number;
  total: number;
}

export interface LayerPanelProps {
  visibleKinds: ReadonlySet<ResourceKind>;
  counts: Readonly<Record<ResourceKind, KindCount>>;
  onToggle: (kind: ResourceKind) => void;
  filters: ResourceFilters;
  onFiltersChange: (filters: ResourceFilters) => void;
  townships: readonly TownshipOption[];
  specialties: readonly string[];
  /** How sound each layer's data is: rows had and dropped, live sources' age, sources.json problems. */
  health?: LayerHealth;
  /** Shelters shown (after filters) by tonight's state: open is not the same as in service. */
  shelterTonight?: Readonly<Record<ShelterState, number>>;
  /** Basemap files left out (each drops only its own layer). */
  basemapProblems?: readonly { file: string; message: string }[];
}

export interface LayerHealth {
  /** Rows each kind's file or source had, valid or not, and how many of them were dropped. */
  rowCounts: Readonly<Record<ResourceKind, number>>;
  issueCounts: Readonly<Record<ResourceKind, number>>;
  live: Partial<Record<ResourceKind, LiveLayerStatus>>;
  /** Problems of sources.json (each names the file and field). */
  sourcesErrors: readonly string[];
  /** this browser's imported layers per kind (source file, time, replace or beside) */
  local?: Pick<LocalData, 'layersByKind'>;
}

/** Toggle per kind with live counts, then filters, then the legend. */
export function LayerPanel(props: LayerPanelProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="layer-panel" data-testid="layer-panel">
      {props.health?.sourcesErrors && props.health?.sourcesErrors.length > 0 && (
        <section className="sources-errors" role="alert" data-testid="sources-errors">
          <strong>{t('live.sourcesProblem')}</strong>
          <ul>{props.health?.sourcesErrors.map((e) => <li key={e}>{e}</li>)}</ul>
        </section>
      )}
      {props.basemapProblems && props.basemapProblems.length > 0 && (
        <section className="sources-errors" role="alert" data-testid="basemap-problems">
          <ul>{props.basemapProblems.map((p) => <li key={p.file}>{t('faults.basemapLayerDropped', { file: p.file, message: p.message })}</li>)}</ul>
        </section>
      )}
      <section>
        <h2>{t('layers.title')}</h2>
        <ul className="layer-list">
          {RESOURCE_KINDS.map((kind) => {
            const count = props.counts[kind];
            const checked = props.visibleKinds.has(kind);
            const rows = props.health?.rowCounts[kind] ?? 0;
            const invalid = props.health?.issueCounts[kind] ?? 0;
            const allInvalid = rows > 0 && count.total === 0;
            const live = props.health?.live[kind];
            return (
              <li key={kind}>
                <label className={checked ? 'layer-row' : 'layer-row layer-off'}>
                  <input
                    type="checkbox"
                    checked={checked}
                    onChange={() => props.onToggle(kind)}
                    data-testid={`toggle-${kind}`}
                  />
                  <KindIcon kind={kind} />
                  <span className="layer-name">{kindLabel(kind, i18n.language)}</span>
                  <span className="layer-count" data-testid={`count-${kind}`} data-visible={count.visible} data-total={count.total}>
                    {allInvalid
                      ? t('live.allInvalid', { count: rows })
                      : t('layers.visibleOfTotal', { visible: count.visible.toLocaleString(), total: count.total.toLocaleString() })}
                  </span>
                </label>
                {!allInvalid && invalid > 0 && <div className="layer-invalid">{t('live.someInvalid', { count: invalid })}</div>}
                {live && <LiveLayerNote kind={kind} status={live} />}
                {props.health?.local?.layersByKind[kind] && <ImportedLayerNote kind={kind} layers={props.health.local.layersByKind[kind]!} />}
                {kind === 'shelter' && props.shelterTonight && (
                  <p className="layer-sub" data-testid="shelter-tonight" data-open={props.shelterTonight.open} data-full={props.shelterTonight.full} data-closed={props.shelterTonight.closed}>
                    {t('readability.shelterSummary', {
                      open: props.shelterTonight.open.toLocaleString(),
                      full: props.shelterTonight.full.toLocaleString(),
                      closed: props.shelterTonight.closed.toLocaleString(),
                    })}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <FilterControls
        filters={props.filters}
        onChange={props.onFiltersChange}
        townships={props.townships}
        specialties={props.specialties}
      />
      <Legend />
    </div>
  );
}
