/**
 * Text encodings of bureau CSV files: UTF-8 (with or without BOM) and GBK/GB18030 (Excel on
 * Chinese Windows). Detection: valid UTF-8 is UTF-8; otherwise each line is tried as UTF-8 and
 * the rest decoded as GB18030 (a superset of GBK; the WHATWG "gbk" label decodes the same way),
 * so a file whose lines were pasted from both still loses no row — the mix is reported.
 */
export type TextEncodingName = 'utf-8' | 'gb18030';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
  /** how it was chosen, for the report and the dialog */
  readonly how: 'bom' | 'valid-utf-8' | 'not-utf-8' | 'forced';
  readonly hadBom: boolean;
  /** 1-based line numbers that were decoded as the other encoding (a mixed file) */
  readonly otherEncodingLines: readonly number[];
  /** count of bytes that are valid in neither (shown as U+FFFD) */
  readonly undecodable: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb = new TextDecoder('gb18030');

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function decodeText(bytes: Uint8Array, forced?: TextEncodingName): DecodedText {
  const hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hadBom ? bytes.subarray(3) : bytes;
  if (forced) {
    const text = forced === 'utf-8' ? new TextDecoder('utf-8').decode(body) : gb.decode(body);
    return { text, encoding: forced, how: 'forced', hadBom, otherEncodingLines: [], undecodable: (text.match(/\uFFFD/g) ?? []).length };
  }
  if (isUtf8(body)) return { text: utf8.decode(body), encoding: 'utf-8', how: hadBom ? 'bom' : 'valid-utf-8', hadBom, otherEncodingLines: [], undecodable: 0 };
  // Not UTF-8 as a whole: GB18030, line by line, except lines that are UTF-8 with non-ASCII bytes.
  const parts: string[] = [];
  const other: number[] = [];
  let start = 0, line = 1, undecodable = 0;
  const flush = (end: number) => {
    const chunk = body.subarray(start, end);
    const ascii = chunk.every((b) => b < 0x80);
    if (!ascii && isUtf8(chunk)) {
      parts.push(utf8.decode(chunk));
      other.push(line);
    } else {
      const t = gb.decode(chunk);
      undecodable += (t.match(/\uFFFD/g) ?? []).length;
      parts.push(t);
    }
  };
  for (let i = 0; i < body.length; i++) {
    if (body[i] === 0x0a) {
      flush(i + 1);
      start = i + 1;
      line++;
    }
  }
  if (start < body.length) flush(body.length);
  return { text: parts.join(''), encoding: 'gb18030', how: 'not-utf-8', hadBom, otherEncodingLines: other, undecodable };
}

export function encodingLabel(d: DecodedText): string {
  const name = d.encoding === 'utf-8' ? (d.hadBom ? 'UTF-8 with BOM' : 'UTF-8') : 'GBK/GB18030';
  const why = d.how === 'forced' ? 'as asked' : d.how === 'not-utf-8' ? 'detected: not valid UTF-8' : 'detected';
  return `${name} (${why})`;
}
