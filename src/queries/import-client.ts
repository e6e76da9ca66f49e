import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ImportContext, ImportResult, ReportEntry } from '../io/import/import-resources';
import type { Resource, ResourceKind } from '../io/schemas/resource';
import type { ImportReply, ImportRequest } from '../workers/import-protocol';

export interface ImportFileOptions {
  readonly kind: ResourceKind;
  readonly crs?: string;
  readonly encoding?: 'utf-8' | 'gb18030';
  /** schema field → column header, over the guesses */
  readonly columns?: Readonly<Record<string, string>>;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  readonly context?: ImportContext;
}

/** Imports one file in a fresh module worker (terminated afterwards); a bad file rejects with one line. */
export async function importFileInWorker(file: File, o: ImportFileOptions): Promise<ImportResult> {
  const bytes = await file.arrayBuffer();
  const worker = new Worker(new URL('../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'onemap-import' });
  try {
    return await new Promise<ImportResult>((resolve, reject) => {
      o.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      worker.onerror = (e) => reject(new Error(e.message || 'the import worker failed'));
      const resources: Resource[] = [];
      const report: ReportEntry[] = [];
      worker.onmessage = (e: MessageEvent<ImportReply>) => {
        const m = e.data;
        if (m.type === 'progress') o.onProgress?.(m.done, m.total);
        else if (m.type === 'part') {
          for (const r of m.resources) resources.push(r);
          for (const r of m.report) report.push(r);
        } else if (m.type === 'result') resolve({ ...m.result, resources, report });
        else reject(new Error(m.message));
      };
      const request: ImportRequest = {
        type: 'import', fileName: file.name, bytes, kind: o.kind, now: new Date().toISOString(),
        ...(o.crs ? { crs: o.crs } : {}), ...(o.encoding ? { encoding: o.encoding } : {}), ...(o.columns ? { columns: o.columns } : {}), ...(o.context ? { context: o.context } : {}),
      };
      worker.postMessage(request, [bytes]);
    });
  } finally {
    worker.terminate();
  }
}

/** The import checks' view of the basemap: county outline, township zones, road vertices. */
export function importContextFromBasemap(b: { county: FeatureCollection; townships: FeatureCollection; roads: FeatureCollection }, areaName: string): ImportContext {
  const area = (f: Feature | undefined) => f?.geometry as Polygon | MultiPolygon | undefined;
  const referencePoints: Array<[number, number]> = [];
  for (const f of b.roads.features) {
    const g = f.geometry;
    const lines = g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' ? g.coordinates : [];
    for (const line of lines) for (const p of line) referencePoints.push([p[0]!, p[1]!]);
  }
  const county = area(b.county.features[0]);
  return {
    areaName,
    ...(county ? { county } : {}),
    townships: b.townships.features.map((f) => ({ id: String(f.properties?.id), name: String(f.properties?.name), ...(typeof f.properties?.nameEn === 'string' ? { nameEn: f.properties.nameEn } : {}), geometry: area(f)! })),
    referencePoints,
  };
}
