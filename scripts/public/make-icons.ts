/**
 * Draws the finder's app icons (a yellow shelter on navy) as PNGs, without an image library:
 *   npx tsx scripts/public/make-icons.ts   → src/public/static/finder-icon-{192,512}.png
 * Full-bleed, so they also serve as maskable icons (the shape stays inside the safe circle).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** colour of pixel (x, y) in a unit square [0,1)² */
function colour(x: number, y: number): [number, number, number] {
  const navy: [number, number, number] = [0x1c, 0x2a, 0x45], yellow: [number, number, number] = [0xff, 0xd8, 0x4d];
  // roof: triangle apex (0.5, 0.22), base y = 0.48 from x 0.2 to 0.8
  const inRoof = y >= 0.22 && y <= 0.48 && Math.abs(x - 0.5) <= ((y - 0.22) / 0.26) * 0.3;
  const inWalls = x >= 0.28 && x <= 0.72 && y > 0.48 && y <= 0.76;
  const inDoor = x >= 0.44 && x <= 0.56 && y >= 0.58 && y <= 0.76;
  if (inDoor) return navy;
  if (inRoof || inWalls) return yellow;
  return navy;
}

function png(size: number): Buffer {
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b] = colour((x + 0.5) / size, (y + 0.5) / size);
      const o = y * (size * 3 + 1) + 1 + x * 3;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'public', 'static');
for (const size of [192, 512]) writeFileSync(join(out, `finder-icon-${size}.png`), png(size));
console.log(`wrote finder-icon-192.png and finder-icon-512.png to ${out}`);
