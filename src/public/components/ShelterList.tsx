import { useState } from 'react';
import type { PublicLang, Translate } from '../i18n';
import type { Ranking } from '../rank';
import { ShelterRow } from './ShelterRow';

const FIRST_ROWS = 5;
const FIRST_UNAVAILABLE_ROWS = 5;

interface Props {
  readonly t: Translate;
  readonly lang: PublicLang;
  readonly ranking: Ranking;
  readonly walkingState: 'pending' | 'ready' | 'failed' | 'off-road';
  readonly party: number;
  readonly townshipName: (id: string) => string;
  readonly selectedId: string | null;
  readonly onRoute: (id: string) => void;
}

/** The answer: open shelters with room, nearest first; then, apart, the closed or full ones (never ranked). */
export function ShelterList({ t, lang, ranking, walkingState, party, townshipName, selectedId, onRoute }: Props) {
  const [allAvailable, setAllAvailable] = useState(false);
  const [allUnavailable, setAllUnavailable] = useState(false);
  const by = ranking.by === 'walking' ? t('list.byWalking') : walkingState === 'pending' ? t('list.byStraightLine') : t('list.straightLineOnly');
  const shown = allAvailable ? ranking.available : ranking.available.slice(0, FIRST_ROWS);
  const shownUnavailable = allUnavailable ? ranking.unavailable : ranking.unavailable.slice(0, FIRST_UNAVAILABLE_ROWS);
  return (
    <>
      <section className="results" aria-labelledby="results-heading">
        <h2 id="results-heading" tabIndex={-1}>{t('list.heading')}</h2>
        <p className="ranking-by" role="status" data-testid="ranking-by" data-by={ranking.by}>{by}</p>
        {ranking.available.length === 0 ? (
          <p className="warn" data-testid="none-open">{t('list.noneOpen', { party })}</p>
        ) : (
          <ol className="shelters" data-testid="shelter-list">
            {shown.map((r, i) => (
              <ShelterRow
                key={r.shelter.id} t={t} lang={lang} r={r} rank={i + 1} apart={false} townshipName={townshipName}
                routeShown={selectedId === r.shelter.id} onRoute={() => onRoute(r.shelter.id)}
              />
            ))}
          </ol>
        )}
        {!allAvailable && ranking.available.length > FIRST_ROWS && (
          <button type="button" className="button more" onClick={() => setAllAvailable(true)}>{t('list.showAll', { count: ranking.available.length })}</button>
        )}
      </section>
      {ranking.unavailable.length > 0 && (
        <section className="results apart" aria-labelledby="unavailable-heading" data-testid="unavailable">
          <h2 id="unavailable-heading">{t('list.unavailableHeading')}</h2>
          <p className="muted">{t('list.unavailableNote', { party })}</p>
          <ul className="shelters">
            {shownUnavailable.map((r) => (
              <ShelterRow key={r.shelter.id} t={t} lang={lang} r={r} apart townshipName={townshipName} routeShown={false} />
            ))}
          </ul>
          {!allUnavailable && ranking.unavailable.length > FIRST_UNAVAILABLE_ROWS && (
            <button type="button" className="button more" onClick={() => setAllUnavailable(true)}>{t('list.showAll', { count: ranking.unavailable.length })}</button>
          )}
        </section>
      )}
    </>
  );
}
