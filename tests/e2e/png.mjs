// Minimal PNG decoder for screenshots (8-bit RGB/RGBA, non-interlaced): enough to sample pixels
// without adding a dependency.
import { inflateSync } from 'node:zlib';

export function decodePng(buffer) {
  const signature = buffer.subarray(0, 8).toString('hex');
  if (signature !== '89504e470d0a1a0a') throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('ascii', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const bitDepth = data[8];
      colorType = data[9];
      if (bitDepth !== 8 || (colorType !== 2 && colorType !== 6) || data[12] !== 0) {
        throw new Error(`unsupported PNG: depth ${bitDepth}, colour type ${colorType}, interlace ${data[12]}`);
      }
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const channels = colorType === 6 ? 4 : 3;
  const stride = width * channels;
  const raw = inflateSync(Buffer.concat(idat));
  const out = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? cur[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      let v = line[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      cur[i] = v & 255;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      out[o] = cur[x * channels];
      out[o + 1] = cur[x * channels + 1];
      out[o + 2] = cur[x * channels + 2];
      out[o + 3] = channels === 4 ? cur[x * channels + 3] : 255;
    }
    prev = cur;
  }
  return { width, height, rgba: out };
}

/** Number of distinct colours on a grid of samples (quantised to 4 bits per channel). */
export function distinctSampledColors(img, step = 7) {
  const seen = new Set();
  for (let y = 0; y < img.height; y += step) {
    for (let x = 0; x < img.width; x += step) {
      const o = (y * img.width + x) * 4;
      seen.add(((img.rgba[o] >> 4) << 8) | ((img.rgba[o + 1] >> 4) << 4) | (img.rgba[o + 2] >> 4));
    }
  }
  return seen.size;
}

/** Fraction of pixels whose colour differs by more than `threshold` on any channel. */
export function changedFraction(a, b, threshold = 24) {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let changed = 0;
  for (let i = 0; i < a.rgba.length; i += 4) {
    if (
      Math.abs(a.rgba[i] - b.rgba[i]) > threshold ||
      Math.abs(a.rgba[i + 1] - b.rgba[i + 1]) > threshold ||
      Math.abs(a.rgba[i + 2] - b.rgba[i + 2]) > threshold
    ) changed++;
  }
  return changed / (a.width * a.height);
}

/** Fraction of pure-white pixels (255, 255, 255) in the rows [top, bottom) and columns [left, right), sampled every `step`. */
export function whiteFraction(img, { left, top, right, bottom }, step = 2) {
  let white = 0, n = 0;
  for (let y = top; y < bottom; y += step) {
    for (let x = left; x < right; x += step) {
      const o = (y * img.width + x) * 4;
      n++;
      if (img.rgba[o] === 255 && img.rgba[o + 1] === 255 && img.rgba[o + 2] === 255) white++;
    }
  }
  return n === 0 ? 0 : white / n;
}
