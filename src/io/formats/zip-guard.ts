/**
 * Refuses zip archives (XLSX, zipped Shapefiles) that would inflate beyond bounds — zip bombs —
 * before any library inflates them. Lists the central directory with fflate (a filter that
 * inflates nothing) and checks the declared sizes. Bounds are generous for real bureau files.
 */
import { unzipSync } from 'fflate';

export interface ZipLimits {
  readonly maxEntries?: number;
  readonly maxTotalBytes?: number;
  /** declared uncompressed ÷ compressed size of one entry (only checked above 1 MB) */
  readonly maxRatio?: number;
}

export const DEFAULT_ZIP_LIMITS: Required<ZipLimits> = { maxEntries: 10_000, maxTotalBytes: 512 * 1024 * 1024, maxRatio: 200 };

export class ZipLimitError extends Error {
  override readonly name = 'ZipLimitError';
}

const MB = 1024 * 1024;

/** @throws ZipLimitError naming the entry and its sizes, or when the bytes are not a zip. */
export function assertZipWithinLimits(bytes: Uint8Array, limits: ZipLimits = {}): { names: string[] } {
  const l = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const names: string[] = [];
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        total += f.originalSize;
        if (names.length > l.maxEntries) throw new ZipLimitError(`the archive has more than ${l.maxEntries} entries: refused`);
        if (f.originalSize > MB && f.originalSize > l.maxRatio * Math.max(1, f.size)) {
          throw new ZipLimitError(`archive entry ${JSON.stringify(f.name)} would inflate ${f.size} bytes to ${f.originalSize} (over ${l.maxRatio}:1): refused as a zip bomb`);
        }
        if (total > l.maxTotalBytes) throw new ZipLimitError(`the archive would inflate to more than ${Math.round(l.maxTotalBytes / MB)} MB: refused`);
        return false;
      },
    });
  } catch (err) {
    if (err instanceof ZipLimitError) throw err;
    throw new ZipLimitError(`not a readable zip archive: ${(err as Error).message}`);
  }
  return { names };
}
