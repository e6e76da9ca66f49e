import { useTranslation } from 'react-i18next';
import type { LiveLayerStatus } from '../../queries/use-resources';

const BEIJING = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
});

/** To the second, Beijing time (UTC+8): a live layer's age is read in seconds and minutes. */
function beijingTime(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = Object.fromEntries(BEIJING.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour === '24' ? '00' : p.hour}:${p.minute}:${p.second} (UTC+8)`;
}

/** Under a live layer's row: how old its data is, whether it is stale, and what failed, in plain words. */
export function LiveLayerNote({ kind, status }: { kind: string; status: LiveLayerStatus }) {
  const { t } = useTranslation();
  const stale = status.state === 'stale';
  const reason = status.failure ? t(`live.reason.${status.failureReason ?? 'other'}`, { detail: status.failureDetail ?? '' }) : '';
  return (
    <div
      className={`live-note live-${status.state}`}
      data-testid={`live-${kind}`}
      data-state={status.state}
      data-fetched-at={status.fetchedAt ?? ''}
      data-from-store={status.fromStore ? 'true' : 'false'}
      data-failure={status.failure ?? ''}
      title={status.failure ?? undefined}
      role={status.failure ? 'status' : undefined}
    >
      {status.state === 'loading' && <span>{t('live.loading', { source: status.source })}</span>}
      {status.asOf && (
        <span className="live-age">
          {t('live.asOf', { time: beijingTime(status.asOf) })}
          {stale && (
            <strong className="live-stale-badge" title={t('live.staleHint', { seconds: status.staleAfterSeconds })}>
              {t('live.stale')}
            </strong>
          )}
        </span>
      )}
      {status.fetchedAt && status.fetchedAt !== status.asOf && <span>{t('live.fetched', { time: beijingTime(status.fetchedAt) })}</span>}
      {status.fromStore && <span>{t('live.fromStore')}</span>}
      {status.failure && status.state !== 'failed-no-data' && (
        <span className="live-failure">
          {t('live.failing', { time: beijingTime(status.failingSince), message: reason, source: status.source })} {t('live.keptNote')}
        </span>
      )}
      {status.state === 'failed-no-data' && <span className="live-failure">{t('live.failedNoData', { message: reason, source: status.source })}</span>}
    </div>
  );
}
