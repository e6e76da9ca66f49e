import { useTranslation } from 'react-i18next';
import type { SearchEntry } from '../state/search';
import { SearchBox } from './SearchBox';
import { SyntheticBadge } from './SyntheticBadge';

export interface TopBarProps {
  searchEntries: readonly SearchEntry[];
  onSearchSelect: (entry: SearchEntry) => void;
  panelOpen: boolean;
  onTogglePanel: () => void;
}

export function TopBar({ searchEntries, onSearchSelect, panelOpen, onTogglePanel }: TopBarProps) {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <header className="top-bar">
      <h1>
        {t('app.title')} <small>{t('app.subtitle')}</small>
      </h1>
      <SyntheticBadge />
      <SearchBox entries={searchEntries} onSelect={onSearchSelect} />
      <button type="button" className="panel-toggle" aria-expanded={panelOpen} onClick={onTogglePanel}>
        {panelOpen ? t('panel.hide') : t('panel.show')}
      </button>
      <button
        type="button"
        className="lang-switch"
        data-testid="lang-switch"
        aria-label={t('lang.label')}
        onClick={() => void i18n.changeLanguage(next)}
      >
        {t('lang.switchTo')}
      </button>
    </header>
  );
}
