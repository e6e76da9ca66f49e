import { useTranslation } from 'react-i18next';
import { RESOURCE_KINDS, RESOURCE_KIND_STYLES, kindLabel, rgbCss } from '../../config/resource-kinds';
import { KindIcon } from './KindIcon';

/** Legend: kind badges, the cluster symbol and the basemap's lines. */
export function Legend() {
  const { t, i18n } = useTranslation();
  return (
    <section className="legend" data-testid="legend">
      <h2>{t('layers.legend')}</h2>
      <ul>
        {RESOURCE_KINDS.map((kind) => (
          <li key={kind}>
            <KindIcon kind={kind} sizePixels={16} />
            {kindLabel(kind, i18n.language)}
          </li>
        ))}
        <li>
          <span className="legend-cluster" style={{ background: rgbCss(RESOURCE_KIND_STYLES.camera.color, 0.85) }}>
            12
          </span>
          {t('layers.cluster')}
        </li>
        <li>
          <span className="legend-line legend-trunk" />
          {t('legendItems.major')}
        </li>
        <li>
          <span className="legend-line legend-minor" />
          {t('legendItems.minor')}
        </li>
        <li>
          <span className="legend-line legend-track" />
          {t('legendItems.track')}
        </li>
        <li>
          <span className="legend-line legend-county" />
          {t('legendItems.boundary')}
        </li>
      </ul>
    </section>
  );
}
