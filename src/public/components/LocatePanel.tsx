import { useId, useMemo, useState } from 'react';
import type { PublicTownship, PublicVillage } from '../../io/public-finder-data';
import type { PublicLang, Translate } from '../i18n';
import type { LocateFailure } from '../location';
import { matchVillages, type PersonPlace } from '../rank';

export type LocateState = { phase: 'idle' } | { phase: 'locating' } | { phase: 'failed'; failure: LocateFailure };

interface Props {
  readonly t: Translate;
  readonly lang: PublicLang;
  readonly state: LocateState;
  readonly place: PersonPlace | null;
  readonly villages: readonly PublicVillage[];
  readonly townships: readonly PublicTownship[];
  readonly mapAvailable: boolean;
  /** a place is known and the person is not changing it: one line and a "change" button, so the list comes first */
  readonly compact: boolean;
  readonly onChange: () => void;
  readonly onLocate: () => void;
  readonly onVillage: (v: PublicVillage) => void;
}

const FAILURE_KEY: Record<LocateFailure, string> = {
  permission: 'locate.deniedPermission', unavailable: 'locate.deniedUnavailable', timeout: 'locate.deniedTimeout', unsupported: 'locate.unsupported',
};

/** Where the person is: the phone's location (asked with its reason), else a typed village, else a tap on the map. */
export function LocatePanel({ t, lang, state, place, villages, townships, mapAvailable, compact, onChange, onLocate, onVillage }: Props) {
  const [query, setQuery] = useState('');
  const inputId = useId();
  const townshipName = useMemo(() => {
    const byId = new Map(townships.map((x) => [x.id, x]));
    return (id: string) => {
      const tw = byId.get(id);
      return tw ? (lang !== 'zh-CN' && tw.nameEn ? `${tw.nameEn} ${tw.name}` : tw.name) : id;
    };
  }, [townships, lang]);
  const matches = useMemo(() => matchVillages(villages, townshipName, query), [villages, townshipName, query]);

  const placeLine = place && (
    <p className="place" data-testid="place" data-source={place.source}>
      <svg className="pin" viewBox="0 0 24 24" aria-hidden="true" width="18" height="18"><path d="M12 2C8 2 5 5 5 9c0 5 7 13 7 13s7-8 7-13c0-4-3-7-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z" fill="currentColor" /></svg>
      <span>
        {place.source === 'gps' && t('locate.fromGps', { meters: Math.round(place.accuracyMeters ?? 0) })}
        {place.source === 'village' && (() => {
          const v = villages.find((x) => x.id === place.villageId);
          return t('locate.fromVillage', { village: v?.name ?? '', township: v ? townshipName(v.township) : '' });
        })()}
        {place.source === 'tap' && t('locate.fromTap')}
      </span>
    </p>
  );
  if (compact && place) {
    return (
      <section className="card locate compact" aria-labelledby="locate-heading">
        <h2 id="locate-heading" className="visually-hidden">{t('locate.heading')}</h2>
        {placeLine}
        <button type="button" className="button" onClick={onChange} data-testid="change-place">{t('locate.change')}</button>
      </section>
    );
  }
  return (
    <section className="card locate" aria-labelledby="locate-heading">
      <h2 id="locate-heading">{t('locate.heading')}</h2>
      {placeLine}
      <button type="button" className="primary" onClick={onLocate} disabled={state.phase === 'locating'} data-testid="use-location">
        {state.phase === 'locating' ? t('locate.locating') : t('locate.useMyLocation')}
      </button>
      <p className="reason">{t('locate.reason')}</p>
      {state.phase === 'failed' && (
        <p className="warn" role="alert" data-testid="locate-failed">{t('locate.denied', { reason: t(FAILURE_KEY[state.failure]) })}</p>
      )}
      <label htmlFor={inputId} className="field-label">{t('locate.villageLabel')}</label>
      <input
        id={inputId} type="search" value={query} placeholder={t('locate.villagePlaceholder')} autoComplete="off"
        data-testid="village-input" onChange={(e) => setQuery(e.target.value)}
        aria-describedby={`${inputId}-hint`}
      />
      {query.trim() !== '' && (
        matches.length > 0 ? (
          <ul className="village-matches" aria-label={t('locate.villageLabel')}>
            {matches.map((v) => (
              <li key={v.id}>
                <button type="button" onClick={() => { onVillage(v); setQuery(''); }} data-testid="village-match">
                  {v.name} <span className="muted">{townshipName(v.township)}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted" role="status">{t('locate.villageNone', { query: query.trim() })}</p>
        )
      )}
      <p id={`${inputId}-hint`} className="muted">{mapAvailable ? t('locate.tapHint') : ''}</p>
    </section>
  );
}
