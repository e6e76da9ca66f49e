import { LANG_NAMES, PUBLIC_LANGS, type PublicLang, type Translate } from '../i18n';

export function Header({ t, lang, onLang }: { t: Translate; lang: PublicLang; onLang: (l: PublicLang) => void }) {
  return (
    <header className="top">
      <div className="top-title">
        <h1>{t('header.title')}</h1>
        <p className="county">
          {t('header.county')} · <span className="badge" title={t('header.syntheticLong')}>{t('header.synthetic')}</span>
        </p>
      </div>
      <label className="lang">
        <span className="visually-hidden">{t('header.language')}</span>
        <select value={lang} onChange={(e) => onLang(e.target.value as PublicLang)} data-testid="lang-select">
          {PUBLIC_LANGS.map((l) => (
            <option key={l} value={l} lang={l}>{LANG_NAMES[l]}</option>
          ))}
        </select>
      </label>
    </header>
  );
}
