import { CoreError } from '../errors';

/** OSM PBF limits (wiki "PBF Format"): a BlobHeader must be < 64 KiB, a Blob's data < 32 MiB. */
const MAX_BLOB_HEADER_BYTES = 64 * 1024;
const MAX_BLOB_BYTES = 32 * 1024 * 1024;

/** Reads a protobuf varint at `pos`; returns [value, next position] or null past `end`. */
function varint(bytes: Uint8Array, pos: number, end: number): [number, number] | null {
  let value = 0, scale = 1;
  for (let i = 0; i < 10; i++) {
    if (pos >= end) return null;
    const b = bytes[pos++]!;
    value += (b & 0x7f) * scale;
    if (b < 0x80) return [value, pos];
    scale *= 128;
  }
  return null;
}

interface Fields { strings: Map<number, string>; ints: Map<number, number>; bytesLength: Map<number, number> }

/** Decodes the top-level fields of one protobuf message in bytes[start, end), or names why not. */
function readMessage(bytes: Uint8Array, start: number, end: number, what: string): Fields {
  const out: Fields = { strings: new Map(), ints: new Map(), bytesLength: new Map() };
  let pos = start;
  while (pos < end) {
    const tag = varint(bytes, pos, end);
    if (!tag) throw new CoreError('invalid-input', `${what} at byte ${pos} is cut off`);
    pos = tag[1];
    const field = Math.floor(tag[0] / 8), wire = tag[0] % 8;
    if (wire === 0) {
      const v = varint(bytes, pos, end);
      if (!v) throw new CoreError('invalid-input', `${what} at byte ${pos} is cut off`);
      out.ints.set(field, v[0]);
      pos = v[1];
    } else if (wire === 2) {
      const len = varint(bytes, pos, end);
      if (!len || len[1] + len[0] > end) throw new CoreError('invalid-input', `${what} field ${field} at byte ${pos} runs past its end`);
      out.bytesLength.set(field, len[0]);
      if (field === 1) out.strings.set(field, new TextDecoder().decode(bytes.subarray(len[1], len[1] + Math.min(len[0], 64))));
      pos = len[1] + len[0];
    } else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else throw new CoreError('invalid-input', `${what} at byte ${pos} has an unknown protobuf wire type ${wire}`);
  }
  if (pos !== end) throw new CoreError('invalid-input', `${what} runs past its end`);
  return out;
}

/**
 * Walks the block framing of an OSM PBF file (length-prefixed BlobHeader, then Blob) and checks
 * every length against the file size and the format's limits before any decoder runs. A truncated
 * or corrupted file is one CoreError naming the byte offset, in time linear in the number of blocks;
 * without this, tiny-osmpbf reads past the end of a truncated file for as long as a garbage length says.
 * @throws CoreError('invalid-input')
 */
export function checkPbfFraming(bytes: Uint8Array): { blocks: number } {
  const size = bytes.length;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0, blocks = 0;
  if (size === 0) throw new CoreError('invalid-input', 'the OSM PBF file is empty');
  while (pos < size) {
    if (pos + 4 > size) throw new CoreError('invalid-input', `truncated OSM PBF file: block ${blocks} at byte ${pos} is cut off (the file ends at byte ${size})`);
    const headerLength = view.getUint32(pos, false);
    if ((headerLength === 0 || headerLength >= MAX_BLOB_HEADER_BYTES) && blocks === 0) {
      throw new CoreError('invalid-input', `not an OSM PBF file: its first 4 bytes declare a ${headerLength}-byte block header (must be 1..65535)`);
    }
    if (headerLength === 0 || headerLength >= MAX_BLOB_HEADER_BYTES) {
      throw new CoreError('invalid-input', `corrupted OSM PBF file: block ${blocks} at byte ${pos} declares a ${headerLength}-byte header (must be 1..65535)`);
    }
    const headerEnd = pos + 4 + headerLength;
    if (headerEnd > size) throw new CoreError('invalid-input', `truncated OSM PBF file: block ${blocks} at byte ${pos} is cut off (the file ends at byte ${size})`);
    const header = readMessage(bytes, pos + 4, headerEnd, `block ${blocks} header`);
    const type = header.strings.get(1);
    const dataSize = header.ints.get(3);
    if (blocks === 0 && type !== 'OSMHeader') throw new CoreError('invalid-input', `not an OSM PBF file: the first block is ${JSON.stringify(type ?? null)}, not "OSMHeader"`);
    if (type !== 'OSMHeader' && type !== 'OSMData') throw new CoreError('invalid-input', `corrupted OSM PBF file: block ${blocks} at byte ${pos} has type ${JSON.stringify(type ?? null)}`);
    if (dataSize === undefined || dataSize <= 0 || dataSize > MAX_BLOB_BYTES) {
      throw new CoreError('invalid-input', `corrupted OSM PBF file: block ${blocks} at byte ${pos} declares ${dataSize ?? 'no'} data bytes (must be 1..${MAX_BLOB_BYTES})`);
    }
    const blobEnd = headerEnd + dataSize;
    if (blobEnd > size) throw new CoreError('invalid-input', `truncated OSM PBF file: block ${blocks} at byte ${pos} needs ${blobEnd - size} bytes more than the file has`);
    const blob = readMessage(bytes, headerEnd, blobEnd, `block ${blocks} data`);
    const rawSize = blob.ints.get(2) ?? blob.bytesLength.get(1) ?? 0;
    if (rawSize > MAX_BLOB_BYTES) throw new CoreError('invalid-input', `corrupted OSM PBF file: block ${blocks} at byte ${pos} would inflate to ${rawSize} bytes (over ${MAX_BLOB_BYTES})`);
    if (!blob.bytesLength.has(1) && !blob.bytesLength.has(3)) {
      throw new CoreError('invalid-input', `OSM PBF block ${blocks} at byte ${pos} has no raw or zlib data (lzma/bzip2 blocks are not supported)`);
    }
    pos = blobEnd;
    blocks++;
  }
  return { blocks };
}
