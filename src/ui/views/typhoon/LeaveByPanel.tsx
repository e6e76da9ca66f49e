import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeaveByRow } from '../../../core';
import type { VillageContact } from '../../../queries/use-typhoon';
import type { Entry } from './state/entries';
import { beijingShort, durationText, telHref } from './state/format';

interface Props {
  rows: readonly LeaveByRow[] | undefined;
  loading: boolean;
  error: string | null;
  nowMs: number;
  villagesById: ReadonlyMap<string, Entry>;
  sheltersById: ReadonlyMap<string, Entry>;
  contacts: Readonly<Record<string, VillageContact>>;
  /** the planner's people who must move, by village id (示意), when the file is loaded */
  mustMove: ReadonlyMap<string, number> | undefined;
  /** the planner's capacity-aware assignment is in use */
  planned: boolean;
  mode: 'walk' | 'drive';
  marginMinutes: number;
  circle: string;
  onMode: (mode: 'walk' | 'drive') => void;
  onMargin: (minutes: number) => void;
  select: (id: string) => void;
}

/** Must leave by, per village ever inside the force-7 / 34-kt circle: most urgent first, late in red. */
/** Rows drawn at first: the most urgent; the rest on request (mounting ~300 rows at once is a long task). */
const FIRST_ROWS = 50;

export function LeaveByPanel(p: Props) {
  const { t } = useTranslation();
  // 'show all' holds for the rows it was asked for; a recomputation (mode, margin) starts short again
  const [allFor, setAllFor] = useState<readonly LeaveByRow[] | null>(null);
  const showAll = allFor !== null && allFor === p.rows;
  const late = p.rows?.filter((r) => r.mustLeaveByMs === null || r.mustLeaveByMs <= p.nowMs).length ?? 0;
  return (
    <section className="typhoon-leave" data-testid="typhoon-leave">
      <h3>{t('typhoon.leave.title')}</h3>
      <p className="hint">{t('typhoon.leave.rule', { circle: p.circle })}</p>
      <p className="hint" data-testid="typhoon-leave-plan">{p.planned ? t('typhoon.leave.planned') : t('typhoon.leave.nearestOnly')}</p>
      <div className="typhoon-leave-options">
        <label><input type="radio" name="typhoon-mode" checked={p.mode === 'walk'} onChange={() => p.onMode('walk')} data-testid="typhoon-mode-walk" /> {t('typhoon.leave.walk')}</label>
        <label><input type="radio" name="typhoon-mode" checked={p.mode === 'drive'} onChange={() => p.onMode('drive')} data-testid="typhoon-mode-drive" /> {t('typhoon.leave.drive')}</label>
        <label>
          {t('typhoon.leave.margin')}{' '}
          <input type="number" min={0} max={1440} step={15} value={p.marginMinutes} data-testid="typhoon-margin"
            onChange={(e) => { const v = Number(e.currentTarget.value); if (Number.isInteger(v) && v >= 0 && v <= 1440) p.onMargin(v); }} />
          {' '}{t('typhoon.leave.min')}
        </label>
      </div>
      {p.error && <p className="status-note error">{p.error}</p>}
      {!p.rows ? <p className="hint">{p.loading ? t('typhoon.leave.computing') : ''}</p> : p.rows.length === 0 ? (
        <p className="hint" data-testid="typhoon-leave-none">{t('typhoon.leave.none')}</p>
      ) : (
        <>
          <p data-testid="typhoon-leave-summary">{t('typhoon.leave.summary', { count: p.rows.length, late })}{p.mustMove ? ` ${t('typhoon.leave.mustMoveTotal', { count: p.rows.reduce((n, r) => n + (p.mustMove!.get(r.villageId) ?? 0), 0) })}` : ''}</p>
          <ol className="typhoon-leave-list" data-testid="typhoon-leave-list">
            {(showAll ? p.rows : p.rows.slice(0, FIRST_ROWS)).map((r) => (
              <LeaveRow
                key={r.villageId} row={r} late={r.mustLeaveByMs === null || r.mustLeaveByMs <= p.nowMs}
                village={p.villagesById.get(r.villageId)} shelter={r.shelterId ? p.sheltersById.get(r.shelterId) : undefined}
                contact={p.contacts[r.villageId]} mustMove={p.mustMove?.get(r.villageId)} select={p.select}
              />
            ))}
          </ol>
          {!showAll && p.rows.length > FIRST_ROWS && (
            <button type="button" className="link" onClick={() => setAllFor(p.rows ?? null)} data-testid="typhoon-leave-all">{t('typhoon.leave.showAll', { count: p.rows.length })}</button>
          )}
        </>
      )}
    </section>
  );
}

interface RowProps {
  row: LeaveByRow;
  late: boolean;
  village: Entry | undefined;
  shelter: Entry | undefined;
  contact: VillageContact | undefined;
  mustMove: number | undefined;
  select: (id: string) => void;
}

/** One village; memoised so moving the slider re-renders only rows whose late flag changes. */
const LeaveRow = memo(function LeaveRow({ row: r, late, village: v, shelter: s, contact: c, mustMove, select }: RowProps) {
  const { t } = useTranslation();
  const units = { h: t('typhoon.leave.h'), min: t('typhoon.leave.min') };
  const href = c ? telHref(c.phone) : null;
  return (
    <li className={late ? 'late' : undefined} data-id={r.villageId} data-late={late ? '1' : '0'} data-deadline={r.mustLeaveByMs ?? ''}>
      <div className="typhoon-leave-head">
        <button type="button" className="link" onClick={() => select(r.villageId)}>{v?.name ?? r.villageId}</button>
        <span className="muted" data-testid="typhoon-leave-people">{mustMove === undefined ? t('typhoon.leave.people', { count: v?.population ?? 0 }) : t('typhoon.leave.mustMove', { count: mustMove, people: v?.population ?? 0 })}</span>
        <strong className="typhoon-deadline">
          {r.mustLeaveByMs === null ? t('typhoon.leave.noRoute') : t('typhoon.leave.by', { time: beijingShort(r.mustLeaveByMs) })}
        </strong>
      </div>
      <div className="muted">
        {t('typhoon.leave.arrives', { time: beijingShort(r.firstInsideMs) })}
        {r.travelSeconds !== null && s && <> · {t(r.how === 'assigned' ? 'typhoon.leave.toAssigned' : 'typhoon.leave.toNearest', { shelter: s.name, duration: durationText(r.travelSeconds, units) })}</>}
      </div>
      {c && (
        <div className="typhoon-contact">
          {t('typhoon.leave.contact')}: {c.name} <span className="muted">{c.phone}</span>
          {href && <a className="call-button" href={href} data-testid={`typhoon-call-${r.villageId}`}>{t('typhoon.leave.call')}</a>}
        </div>
      )}
    </li>
  );
});
