// Draws the app icon (a white padlock on an RDS-blue rounded square) and writes the PNG, ICO and ICNS sets.
// Run: node build/icons/make-icons.mjs  (no dependencies; the files are committed, so packaging does not run it).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const folder = dirname(fileURLToPath(import.meta.url));
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Coverage (0..1) of the icon's shapes at a point of the unit square: background and padlock. */
function shade(x, y) {
  const inRoundedSquare = (px, py, half, radius) => {
    const dx = Math.max(Math.abs(px - 0.5) - half + radius, 0);
    const dy = Math.max(Math.abs(py - 0.5) - half + radius, 0);
    return dx * dx + dy * dy <= radius * radius;
  };
  if (!inRoundedSquare(x, y, 0.46, 0.1)) return null;
  const body = x >= 0.28 && x <= 0.72 && y >= 0.45 && y <= 0.8;
  const ring = Math.hypot(x - 0.5, y - 0.45);
  const shackle = y <= 0.45 && ring <= 0.17 && ring >= 0.1;
  const keyhole = Math.hypot(x - 0.5, y - 0.58) <= 0.045 || (Math.abs(x - 0.5) <= 0.018 && y >= 0.58 && y <= 0.7);
  return (body && !keyhole) || shackle ? 'white' : 'blue';
}

/** Renders the icon at a size with 4×4 supersampling, as RGBA rows. */
function render(size) {
  const pixels = Buffer.alloc(size * (size * 4 + 1));
  for (let row = 0; row < size; row += 1) {
    pixels[row * (size * 4 + 1)] = 0;
    for (let column = 0; column < size; column += 1) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let alpha = 0;
      for (let sy = 0; sy < 4; sy += 1)
        for (let sx = 0; sx < 4; sx += 1) {
          const kind = shade((column + (sx + 0.5) / 4) / size, (row + (sy + 0.5) / 4) / size);
          if (!kind) continue;
          const [r, g, b] = kind === 'white' ? [255, 255, 255] : [22, 119, 255];
          red += r;
          green += g;
          blue += b;
          alpha += 1;
        }
      const offset = row * (size * 4 + 1) + 1 + column * 4;
      pixels[offset] = alpha ? Math.round(red / alpha) : 0;
      pixels[offset + 1] = alpha ? Math.round(green / alpha) : 0;
      pixels[offset + 2] = alpha ? Math.round(blue / alpha) : 0;
      pixels[offset + 3] = Math.round((alpha / 16) * 255);
    }
  }
  return pixels;
}

/** A PNG of the icon at a size. */
function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const idat = deflateSync(render(size), { level: 9 });
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

const sizes = [16, 32, 48, 64, 128, 256, 512, 1024];
const images = new Map(sizes.map((size) => [size, png(size)]));
mkdirSync(join(folder, 'png'), { recursive: true });
for (const size of sizes.filter((size) => size <= 512))
  writeFileSync(join(folder, 'png', `${size}x${size}.png`), images.get(size));
writeFileSync(join(folder, 'icon.png'), images.get(1024));

// ICO with PNG entries (Windows Vista and later), 16–256 px.
const icoSizes = [16, 32, 48, 64, 128, 256];
const icoHeader = Buffer.alloc(6 + 16 * icoSizes.length);
icoHeader.writeUInt16LE(0, 0);
icoHeader.writeUInt16LE(1, 2);
icoHeader.writeUInt16LE(icoSizes.length, 4);
let icoOffset = icoHeader.length;
icoSizes.forEach((size, index) => {
  const entry = 6 + index * 16;
  const data = images.get(size);
  icoHeader[entry] = size === 256 ? 0 : size;
  icoHeader[entry + 1] = size === 256 ? 0 : size;
  icoHeader.writeUInt16LE(1, entry + 4);
  icoHeader.writeUInt16LE(32, entry + 6);
  icoHeader.writeUInt32LE(data.length, entry + 8);
  icoHeader.writeUInt32LE(icoOffset, entry + 12);
  icoOffset += data.length;
});
writeFileSync(join(folder, 'icon.ico'), Buffer.concat([icoHeader, ...icoSizes.map((size) => images.get(size))]));

// ICNS with PNG entries: icp4 16, icp5 32, icp6 64, ic07 128, ic08 256, ic09 512, ic10 1024.
const icnsTypes = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
];
const icnsEntries = icnsTypes.map(([type, size]) => {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'ascii');
  head.writeUInt32BE(images.get(size).length + 8, 4);
  return Buffer.concat([head, images.get(size)]);
});
const icnsBody = Buffer.concat(icnsEntries);
const icnsHead = Buffer.alloc(8);
icnsHead.write('icns', 0, 'ascii');
icnsHead.writeUInt32BE(icnsBody.length + 8, 4);
writeFileSync(join(folder, 'icon.icns'), Buffer.concat([icnsHead, icnsBody]));
