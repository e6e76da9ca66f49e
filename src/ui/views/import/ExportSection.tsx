import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESOURCE_KINDS, type ResourceKind } from '../../../config/resource-kinds';
import type { Resource } from '../../../io/schemas/resource';
import type { ViewProps } from '../types';
import { downloadResources, type DownloadFormat } from './state/download';

type Scope = 'all' | 'filtered' | 'selected';

/**
 * Export any layer as the app shows it — demo, live or imported rows, with this browser's shelter
 * edits — whole, as the layer panel's filters leave it, or just the resource whose panel is open;
 * as GeoJSON, CSV or XLSX (formula-leading text neutralised; importing the file gives the same rows).
 */
export function ExportSection({ resourcesByKind, data, selectedId }: Pick<ViewProps, 'resourcesByKind' | 'data' | 'selectedId'>) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ResourceKind>('shelter');
  const [scope, setScope] = useState<Scope>('all');
  const selected = selectedId ? data.resourceById.get(selectedId) : undefined;
  const rows = useMemo<readonly Resource[]>(
    () => (scope === 'selected' ? (selected ? [selected] : []) : scope === 'filtered' ? data.filteredByKind[kind] : resourcesByKind[kind]),
    [scope, selected, data.filteredByKind, resourcesByKind, kind],
  );
  const stem = scope === 'selected' && selected ? `onemap-${selected.id}` : `onemap-${kind}${scope === 'filtered' ? '-filtered' : ''}`;
  return (
    <section className="import-export" data-testid="export-section">
      <h3>{t('import.exportTitle')}</h3>
      <div className="import-controls">
        <label>{t('import.exportScope')}
          <select value={scope} onChange={(e) => setScope(e.target.value as Scope)} data-testid="export-scope">
            <option value="all">{t('import.scope.all')}</option>
            <option value="filtered">{t('import.scope.filtered')}</option>
            <option value="selected">{selected ? t('import.scope.selected', { name: selected.name }) : t('import.scope.noneSelected')}</option>
          </select>
        </label>
        {scope !== 'selected' && (
          <label>{t('import.kind')}
            <select value={kind} onChange={(e) => setKind(e.target.value as ResourceKind)} data-testid="export-kind">
              {RESOURCE_KINDS.map((k) => <option key={k} value={k}>{t(`import.kinds.${k}`)}</option>)}
            </select>
          </label>
        )}
      </div>
      <p data-testid="export-count" data-count={rows.length}>{t('import.exportCount', { count: rows.length })}</p>
      <span className="import-actions">
        {(['geojson', 'csv', 'xlsx'] as const satisfies readonly DownloadFormat[]).map((f) => (
          <button key={f} type="button" disabled={rows.length === 0} data-testid={`export-app-${f}`} onClick={() => void downloadResources(rows, stem, f)}>
            {t('import.export', { format: f.toUpperCase() })}
          </button>
        ))}
      </span>
    </section>
  );
}
