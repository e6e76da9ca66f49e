import { useTranslation } from 'react-i18next';
import { kindLabel } from '../../../../config/resource-kinds';
import { KindIcon } from '../../../components/KindIcon';
import { etaMinutes, kilometers } from '../state/candidates';
import type { KindList, ListRow } from '../state/lists';
import { NotReachedList } from './NotReachedList';

export interface NearestListsProps {
  lists: readonly KindList[];
  /** the travel-time answer is being computed (the straight-line one is shown meanwhile) */
  computing: boolean;
  error: string | null;
  pick: string | null;
  onPick: (id: string | null) => void;
  onHover: (id: string | null) => void;
  onDetails: (id: string) => void;
}

function nameOf(row: { resource: { name: string; nameEn?: string } }, en: boolean) {
  return en && row.resource.nameEn ? row.resource.nameEn : row.resource.name;
}

function Row({ row, picked, onPick, onHover, onDetails }: { row: ListRow; picked: boolean } & Pick<NearestListsProps, 'onPick' | 'onHover' | 'onDetails'>) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const r = row.resource;
  return (
    <li
      className={`duty-row${picked ? ' picked' : ''}${row.inactive ? ' inactive' : ''}`}
      data-testid={`duty-row-${row.id}`}
      data-eta-minutes={row.seconds === null ? '' : etaMinutes(row.seconds)}
      onMouseEnter={() => onHover(row.id)}
      onMouseLeave={() => onHover(null)}
    >
      <button type="button" className="duty-row-main" aria-pressed={picked} onClick={() => onPick(picked ? null : row.id)} data-testid={`duty-pick-${row.id}`}>
        <span className="duty-row-name">
          {nameOf(row, en)}
          {row.inactive && <span className="tag-inactive">{t(`status.${r.status}`)}</span>}
        </span>
        <span className="duty-row-eta" data-testid="duty-eta">
          {row.seconds === null ? '—' : t('duty.list.minutes', { n: etaMinutes(row.seconds) })}
        </span>
        <span className="duty-row-km">
          {row.roadMeters !== null && <>{t('duty.list.roadKm', { km: kilometers(row.roadMeters) })} · </>}
          {t('duty.list.straightKm', { km: kilometers(row.straightLineMeters) })}
        </span>
      </button>
      <span className="duty-row-extra">
        {r.kind === 'rescue_team' && (
          <>
            {t(`specialty.${r.specialty}`)} · {t('duty.list.members', { n: r.members })}
          </>
        )}
        {r.kind === 'shelter' && t('duty.list.free', { n: Math.max(0, r.capacity - r.occupancy) })}
        {r.kind === 'shelter' && !r.open && <> · {t('duty.list.closed')}</>}
        {(r.kind === 'rescue_team' || r.kind === 'fire_station') && r.phone && (
          <a className="call" href={`tel:${r.phone.replace(/[^\d+]/g, '')}`} data-testid={`duty-call-${row.id}`}>{t('duty.list.call', { phone: r.phone })}</a>
        )}
        <button type="button" className="link" onClick={() => onDetails(row.id)}>{t('duty.list.details')}</button>
      </span>
    </li>
  );
}

/** Per kind, the k nearest: by straight line at once, replaced by road travel time when ready. */
export function NearestLists({ lists, computing, error, pick, onPick, onHover, onDetails }: NearestListsProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <section className="duty-section duty-lists" data-testid="duty-lists">
      {error && <p className="duty-note error" role="alert">{t('duty.list.failed', { message: error })}</p>}
      {lists.map((l) => (
        <div key={l.kind} className="duty-kind" data-testid={`duty-list-${l.kind}`} data-mode={l.mode}>
          <h3>
            <KindIcon kind={l.kind} sizePixels={16} /> {kindLabel(l.kind, i18n.language)}
            <span className={`duty-mode mode-${l.mode}`} data-testid={`duty-mode-${l.kind}`}>
              {l.mode === 'travel' ? t('duty.list.byRoad') : computing ? t('duty.list.byStraightComputing') : t('duty.list.byStraight')}
            </span>
          </h3>
          {l.rows.length === 0 && l.unreachable.length === 0 && !l.notReached?.ids.length && <p className="hint">{t('duty.list.none')}</p>}
          <ol className="duty-rows">
            {l.rows.map((row) => (
              <Row key={row.id} row={row} picked={pick === row.id} onPick={onPick} onHover={onHover} onDetails={onDetails} />
            ))}
          </ol>
          {l.unreachable.length > 0 && (
            <details className="duty-unreachable" data-testid={`duty-unreachable-${l.kind}`}>
              <summary>{t('duty.list.unreachable', { n: l.unreachable.length })}</summary>
              <ul>
                {l.unreachable.map((u) => (
                  <li key={u.resource.id}>
                    {en && u.resource.nameEn ? u.resource.nameEn : u.resource.name} — {t(`duty.list.reason.${u.reason}`)}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {l.notReached && <NotReachedList kind={l.kind} notReached={l.notReached} />}
        </div>
      ))}
    </section>
  );
}
