import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { exposeForTests } from '../../map/test-hook';
import { useDatasetStatus } from '../../queries/use-dataset';

/**
 * For a generated dataset (`?dataset=province`): what the map shows of it and what it does not
 * (every edge is searched, only major roads are drawn), that it is synthetic, and whether the road
 * network is loaded. Nothing for the Taishun demo. Problems opening the dataset are the shell's
 * load error (one plain sentence naming the file).
 */
export function DatasetNote() {
  const { t, i18n } = useTranslation();
  const status = useDatasetStatus();
  const m = status?.manifest ?? null;
  const networkState = status ? (status.network.isSuccess ? 'ready' : status.network.error ? 'error' : 'loading') : null;
  useEffect(() => {
    if (status) exposeForTests({ dataset: () => ({ id: m?.id ?? null, network: networkState, edges: status.network.data?.edgeCount ?? null, memoryBytes: status.network.data?.memoryBytes ?? null, joined: status.joined }) });
  });
  if (!status || !m) return null;
  const fmt = (n: number) => n.toLocaleString(i18n.language);
  const resources = Object.values(m.resources).reduce((a, r) => a + r.count, 0);
  return (
    <div className="dataset-note" data-testid="dataset-note" data-network={networkState ?? undefined} data-joined={status.joined ?? undefined}>
      <span>{t('dataset.note', { name: i18n.language === 'en' ? m.nameEn : m.name, edges: fmt(m.roads.edgeCount), drawn: fmt(m.roads.drawnEdgeCount), resources: fmt(resources) })}</span>
      <span className={`dataset-network ${networkState}`}>
        {networkState === 'error' ? t('dataset.network.error', { message: status.network.error?.message ?? '' }) : t(`dataset.network.${networkState}`)}
      </span>
    </div>
  );
}
