#!/usr/bin/env node
/**
 * Draws the add-in's icons (a green sheet with a table grid and a check mark) at the sizes the
 * manifest declares, with a tiny PNG encoder (zlib from Node, no dependency). Run once:
 *   node addin/assets/make-icons.js
 * The PNGs are committed; the build copies them into dist/assets/.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
/** rgba: Uint8Array of size*size*4 → PNG bytes. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Supersampled drawing in unit coordinates (0..1). */
function draw(size) {
  const ss = 4;
  const out = new Uint8Array(size * size * 4);
  const green = [16, 124, 65],
    white = [255, 255, 255],
    line = [200, 230, 210],
    check = [255, 196, 0];
  const shape = (x, y) => {
    // rounded sheet
    const m = 0.06,
      r = 0.14;
    const inside = (() => {
      if (x < m || y < m || x > 1 - m || y > 1 - m) return false;
      const cx = Math.min(Math.max(x, m + r), 1 - m - r),
        cy = Math.min(Math.max(y, m + r), 1 - m - r);
      return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
    })();
    if (!inside) return null;
    // check mark (thick polyline) over the lower right
    const seg = (ax, ay, bx, by, w) => {
      const dx = bx - ax,
        dy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= w * w;
    };
    if (seg(0.42, 0.66, 0.56, 0.8, 0.075) || seg(0.56, 0.8, 0.84, 0.44, 0.075)) return check;
    // white table area with grid lines
    if (x > 0.18 && x < 0.82 && y > 0.2 && y < 0.8) {
      const gx = [0.18, 0.4, 0.61, 0.82],
        gy = [0.2, 0.35, 0.5, 0.65, 0.8];
      const lw = Math.max(0.025, 1 / size);
      if (gx.some((g) => Math.abs(x - g) < lw) || gy.some((g) => Math.abs(y - g) < lw)) return green;
      return y < 0.35 ? line : white;
    }
    return green;
  };
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const c = shape((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a++;
          }
        }
      const i = (py * size + px) * 4;
      if (a) {
        out[i] = r / a;
        out[i + 1] = g / a;
        out[i + 2] = b / a;
        out[i + 3] = Math.round((255 * a) / (ss * ss));
      }
    }
  return out;
}

for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(__dirname, `icon-${size}.png`), encodePng(size, draw(size)));
}
console.log('icons written to', __dirname);
