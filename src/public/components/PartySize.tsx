import type { Translate } from '../i18n';

export const MAX_PARTY = 50;

export function PartySize({ t, party, onParty }: { t: Translate; party: number; onParty: (n: number) => void }) {
  const set = (n: number) => onParty(Math.min(MAX_PARTY, Math.max(1, Math.round(n) || 1)));
  return (
    <div className="party" role="group" aria-labelledby="party-label">
      <span id="party-label">{t('party.label')}</span>
      <button type="button" className="step" onClick={() => set(party - 1)} disabled={party <= 1} aria-label={t('party.fewer')}>−</button>
      <input
        type="number" inputMode="numeric" min={1} max={MAX_PARTY} value={party} aria-labelledby="party-label"
        data-testid="party" onChange={(e) => set(Number(e.target.value))}
      />
      <button type="button" className="step" onClick={() => set(party + 1)} disabled={party >= MAX_PARTY} aria-label={t('party.more')}>+</button>
    </div>
  );
}
