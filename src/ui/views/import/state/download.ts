import type { Resource } from '../../../../io/schemas/resource';

export type DownloadFormat = 'geojson' | 'csv' | 'xlsx';

/** Exports resources (lazy-loading the export code: SheetJS only when asked) and saves them as `<baseName>.<format>`. */
export async function downloadResources(resources: readonly Resource[], baseName: string, format: DownloadFormat): Promise<void> {
  const { exportResources, EXPORT_MIME } = await import('../../../../io/export/export-resources');
  const bytes = exportResources(resources, format);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: EXPORT_MIME[format] }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${baseName}.${format}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name part from user text: letters (any script), digits, - and _ only. */
export const safeFileStem = (s: string) => s.replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 80) || 'onemap';
