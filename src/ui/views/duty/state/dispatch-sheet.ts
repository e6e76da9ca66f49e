import { etaMinutes, kilometers } from './candidates';
import type { Closure } from './duty-params';
import { formatLngLat } from './duty-params';
import type { KindList } from './lists';
import type { SuppliesPlan } from './supplies';

/** Translation as the sheet needs it (i18next's t in the app, a stub in tests). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface DispatchInput {
  incident: readonly [number, number];
  closures: readonly Closure[];
  segmentCounts: readonly (number | null)[];
  lists: readonly KindList[];
  plan: SuppliesPlan | null;
  /** a resource's name and kind label in the UI language */
  nameOf: (id: string) => string;
  kindLabel: (kind: string) => string;
  generatedAt: string;
  t: Translate;
}

export const SHEET_COLUMNS = ['kind', 'name', 'id', 'status', 'eta', 'roadKm', 'straightKm', 'phone', 'members', 'route', 'basis'] as const;

export interface SheetRowsOptions {
  /**
   * A bounded search's not-reached candidates (a province: tens of thousands per kind) listed per
   * kind up to this many, then one row saying how many more (the print view: an A4 sheet); the CSV
   * lists every one (the default).
   */
  notReachedLimit?: number;
}

/**
 * One table row per resource in the lists, in list order: the ranked rows, those with no travel
 * time (off the network, no open road), and what a bounded search did not reach within its limit.
 */
export function sheetRows(input: DispatchInput, { notReachedLimit = Infinity }: SheetRowsOptions = {}): string[][] {
  const { t } = input;
  const rows: string[][] = [];
  const statusText = new Map<string, string>();
  const statusOf = (status: string) => {
    let text = statusText.get(status);
    if (text === undefined) statusText.set(status, (text = t(`status.${status}`)));
    return text;
  };
  for (const l of input.lists) {
    for (const r of l.rows) {
      const res = r.resource;
      const phone = res.kind === 'rescue_team' || res.kind === 'fire_station' ? res.phone : '';
      const members = res.kind === 'rescue_team' ? String(res.members) : res.kind === 'fire_station' ? String(res.staff) : '';
      const route = r.roadMeters !== null && r.offRoadMeters !== null
        ? t('duty.sheet.routeSummary', { roadKm: kilometers(r.roadMeters - r.offRoadMeters), walkM: Math.round(r.offRoadMeters) })
        : '';
      rows.push([
        input.kindLabel(r.kind), input.nameOf(r.id), r.id, t(`status.${res.status}`),
        r.seconds === null ? '' : String(etaMinutes(r.seconds)),
        r.roadMeters === null ? '' : kilometers(r.roadMeters),
        kilometers(r.straightLineMeters), phone, members, route,
        l.mode === 'travel' ? t('duty.list.byRoad') : t('duty.list.byStraight'),
      ]);
    }
    for (const u of l.unreachable) {
      rows.push([input.kindLabel(l.kind), input.nameOf(u.resource.id), u.resource.id, t(`status.${u.resource.status}`), t(`duty.list.reason.${u.reason}`), '', '', '', '', '', t('duty.list.byRoad')]);
    }
    const notReached = l.notReached;
    if (notReached && notReached.ids.length > 0) {
      const minutes = Math.round(notReached.withinSeconds / 60);
      const kind = input.kindLabel(l.kind), why = t('dataset.notReached.row', { minutes }), basis = t('duty.list.byRoad');
      const listed = Math.min(notReached.ids.length, notReachedLimit);
      for (let i = 0; i < listed; i++) {
        const id = notReached.ids[i]!;
        const status = notReached.lookup.get(id)?.status;
        rows.push([kind, input.nameOf(id), id, status ? statusOf(status) : '', why, '', '', '', '', '', basis]);
      }
      if (listed < notReached.ids.length) {
        rows.push([kind, t('dataset.notReached.sheetMore', { n: notReached.ids.length - listed, total: notReached.ids.length, minutes }), '', '', why, '', '', '', '', '', basis]);
      }
    }
  }
  return rows;
}

export function closureText(c: Closure, count: number | null, t: Translate): string {
  const what = t(`duty.closures.kind.${c.type}`);
  const where = c.type === 'segment' ? formatLngLat(c.at) : c.coordinates.map(formatLngLat).join(' ');
  return `${what} · ${count === null ? t('duty.closures.counting') : t('duty.closures.segments', { n: count })} · ${where}`;
}

/** The whole CSV as rows: a header block (incident, time, 示意, closures, supplies), then the table. */
export function dispatchCsvRows(input: DispatchInput): string[][] {
  const { t } = input;
  const out: string[][] = [
    [t('duty.sheet.title')],
    [t('duty.sheet.synthetic')],
    [t('duty.sheet.incident'), formatLngLat(input.incident), 'WGS-84'],
    [t('duty.sheet.generatedAt'), input.generatedAt],
  ];
  input.closures.forEach((c, i) => out.push([t('duty.sheet.closure', { n: i + 1 }), closureText(c, input.segmentCounts[i] ?? null, t)]));
  if (input.plan) {
    const p = input.plan;
    out.push([t('duty.sheet.supplies'), p.met ? t('duty.sheet.suppliesMet', { n: p.needed, minutes: etaMinutes(p.allThereSeconds!) }) : t('duty.sheet.suppliesShort', { delivered: p.delivered, n: p.needed })]);
    for (const c of p.contributions) out.push(['', input.nameOf(c.id), String(c.quantity), t('duty.list.minutes', { n: etaMinutes(c.seconds) })]);
  }
  out.push([]);
  out.push(SHEET_COLUMNS.map((c) => t(`duty.sheet.col.${c}`)));
  out.push(...sheetRows(input));
  return out;
}
