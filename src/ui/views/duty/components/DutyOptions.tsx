import { useTranslation } from 'react-i18next';
import { MAX_K, type DutyFilters } from '../state/duty-params';

export interface DutyOptionsProps {
  k: number;
  includeInactive: boolean;
  filters: DutyFilters;
  specialties: readonly string[];
  items: ReadonlyArray<{ item: string; name: string; nameEn: string; unit: string }>;
  onChange: (patch: { k?: number; includeInactive?: boolean; filters?: DutyFilters }) => void;
}

const count = (v: string, max: number) => Math.max(0, Math.min(max, Math.floor(Number(v) || 0)));

/** k, the "others too" switch, and the filters officers use. */
export function DutyOptions({ k, includeInactive, filters, specialties, items, onChange }: DutyOptionsProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const set = (patch: Partial<DutyFilters>) => onChange({ filters: { ...filters, ...patch } });
  return (
    <details className="duty-section duty-options" open>
      <summary>{t('duty.options.title')}</summary>
      <div className="duty-grid">
        <label>
          {t('duty.options.k')}
          <input type="number" min={1} max={MAX_K} value={k} data-testid="duty-k" onChange={(e) => onChange({ k: Math.max(1, count(e.target.value, MAX_K)) })} />
        </label>
        <label className="check">
          <input type="checkbox" checked={includeInactive} data-testid="duty-include-inactive" onChange={(e) => onChange({ includeInactive: e.target.checked })} />
          {t('duty.options.includeInactive')}
        </label>
        <label>
          {t('duty.options.teamSpecialty')}
          <select value={filters.teamSpecialty} data-testid="duty-team-specialty" onChange={(e) => set({ teamSpecialty: e.target.value })}>
            <option value="all">{t('filters.all')}</option>
            {specialties.map((s) => <option key={s} value={s}>{t(`specialty.${s}`)}</option>)}
          </select>
        </label>
        <label>
          {t('duty.options.teamMinMembers')}
          <input type="number" min={0} value={filters.teamMinMembers} data-testid="duty-team-min-members" onChange={(e) => set({ teamMinMembers: count(e.target.value, 100_000) })} />
        </label>
        <label>
          {t('duty.options.depotItem')}
          <select value={filters.depotItem} data-testid="duty-depot-item" onChange={(e) => set({ depotItem: e.target.value })}>
            <option value="all">{t('filters.all')}</option>
            {items.map((i) => <option key={i.item} value={i.item}>{en ? i.nameEn : i.name}</option>)}
          </select>
        </label>
        <label>
          {t('duty.options.depotMinQuantity')}
          <input type="number" min={0} value={filters.depotMinQuantity} disabled={filters.depotItem === 'all'} data-testid="duty-depot-min-quantity" onChange={(e) => set({ depotMinQuantity: count(e.target.value, 10_000_000) })} />
        </label>
        <label className="check">
          <input type="checkbox" checked={filters.shelterOpen} data-testid="duty-shelter-open" onChange={(e) => set({ shelterOpen: e.target.checked })} />
          {t('duty.options.shelterOpen')}
        </label>
        <label>
          {t('duty.options.shelterMinFree')}
          <input type="number" min={0} value={filters.shelterMinFree} data-testid="duty-shelter-min-free" onChange={(e) => set({ shelterMinFree: count(e.target.value, 100_000) })} />
        </label>
      </div>
    </details>
  );
}
