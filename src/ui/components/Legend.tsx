import { useTranslation } from 'react-i18next';
import { RESOURCE_KINDS, iconParts, kindLabel, rgbCss, type IconKey } from '../../config/resource-kinds';
import { isLargeDataset } from '../../queries/dataset';
import { IconBadge, KindIcon } from './KindIcon';

const SHELTER_STATE_ICONS: readonly [IconKey, 'open' | 'full' | 'closed'][] = [
  ['shelter', 'open'],
  ['shelter-full', 'full'],
  ['shelter-closed', 'closed'],
];

/**
 * Legend: kind badges, shelter states, the cluster symbols, fans and the basemap's lines. The demo
 * clusters cameras apart from the other kinds; a large dataset (`isLargeDataset`: the province)
 * clusters every kind together in its cluster worker, and says so.
 */
export function Legend() {
  const allKindsClusters = isLargeDataset();
  const { t, i18n } = useTranslation();
  const camera = iconParts('camera');
  return (
    <section className="legend" data-testid="legend">
      <h2>{t('layers.legend')}</h2>
      <ul>
        {RESOURCE_KINDS.filter((k) => k !== 'shelter').map((kind) => (
          <li key={kind}>
            <KindIcon kind={kind} sizePixels={16} />
            {kindLabel(kind, i18n.language)}
          </li>
        ))}
        {SHELTER_STATE_ICONS.map(([key, state]) => (
          <li key={key} data-testid={`legend-${key}`}>
            <IconBadge iconKey={key} sizePixels={16} />
            {kindLabel('shelter', i18n.language)} · {t(`readability.tonight.${state}`)}
          </li>
        ))}
        {allKindsClusters ? (
          // a large dataset (the province): one cluster worker over every kind, one symbol
          <li data-testid="legend-cluster-all">
            <span className="legend-cluster legend-cluster-mixed">12</span>
            {t('dataset.legendCluster')}
          </li>
        ) : (
          <>
            <li>
              <span className="legend-cluster legend-cluster-mixed">12</span>
              {t('readability.mixedCluster')}
            </li>
            <li>
              <span className="legend-cluster legend-cluster-camera" style={{ borderColor: rgbCss(camera.fill), color: rgbCss(camera.fill) }}>
                12
              </span>
              {t('readability.cameraCluster')}
            </li>
          </>
        )}
        <li>
          <span className="legend-fan" />
          {t('readability.fanOut')}
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
