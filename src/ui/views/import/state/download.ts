import type { ImportedLayer } from '../../../../queries/imported-layers';

/** Exports a layer (lazy-loading the export code: SheetJS only when asked) and saves it as a file. */
export async function downloadExport(layer: ImportedLayer, format: 'geojson' | 'csv' | 'xlsx'): Promise<void> {
  const { exportResources, EXPORT_MIME } = await import('../../../../io/export/export-resources');
  const bytes = exportResources(layer.resources, format);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: EXPORT_MIME[format] }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${layer.sourceFile.replace(/\.[^.]+$/, '')}-onemap.${format}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
