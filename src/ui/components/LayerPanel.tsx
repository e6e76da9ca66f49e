import { useTranslation } from 'react-i18next';
import { RESOURCE_KINDS, kindLabel, type ResourceKind } from '../../config/resource-kinds';
import type { ResourceFilters } from '../state/filters';
import { FilterControls, type TownshipOption } from './FilterControls';
import { KindIcon } from './KindIcon';
import { Legend } from './Legend';

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
}

/** Toggle per kind with live counts, then filters, then the legend. */
export function LayerPanel(props: LayerPanelProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="layer-panel" data-testid="layer-panel">
      <section>
        <h2>{t('layers.title')}</h2>
        <ul className="layer-list">
          {RESOURCE_KINDS.map((kind) => {
            const count = props.counts[kind];
            const checked = props.visibleKinds.has(kind);
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
                    {t('layers.visibleOfTotal', { visible: count.visible.toLocaleString(), total: count.total.toLocaleString() })}
                  </span>
                </label>
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
