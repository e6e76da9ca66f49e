import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESOURCE_KINDS, type ResourceKind } from '../../../config/resource-kinds';
import type { ImportResult } from '../../../io/import/import-resources';
import { exposeForTests } from '../../../map/test-hook';
import { importContextFromBasemap, importFileInWorker } from '../../../queries/import-client';
import { useBasemapData } from '../../../queries/use-basemap-data';
import { IMPORT_MODES, useImportedLayers, type ImportedLayer, type ImportMode } from '../../../queries/local/imported-layers';
import type { ViewProps } from '../types';
import { ExportSection } from './ExportSection';
import { downloadResources, safeFileStem } from './state/download';
import { formatBeijingTime } from '../../state/format-time';
import { MAPPABLE_FIELDS, mappingOverrides, shownField } from './state/column-mapping';
import './import.css';

const CRS_CHOICES = ['', 'wgs84', 'gcj02', 'bd09', 'EPSG:4549'] as const;
const MAX_REPORT_ROWS = 300;

/**
 * Bring your own data (issue 9): pick a CSV, XLSX, GeoJSON, KML or zipped Shapefile; it is parsed
 * and validated in a worker (progress shown), the report lists every problem by row, field and
 * value, and the valid rows become a layer beside the demo ones, kept in IndexedDB with their
 * source file and time, exportable as GeoJSON, CSV or XLSX. Every value is React text.
 */
export function ImportView(props: ViewProps) {
  const { t } = useTranslation();
  const { layers, add, remove, error: storeError } = useImportedLayers();
  const [kind, setKind] = useState<ResourceKind>('shelter');
  const [crs, setCrs] = useState<string>('');
  const [encoding, setEncoding] = useState<'' | 'utf-8' | 'gb18030'>('');
  const [mode, setMode] = useState<ImportMode>('beside');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [last, setLast] = useState<ImportResult | null>(null);
  // The file last read, the layer it made, and the column mapping being edited for it.
  const [lastFile, setLastFile] = useState<{ file: File; layerId: string | null; columns: Record<string, string> } | null>(null);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const basemap = useBasemapData().data;
  const context = useMemo(() => (basemap ? importContextFromBasemap(basemap, t('app.subtitle')) : undefined), [basemap, t]);

  /** Reads a file (again, with `columns` overrides, replacing the layer its previous reading made). */
  const read = useCallback(async (file: File | undefined, columns?: Record<string, string>, replaces?: string | null) => {
    if (!file) return;
    setBusy(true); setFailure(null); setLast(null); setProgress(null);
    try {
      const result = await importFileInWorker(file, { kind, ...(crs ? { crs } : {}), ...(encoding ? { encoding } : {}), ...(columns ? { columns } : {}), ...(context ? { context } : {}), onProgress: (done, total) => setProgress({ done, total }) });
      setLast(result);
      setChosen({});
      if (replaces) await remove(replaces);
      let layerId: string | null = null;
      if (result.resources.length > 0) {
        layerId = `import-${Date.now().toString(36)}`;
        await add({ id: layerId, kind, sourceFile: file.name, importedAt: new Date().toISOString(), mode, resources: result.resources });
      }
      setLastFile({ file, layerId, columns: columns ?? {} });
    } catch (err) {
      setFailure((err as Error).message);
    } finally {
      setBusy(false);
    }
  }, [add, remove, context, crs, encoding, kind, mode]);
  const onFile = useCallback((file: File | undefined) => read(file), [read]);
  const remap = useCallback(() => {
    if (!last || !lastFile) return;
    // The overrides of this reading and the earlier ones for the same file, newest last.
    void read(lastFile.file, { ...lastFile.columns, ...mappingOverrides(last.summary.columns, chosen) }, lastFile.layerId);
  }, [chosen, last, lastFile, read]);

  useEffect(() => {
    exposeForTests({ views: { ...window.__onemap?.views, import: {
      layers: () => layers.map((l) => ({ id: l.id, kind: l.kind, sourceFile: l.sourceFile, mode: l.mode, count: l.resources.length, resources: l.resources })),
      /** every row of a kind as the app shows it (what "export the whole layer" writes) */
      exportRows: (k: ResourceKind) => props.resourcesByKind[k],
    } } });
  }, [layers, props.resourcesByKind]);

  // errors first, then warnings, then notes; by row within each
  const rows = useMemo(() => {
    const order = { error: 0, warning: 1, note: 2 } as const;
    return [...(last?.report ?? [])].sort((a, b) => order[a.severity] - order[b.severity] || a.row - b.row);
  }, [last]);
  return (
    <section className="import-view" aria-label={t('import.title')}>
      <h2>{t('import.title')}</h2>
      <div className="import-controls">
        <label>{t('import.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as ResourceKind)} data-testid="import-kind">
            {RESOURCE_KINDS.map((k) => <option key={k} value={k}>{t(`import.kinds.${k}`)}</option>)}
          </select>
        </label>
        <label>{t('import.crs')}
          <select value={crs} onChange={(e) => setCrs(e.target.value)} data-testid="import-crs">
            {CRS_CHOICES.map((c) => <option key={c} value={c}>{t(`import.crsChoice.${c === '' ? 'auto' : c.replace(':', '')}`)}</option>)}
          </select>
        </label>
        <label>{t('import.encoding')}
          <select value={encoding} onChange={(e) => setEncoding(e.target.value as '' | 'utf-8' | 'gb18030')} data-testid="import-encoding">
            <option value="">{t('import.encodingAuto')}</option>
            <option value="utf-8">UTF-8</option>
            <option value="gb18030">GBK / GB18030</option>
          </select>
        </label>
        <fieldset className="import-mode" data-testid="import-mode">
          <legend>{t('import.mode')}</legend>
          {IMPORT_MODES.map((m) => (
            <label key={m}>
              <input type="radio" name="import-mode" value={m} checked={mode === m} onChange={() => setMode(m)} data-testid={`import-mode-${m}`} />
              {t(`import.modes.${m}`, { kind: t(`import.kinds.${kind}`) })}
            </label>
          ))}
        </fieldset>
        <label className="import-file">{t('import.file')}
          <input type="file" accept=".csv,.txt,.xlsx,.geojson,.json,.kml,.zip" disabled={busy} data-testid="import-file" onChange={(e) => { void onFile(e.target.files?.[0]); e.target.value = ''; }} />
        </label>
      </div>
      {busy && <progress data-testid="import-progress" max={progress?.total || 1} value={progress ? progress.done : undefined} aria-label={t('import.parsing')} />}
      {failure && <p className="import-failure" role="alert" data-testid="import-failure">{failure}</p>}
      {storeError && <p className="import-failure" role="alert">{t('import.storeError', { message: storeError })}</p>}
      {last && (
        <div className="import-result" data-testid="import-result">
          <p data-testid="import-summary">{t('import.summary', { valid: last.summary.rowsValid, read: last.summary.rowsRead, file: last.summary.fileName })}</p>
          <dl className="import-meta">
            <dt>{t('import.format')}</dt><dd>{last.summary.format}{last.summary.sheet ? ` · ${last.summary.sheet}` : ''}</dd>
            {last.summary.encoding && (<><dt>{t('import.encoding')}</dt><dd data-testid="import-detected-encoding">{last.summary.encoding}</dd></>)}
            <dt>{t('import.crs')}</dt><dd>{last.summary.crs}</dd>
          </dl>
          {last.summary.columns.length > 0 && (
            <ColumnMapping result={last} chosen={chosen} setChosen={setChosen} onApply={remap} busy={busy} />
          )}
          <table className="import-report" data-testid="import-report">
            <thead><tr><th>{t('import.row')}</th><th>{t('import.field')}</th><th>{t('import.value')}</th><th>{t('import.message')}</th></tr></thead>
            <tbody>
              {rows.slice(0, MAX_REPORT_ROWS).map((r, i) => (
                <tr key={i} className={`sev-${r.severity}`} data-row={r.row} data-severity={r.severity}>
                  <td>{r.row === 0 ? t('import.fileRow') : r.row}</td><td>{r.field}</td><td>{r.value === undefined ? '' : typeof r.value === 'string' ? r.value : JSON.stringify(r.value)}</td><td>{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > MAX_REPORT_ROWS && <p>{t('import.more', { count: rows.length - MAX_REPORT_ROWS })}</p>}
        </div>
      )}
      <h3>{t('import.layers')}</h3>
      {layers.length === 0 ? <p>{t('import.none')}</p> : (
        <ul className="import-layers" data-testid="import-layers">
          {layers.map((l) => <LayerItem key={l.id} layer={l} onRemove={() => void remove(l.id)} />)}
        </ul>
      )}
      <ExportSection resourcesByKind={props.resourcesByKind} data={props.data} selectedId={props.selectedId} />
    </section>
  );
}

function LayerItem({ layer, onRemove }: { layer: ImportedLayer; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <li data-testid={`import-layer-${layer.id}`}>
      <strong>{layer.sourceFile}</strong> · {t(`import.kinds.${layer.kind}`)} · {layer.resources.length} · {formatBeijingTime(layer.importedAt)} · {t(`import.modeShort.${layer.mode}`)}
      <span className="import-actions">
        {(['geojson', 'csv', 'xlsx'] as const).map((f) => (
          <button key={f} type="button" data-testid={`export-${f}`} onClick={() => void downloadResources(layer.resources, `${safeFileStem(layer.sourceFile)}-onemap`, f)}>{t('import.export', { format: f.toUpperCase() })}</button>
        ))}
        <button type="button" onClick={onRemove}>{t('import.remove')}</button>
      </span>
    </li>
  );
}

/** Which field each column fills: the importer's guesses, correctable; "read again" applies them. */
function ColumnMapping({ result, chosen, setChosen, onApply, busy }: {
  result: ImportResult; chosen: Record<string, string>; setChosen: (c: Record<string, string>) => void; onApply: () => void; busy: boolean;
}) {
  const { t } = useTranslation();
  const changed = Object.keys(mappingOverrides(result.summary.columns, chosen)).length > 0;
  return (
    <div className="import-columns" data-testid="import-columns">
      <h4>{t('import.columns')}</h4>
      <p className="hint">{t('import.columnsHint')}</p>
      <table>
        <thead><tr><th>{t('import.columnHeader')}</th><th>{t('import.columnField')}</th></tr></thead>
        <tbody>
          {result.summary.columns.map((c) => (
            <tr key={c.header}>
              <td>{c.header}</td>
              <td>
                <select data-testid={`import-column-${c.header}`} value={chosen[c.header] ?? shownField(c)} onChange={(e) => setChosen({ ...chosen, [c.header]: e.target.value })}>
                  <option value="">{t('import.unused')}</option>
                  {MAPPABLE_FIELDS.map((f) => <option key={f} value={f}>{f}</option>)}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" data-testid="import-remap" disabled={!changed || busy} onClick={onApply}>{t('import.remap')}</button>
    </div>
  );
}
