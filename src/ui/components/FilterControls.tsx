import { useTranslation } from 'react-i18next';
import type { ShelterState } from '../../config/resource-kinds';
import { DEFAULT_FILTERS, RESOURCE_STATUSES, isDefaultFilters, type ResourceFilters, type ResourceStatus } from '../state/filters';

const SHELTER_STATES: readonly ShelterState[] = ['open', 'full', 'closed'];

export interface TownshipOption {
  id: string;
  name: string;
  nameEn?: string;
}

export interface FilterControlsProps {
  filters: ResourceFilters;
  onChange: (filters: ResourceFilters) => void;
  townships: readonly TownshipOption[];
  specialties: readonly string[];
}

export function FilterControls({ filters, onChange, townships, specialties }: FilterControlsProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const set = (patch: Partial<ResourceFilters>) => onChange({ ...filters, ...patch });
  return (
    <section className="filters">
      <h2>{t('filters.title')}</h2>
      <label title={t('readability.statusHint')}>
        <span>{t('filters.status')}</span>
        <select
          value={filters.status}
          data-testid="filter-status"
          onChange={(e) => set({ status: e.target.value as ResourceStatus | 'all' })}
        >
          <option value="all">{t('filters.all')}</option>
          {RESOURCE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('filters.township')}</span>
        <select value={filters.township} data-testid="filter-township" onChange={(e) => set({ township: e.target.value })}>
          <option value="all">{t('filters.all')}</option>
          {townships.map((tw) => (
            <option key={tw.id} value={tw.id}>
              {en && tw.nameEn ? tw.nameEn : tw.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('filters.specialty')}</span>
        <select value={filters.specialty} data-testid="filter-specialty" onChange={(e) => set({ specialty: e.target.value })}>
          <option value="all">{t('filters.all')}</option>
          {specialties.map((s) => (
            <option key={s} value={s}>
              {t(`specialty.${s}`, { defaultValue: s })}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('readability.shelterTonight')}</span>
        <select
          value={filters.shelterTonight}
          data-testid="filter-shelter-tonight"
          onChange={(e) => set({ shelterTonight: e.target.value as ResourceFilters['shelterTonight'] })}
        >
          <option value="all">{t('filters.all')}</option>
          {SHELTER_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`readability.tonight.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('filters.minFree')}</span>
        <input
          type="number"
          min={0}
          step={10}
          value={filters.minFreePlaces}
          data-testid="filter-min-free"
          onChange={(e) => {
            const n = Number(e.target.value);
            set({ minFreePlaces: Number.isFinite(n) && n > 0 ? Math.floor(n) : 0 });
          }}
        />
      </label>
      <button type="button" disabled={isDefaultFilters(filters)} onClick={() => onChange(DEFAULT_FILTERS)}>
        {t('filters.reset')}
      </button>
    </section>
  );
}
