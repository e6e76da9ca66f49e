import { useTranslation } from 'react-i18next';
import type { LocalLayerInfo } from '../../queries/local/merge-local';
import { formatBeijingTime } from '../state/format-time';

/** Under a kind's row in the layer panel: the imported layers in it, each with source file, time and how it meets the demo layer. */
export function ImportedLayerNote({ kind, layers }: { kind: string; layers: readonly LocalLayerInfo[] }) {
  const { t } = useTranslation();
  return (
    <ul className="live-note imported-note" data-testid={`imported-${kind}`}>
      {layers.map((l) => (
        <li key={l.layerId} data-mode={l.mode} data-count={l.count}>
          {t(l.mode === 'replace' ? 'import.local.replaces' : 'import.local.beside', { file: l.sourceFile, count: l.count.toLocaleString(), time: formatBeijingTime(l.importedAt) })}
          {l.replacedById > 0 && ` ${t('import.local.sameId', { count: l.replacedById })}`}
        </li>
      ))}
    </ul>
  );
}
