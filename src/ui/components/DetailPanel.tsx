import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { kindLabel } from '../../config/resource-kinds';
import type { Resource } from '../../io/schemas/resource';
import type { Place } from '../state/selection';
import { KindIcon } from './KindIcon';
import { ResourceDetails } from './ResourceDetails';

export type Selected = { type: 'resource'; resource: Resource } | { type: 'place'; place: Place };

export interface DetailPanelProps {
  selected: Selected;
  townshipName: (id: string | undefined) => string;
  onClose: () => void;
  /** Extra actions under the details (e.g. "show 15-min circle" for stations and teams). */
  actions?: ReactNode;
}

export function DetailPanel({ selected, townshipName, onClose, actions }: DetailPanelProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const item = selected.type === 'resource' ? selected.resource : selected.place;
  const title = en && item.nameEn ? item.nameEn : item.name;
  const subtitle =
    selected.type === 'resource'
      ? kindLabel(selected.resource.kind, i18n.language)
      : selected.place.target === 'village'
        ? t('search.village')
        : t('search.township');
  return (
    <aside className="detail-panel" data-testid="detail-panel" aria-label={title}>
      <header>
        {selected.type === 'resource' && <KindIcon kind={selected.resource.kind} sizePixels={28} />}
        <div>
          <h2 data-testid="detail-title">{title}</h2>
          <p className="detail-subtitle">
            {subtitle}
            {/* demo rows are synthetic (示意); an imported row says its source file below instead */}
            {(selected.type === 'place' || selected.resource.synthetic) && <> · <span className="synthetic-tag">{t('detail.synthetic')}</span></>}
          </p>
        </div>
        <button type="button" className="close" onClick={onClose} aria-label={t('detail.close')} data-testid="detail-close">
          ×
        </button>
      </header>
      {selected.type === 'resource' ? (
        <ResourceDetails resource={selected.resource} townshipName={townshipName} />
      ) : (
        <dl className="detail-fields">
          <dt>{t('detail.id')}</dt>
          <dd>{selected.place.id}</dd>
          {selected.place.code && (
            <>
              <dt>{t('detail.code')}</dt>
              <dd>{selected.place.code}</dd>
            </>
          )}
          {selected.place.township && (
            <>
              <dt>{t('detail.township')}</dt>
              <dd>{townshipName(selected.place.township)}</dd>
            </>
          )}
          {selected.place.population !== undefined && (
            <>
              <dt>{t('detail.population')}</dt>
              <dd>{selected.place.population.toLocaleString()}</dd>
            </>
          )}
        </dl>
      )}
      {actions}
    </aside>
  );
}
