import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface DispatchSectionProps {
  disabled: boolean;
  onCsv: () => void;
  onPrint: () => void;
}

/** Hand the answer on: CSV, the print view, and the share link (the page's own URL restores everything). */
export function DispatchSection({ disabled, onCsv, onPrint }: DispatchSectionProps) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const [link, setLink] = useState('');
  const share = () => {
    const url = window.location.href.replace(/[?&]e2e(?=&|#|$)/, '').replace(/\?(?=#)/, '');
    setLink(url);
    navigator.clipboard?.writeText(url).then(() => setCopied('ok'), () => setCopied('failed')) ?? setCopied('failed');
  };
  return (
    <section className="duty-section duty-dispatch">
      <h3>{t('duty.dispatch.title')}</h3>
      <div className="dispatch-buttons">
        <button type="button" disabled={disabled} onClick={onCsv} data-testid="dispatch-csv">{t('duty.dispatch.csv')}</button>
        <button type="button" disabled={disabled} onClick={onPrint} data-testid="dispatch-print">{t('duty.dispatch.print')}</button>
        <button type="button" disabled={disabled} onClick={share} data-testid="dispatch-share">{t('duty.dispatch.share')}</button>
      </div>
      {link && (
        <p className="duty-note">
          {copied === 'ok' ? t('duty.dispatch.copied') : t('duty.dispatch.copyManually')}
          <input type="text" readOnly value={link} onFocus={(e) => e.target.select()} data-testid="dispatch-share-link" aria-label={t('duty.dispatch.share')} />
        </p>
      )}
    </section>
  );
}
