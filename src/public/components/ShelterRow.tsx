import type { PublicLang, Translate } from '../i18n';
import { formatDistance, formatNumber, formatTime } from '../format';
import { walkingMinutes, type RankedShelter } from '../rank';
import { shelterName } from '../share';
import { ShareButton } from './ShareButton';
import { ltrIsolate } from '../share';

interface Props {
  readonly t: Translate;
  readonly lang: PublicLang;
  readonly r: RankedShelter;
  /** 1-based rank among available shelters; absent for closed/full ones and a shared shelter */
  readonly rank?: number;
  /** closed, or too full for the party: shown apart */
  readonly apart: boolean;
  /** the shelter of a shared link, shown on top */
  readonly shared?: boolean;
  readonly townshipName: (id: string) => string;
  readonly routeShown: boolean;
  readonly onRoute?: () => void;
}

/** One shelter: name, walking minutes, distance, address, free places / capacity, typhoon-safe, phone, data as of, route, share. */
export function ShelterRow({ t, lang, r, rank, apart, shared = false, townshipName, routeShown, onRoute }: Props) {
  const s = r.shelter;
  const name = shelterName(lang, s);
  const walking = r.walkingSeconds;
  const unavailable = apart;
  return (
    <li
      className={`shelter${unavailable ? ' unavailable' : ''}${rank === 1 ? ' first' : ''}`}
      data-testid={shared ? 'shared-row' : unavailable ? 'unavailable-row' : 'shelter-row'}
      data-shelter-id={s.id}
      data-walking-seconds={typeof walking === 'number' ? walking.toFixed(3) : ''}
    >
      <article aria-label={name}>
        <h3>
          {rank !== undefined && <span className="rank" aria-label={t('list.rank', { n: rank })}>{rank}</span>}
          <span lang={name === s.name ? 'zh-CN' : 'en'}>{name}</span>
        </h3>
        {name !== s.name && <p className="alt-name" lang="zh-CN">{s.name}</p>}
        <p className="how-far">
          {typeof walking === 'number' && <strong className="walk">{t('row.walk', { minutes: formatNumber(lang, walkingMinutes(walking)) })}</strong>}
          {walking === null && <strong className="walk none">{t('row.walkUnknown')}</strong>}
          {typeof walking === 'number' && r.walkingMeters !== undefined && <span>{t('row.walkDistance', { distance: formatDistance(t, lang, r.walkingMeters) })}</span>}
          {Number.isFinite(r.straightLineMeters) && <span>{t('row.straight', { distance: formatDistance(t, lang, r.straightLineMeters) })}</span>}
        </p>
        <p className="address">
          {s.address && <span lang="zh-CN">{s.address}</span>}
          {lang !== 'zh-CN' && <span> · {townshipName(s.township)}</span>}
        </p>
        <p className="facts">
          {!s.open && <span className="tag closed">{t('row.closed')}</span>}
          {s.open && unavailable && <span className="tag closed">{t('row.full')}</span>}
          <span className="tag">{t('row.free', { free: formatNumber(lang, r.freePlaces), capacity: formatNumber(lang, s.capacity) })}</span>
          <span className={`tag ${s.typhoonSafe ? 'safe' : 'unsafe'}`}>{s.typhoonSafe ? t('row.typhoonSafe') : t('row.notTyphoonSafe')}</span>
        </p>
        <p className="as-of muted">{t('row.asOf', { time: formatTime(lang, s.updatedAt) })}</p>
        <div className="actions">
          {s.phone
            ? <a className="button call" href={`tel:${s.phone.replace(/[^0-9+]/g, '')}`}>{t('row.call', { phone: ltrIsolate(s.phone) })}</a>
            : <span className="muted">{t('row.noPhone')}</span>}
          {onRoute && (
            <button type="button" className="button" onClick={onRoute} aria-pressed={routeShown} data-testid="route-button">
              <span className="dir-icon" aria-hidden="true">➜</span> {routeShown ? t('row.routeShown') : t('row.route')}
            </button>
          )}
          {!unavailable && <ShareButton t={t} lang={lang} r={r} />}
        </div>
      </article>
    </li>
  );
}
