import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resource } from '../../../../io/schemas/resource';
import type { ResourceLookup } from '../../../state/use-derived-data';
import { etaMinutes } from '../state/candidates';
import type { SuppliesNeed } from '../state/duty-params';
import type { SuppliesPlan } from '../state/supplies';

export interface SuppliesSectionProps {
  need: SuppliesNeed | null;
  items: ReadonlyArray<{ item: string; name: string; nameEn: string; unit: string }>;
  plan: SuppliesPlan | null;
  computing: boolean;
  hasIncident: boolean;
  resourceById: ResourceLookup;
  onNeed: (need: SuppliesNeed | null) => void;
}

/** "I need N of item X": depots by travel time, taken until N is met, and when all N can be there. */
export function SuppliesSection({ need, items, plan, computing, hasIncident, resourceById, onNeed }: SuppliesSectionProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [item, setItem] = useState(need?.item ?? items[0]?.item ?? '');
  const [quantity, setQuantity] = useState(String(need?.quantity ?? 20));
  useEffect(() => {
    if (need) {
      setItem(need.item);
      setQuantity(String(need.quantity));
    }
  }, [need]);
  useEffect(() => {
    if (!item && items[0]) setItem(items[0].item);
  }, [item, items]);
  const meta = items.find((i) => i.item === (need?.item ?? item));
  const unit = meta?.unit ?? '';
  const depotName = (id: string) => {
    const r = resourceById.get(id);
    return r ? (en && r.nameEn ? r.nameEn : r.name) : id;
  };
  return (
    <details className="duty-section duty-supplies" open={need !== null} data-testid="duty-supplies">
      <summary>{t('duty.supplies.title')}</summary>
      <form
        className="supplies-form"
        onSubmit={(e) => {
          e.preventDefault();
          const n = Math.floor(Number(quantity));
          if (item && n > 0) onNeed({ item, quantity: n });
        }}
      >
        {t('duty.supplies.need')}
        <input type="number" min={1} value={quantity} onChange={(e) => setQuantity(e.target.value)} aria-label={t('duty.supplies.quantity')} data-testid="supplies-quantity" />
        <select value={item} onChange={(e) => setItem(e.target.value)} aria-label={t('duty.supplies.item')} data-testid="supplies-item">
          {items.map((i) => <option key={i.item} value={i.item}>{en ? i.nameEn : i.name}</option>)}
        </select>
        <button type="submit" data-testid="supplies-submit">{t('duty.supplies.submit')}</button>
        {need && <button type="button" className="link" onClick={() => onNeed(null)}>{t('duty.supplies.clear')}</button>}
      </form>
      {need && !hasIncident && <p className="hint">{t('duty.supplies.needIncident')}</p>}
      {need && hasIncident && computing && !plan && <p className="hint" role="status">{t('duty.supplies.computing')}</p>}
      {need && plan && (
        <div data-testid="supplies-plan">
          <p className={plan.met ? 'duty-note' : 'duty-note error'} data-testid="supplies-summary">
            {plan.met
              ? t('duty.supplies.met', { n: plan.needed, unit, minutes: etaMinutes(plan.allThereSeconds!), depots: plan.contributions.length })
              : plan.countyTotal < plan.needed
                ? t('duty.supplies.countyShort', { total: plan.countyTotal, n: plan.needed, unit })
                : t('duty.supplies.reachShort', { delivered: plan.delivered, n: plan.needed, unit })}
          </p>
          <table className="supplies-table">
            <thead>
              <tr><th>{t('duty.supplies.depot')}</th><th className="num">{t('duty.supplies.takes')}</th><th className="num">{t('duty.supplies.holds')}</th><th className="num">{t('duty.supplies.eta')}</th></tr>
            </thead>
            <tbody>
              {plan.contributions.map((c) => (
                <tr key={c.id} data-testid={`supplies-row-${c.id}`}>
                  <td>{depotName(c.id)}</td>
                  <td className="num">{c.quantity}</td>
                  <td className="num">{c.available}</td>
                  <td className="num">{t('duty.list.minutes', { n: etaMinutes(c.seconds) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!plan.met && (
            <p className="hint" data-testid="supplies-holders">
              {t('duty.supplies.where')}{' '}
              {plan.holders.map((h) => `${depotName(h.id)} ${h.quantity}${unit}${h.seconds === null ? ` (${t('duty.supplies.unreachable')})` : ''}`).join('；') || '—'}
            </p>
          )}
        </div>
      )}
    </details>
  );
}
