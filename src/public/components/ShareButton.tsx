import { useState } from 'react';
import type { PublicLang, Translate } from '../i18n';
import type { RankedShelter } from '../rank';
import { shareText, shelterLink } from '../share';

type Outcome = { kind: 'none' } | { kind: 'copied' } | { kind: 'manual'; text: string };

/** Web Share where the phone has it (SMS, WeChat…), else copy to the clipboard, else show the text to copy by hand. */
export function ShareButton({ t, lang, r }: { t: Translate; lang: PublicLang; r: RankedShelter }) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const share = async () => {
    const link = shelterLink(window.location.href, r.shelter.id);
    const text = shareText(t, lang, r, link);
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ text });
        return;
      } catch (err) {
        if ((err as Error)?.name === 'AbortError') return; // the person closed the share sheet
      }
    }
    try {
      await navigator.clipboard.writeText(text);
      setOutcome({ kind: 'copied' });
    } catch {
      setOutcome({ kind: 'manual', text });
    }
  };
  return (
    <>
      <button type="button" className="button" onClick={() => void share()} data-testid="share-button">{t('row.share')}</button>
      <span role="status" className="share-status">
        {outcome.kind === 'copied' && t('share.copied')}
        {outcome.kind === 'manual' && t('share.copyFailed')}
      </span>
      {outcome.kind === 'manual' && <textarea readOnly value={outcome.text} aria-label={t('row.share')} data-testid="share-text" />}
    </>
  );
}
