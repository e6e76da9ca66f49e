import type { PublicLang, Translate } from '../i18n';
import { formatAge, formatTime } from '../format';

interface Props {
  readonly t: Translate;
  readonly lang: PublicLang;
  readonly dataAsOf: string;
  readonly savedAtMs: number;
  readonly online: boolean | null;
  readonly offlineReady: boolean;
  readonly update: (() => void) | null;
  readonly onLater: () => void;
}

/** How old the data is, whether we are offline, and the update prompt (never an automatic reload). */
export function DataStatus({ t, lang, dataAsOf, savedAtMs, online, offlineReady, update, onLater }: Props) {
  return (
    <div className="data-status">
      {online === false && <p className="offline" role="status" data-testid="offline">{t('data.offline')}</p>}
      <p data-testid="data-age" data-as-of={dataAsOf}>
        {t('data.asOf', { time: formatTime(lang, dataAsOf), age: formatAge(lang, dataAsOf, Date.now()) })}
        {' · '}
        {t('data.savedAt', { time: formatTime(lang, savedAtMs) })}
      </p>
      {offlineReady && <p className="muted" data-testid="offline-ready">{t('data.offlineReady')}</p>}
      {update && (
        <div className="update" role="alert" data-testid="update-prompt">
          <span>{t('data.updateReady')}</span>
          <button type="button" className="primary" onClick={update}>{t('data.update')}</button>
          <button type="button" className="button" onClick={onLater}>{t('data.later')}</button>
        </div>
      )}
    </div>
  );
}
