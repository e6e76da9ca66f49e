import { isLargeDataset } from '../../queries/dataset';
import { useTranslation } from 'react-i18next';
import type { SearchEntry } from '../state/search';
import { SearchBox } from './SearchBox';
import { SyntheticBadge } from './SyntheticBadge';

export interface TopBarProps {
  searchEntries: readonly SearchEntry[];
  onSearchSelect: (entry: SearchEntry) => void;
  panelOpen: boolean;
  onTogglePanel: () => void;
  /** the views of the shell, in order, with their names in the UI language */
  views: readonly { id: string; label: string }[];
  activeViewId: string;
  onSwitchView: (id: string) => void;
}

export function TopBar({ searchEntries, onSearchSelect, panelOpen, onTogglePanel, views, activeViewId, onSwitchView }: TopBarProps) {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <header className="top-bar">
      <h1>
        {t('app.title')} <small>{t(isLargeDataset() ? 'dataset.subtitle' : 'app.subtitle')}</small>
      </h1>
      <SyntheticBadge />
      {views.length > 1 && (
        <nav className="view-switcher" aria-label={t('views.switcher')}>
          {views.map((v) => (
            <button key={v.id} type="button" aria-pressed={v.id === activeViewId} data-testid={`view-switch-${v.id}`} onClick={() => onSwitchView(v.id)}>
              {v.label}
            </button>
          ))}
        </nav>
      )}
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
