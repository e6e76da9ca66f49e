import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaceWindTimes } from '../../../core';
import { ENTRY_KINDS, type Entry, type EntryKind } from './state/entries';
import { beijingShort } from './state/format';

interface Props {
  entries: readonly Entry[];
  thresholds: readonly string[];
  labelOf: (k: string) => string;
  hourIndex: number;
  hourCount: number;
  insideByThreshold: Record<string, Uint8Array>;
  windTimes: readonly PlaceWindTimes[];
  select: (id: string) => void;
}

const MAX_LISTED = 60;

function kindCounts(entries: readonly Entry[], idx: readonly number[]) {
  const by: Record<EntryKind, { count: number; people: number; places: number }> = Object.fromEntries(ENTRY_KINDS.map((k) => [k, { count: 0, people: 0, places: 0 }])) as never;
  for (const i of idx) {
    const e = entries[i]!;
    const c = by[e.kind];
    c.count++; c.people += e.population; c.places += e.freePlaces;
  }
  return by;
}

/** Who is inside each circle at the chosen hour, and over the whole track with first/last hour. */
export function InsidePanel({ entries, thresholds, labelOf, hourIndex, hourCount, insideByThreshold, windTimes, select }: Props) {
  const { t } = useTranslation();
  const insideAt = (k: string) => {
    const a = insideByThreshold[k];
    const out: number[] = [];
    if (!a) return out;
    for (let i = 0; i < entries.length; i++) if (a[i * hourCount + hourIndex]) out.push(i);
    return out;
  };
  const lowest = thresholds[0]!;
  const nowIdx = Object.fromEntries(thresholds.map((k) => [k, insideAt(k)]));
  const shelters = nowIdx[lowest]!.filter((i) => entries[i]!.kind === 'shelter');
  const ever = useMemo(() => entries.map((_, i) => i).filter((i) => windTimes[i]?.firstInsideMs[lowest] !== null && windTimes[i]?.firstInsideMs[lowest] !== undefined)
    .sort((a, b) => windTimes[a]!.firstInsideMs[lowest]! - windTimes[b]!.firstInsideMs[lowest]! || entries[a]!.id.localeCompare(entries[b]!.id)), [entries, windTimes, lowest]);
  const everCounts = useMemo(() => kindCounts(entries, ever), [entries, ever]);
  const cell = (c: { count: number; people: number; places: number }, kind: EntryKind) =>
    kind === 'village' ? t('typhoon.inside.villagesCell', { count: c.count, people: c.people }) : kind === 'shelter' ? t('typhoon.inside.sheltersCell', { count: c.count, places: c.places }) : String(c.count);

  return (
    <section className="typhoon-inside" data-testid="typhoon-inside">
      <h3>{t('typhoon.inside.title')}</h3>
      <table className="typhoon-table">
        <thead>
          <tr><th>{t('typhoon.inside.kind')}</th>{thresholds.map((k) => <th key={k}>{labelOf(k)}</th>)}<th>{t('typhoon.inside.wholeTrack', { circle: labelOf(lowest) })}</th></tr>
        </thead>
        <tbody>
          {ENTRY_KINDS.map((kind) => (
            <tr key={kind} data-testid={`typhoon-count-${kind}`}>
              <th>{t(`typhoon.kind.${kind}`)}</th>
              {thresholds.map((k) => <td key={k}>{cell(kindCounts(entries, nowIdx[k]!)[kind], kind)}</td>)}
              <td>{cell(everCounts[kind], kind)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t('typhoon.inside.sheltersNow', { circle: labelOf(lowest), count: shelters.length })}</h4>
      {shelters.length === 0 ? <p className="hint" data-testid="typhoon-shelters-none">{t('typhoon.inside.none')}</p> : (
        <ul className="typhoon-list" data-testid="typhoon-shelters">
          {shelters.slice(0, MAX_LISTED).map((i) => (
            <li key={entries[i]!.key} data-id={entries[i]!.id}>
              <button type="button" className="link" onClick={() => select(entries[i]!.id)}>{entries[i]!.name}</button>
              <span className="muted">{entries[i]!.open ? t('typhoon.inside.freePlaces', { count: entries[i]!.freePlaces }) : t('typhoon.inside.closed')}</span>
            </li>
          ))}
          {shelters.length > MAX_LISTED && <li className="muted">{t('typhoon.inside.more', { count: shelters.length - MAX_LISTED })}</li>}
        </ul>
      )}
      <WholeTrack entries={entries} ever={ever} thresholds={thresholds} labelOf={labelOf} windTimes={windTimes} select={select} />
    </section>
  );
}

interface WholeProps {
  entries: readonly Entry[];
  ever: readonly number[];
  thresholds: readonly string[];
  labelOf: (k: string) => string;
  windTimes: readonly PlaceWindTimes[];
  select: (id: string) => void;
}

/** The whole track: every place ever inside, first and last hour per circle (does not change with the hour). */
const WholeTrack = memo(function WholeTrack({ entries, ever, thresholds, labelOf, windTimes, select }: WholeProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details className="typhoon-whole" data-testid="typhoon-whole" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('typhoon.inside.wholeList', { count: ever.length })}</summary>
      {open && <table className="typhoon-table">
        <thead><tr><th>{t('typhoon.inside.name')}</th>{thresholds.map((k) => <th key={k}>{labelOf(k)}<br />{t('typhoon.inside.firstLast')}</th>)}</tr></thead>
        <tbody>
          {ever.slice(0, 200).map((i) => (
            <tr key={entries[i]!.key}>
              <td><button type="button" className="link" onClick={() => select(entries[i]!.id)}>{entries[i]!.name}</button> <span className="muted">{t(`typhoon.kind.${entries[i]!.kind}`)}</span></td>
              {thresholds.map((k) => {
                const f = windTimes[i]!.firstInsideMs[k] ?? null, l = windTimes[i]!.lastInsideMs[k] ?? null;
                return <td key={k}>{f === null || l === null ? '—' : `${beijingShort(f)} – ${beijingShort(l)}`}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>}
      {open && ever.length > 200 && <p className="muted">{t('typhoon.inside.more', { count: ever.length - 200 })}</p>}
    </details>
  );
});
