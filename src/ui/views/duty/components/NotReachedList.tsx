import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KindList } from '../state/lists';

/** Names shown per step when the officer opens the list (a province: tens of thousands in all). */
const PAGE_ROWS = 100;

/**
 * What a bounded search (a province's large pool) did not reach within its limit, for one kind:
 * the count at once, and, when opened, the names a hundred at a time — listed, never hidden, and
 * never 50,000 rows rendered on a click.
 */
export function NotReachedList({ kind, notReached }: { kind: string; notReached: NonNullable<KindList['notReached']> }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [shown, setShown] = useState(0);
  const { ids, withinSeconds, lookup } = notReached;
  if (ids.length === 0) return null;
  const minutes = Math.round(withinSeconds / 60);
  return (
    <details
      className="duty-unreachable duty-not-reached"
      data-testid={`duty-not-reached-${kind}`}
      data-count={ids.length}
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open && shown === 0) setShown(PAGE_ROWS);
      }}
    >
      <summary>{t('dataset.notReached.summary', { n: ids.length, minutes })}</summary>
      {shown > 0 && (
        <>
          <p className="hint">{t('dataset.notReached.hint', { minutes })}</p>
          <ul>
            {ids.slice(0, shown).map((id) => {
              const r = lookup.get(id);
              return <li key={id}>{r ? (en && r.nameEn ? r.nameEn : r.name) : id}</li>;
            })}
          </ul>
          {shown < ids.length && (
            <button type="button" className="link" data-testid={`duty-not-reached-more-${kind}`} onClick={() => setShown((n) => n + PAGE_ROWS)}>
              {t('dataset.notReached.more', { n: Math.min(PAGE_ROWS, ids.length - shown), total: ids.length })}
            </button>
          )}
        </>
      )}
    </details>
  );
}
