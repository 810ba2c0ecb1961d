/**
 * Draws the toolbar icons (a lens over a left/center/right split) and writes them as PNG files
 * beside this script. Node built-ins only, so anyone can redraw them: `npx tsx icons/make-icons.ts`.
 * Shapes are signed-distance functions sampled 8×8 per pixel, which keeps the 16 px icon crisp.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

const BACKGROUND: Rgba = [30, 41, 59, 255];
const RING: Rgba = [248, 250, 252, 255];
const LENS: Rgba = [51, 65, 85, 255];
const LEFT: Rgba = [59, 130, 246, 255];
const CENTER: Rgba = [203, 213, 225, 255];
const RIGHT: Rgba = [239, 68, 68, 255];
const CLEAR: Rgba = [0, 0, 0, 0];
const SIZES = [16, 32, 48, 128];
const SAMPLES = 8;

function roundedSquareDistance(x: number, y: number, radius: number): number {
  // Unit square [0,1]²; negative inside.
  const qx = Math.abs(x - 0.5) - (0.5 - radius);
  const qy = Math.abs(y - 0.5) - (0.5 - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function segmentDistance(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

/** The colour of one point of the icon, in unit coordinates. */
function colourAt(x: number, y: number, small: boolean): Rgba {
  if (roundedSquareDistance(x, y, 0.2) > 0) return CLEAR;
  const cx = 0.44;
  const cy = 0.44;
  const radius = small ? 0.32 : 0.3;
  const ring = small ? 0.085 : 0.06;
  const d = Math.hypot(x - cx, y - cy);
  const inner = radius - ring;
  if (d < inner) {
    // The split bar across the lens: unequal segments read as a distribution, not a flag.
    const barHalfHeight = inner * (small ? 0.5 : 0.4);
    if (Math.abs(y - cy) > barHalfHeight) return LENS;
    const t = (x - (cx - inner)) / (2 * inner);
    if (t < 0.46) return LEFT;
    if (t < 0.72) return CENTER;
    return RIGHT;
  }
  if (d <= radius) return RING;
  const handleStart = cx + radius * 0.72;
  if (segmentDistance(x, y, handleStart, handleStart, 0.8, 0.8) < (small ? 0.07 : 0.055)) return RING;
  return BACKGROUND;
}

function render(size: number): Buffer {
  const small = size <= 16;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Average premultiplied colour, so transparent corners do not darken the edge.
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size, small);
          const a = c[3] / 255;
          sum[0]! += c[0] * a;
          sum[1]! += c[1] * a;
          sum[2]! += c[2] * a;
          sum[3]! += a;
        }
      }
      const alpha = sum[3]! / (SAMPLES * SAMPLES);
      const offset = (py * size + px) * 4;
      for (let i = 0; i < 3; i++) pixels[offset + i] = alpha > 0 ? Math.round(sum[i]! / sum[3]!) : 0;
      pixels[offset + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, pixels);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A minimal RGBA PNG: IHDR, one IDAT with filter type 0 on every row, IEND. */
function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // colour type: RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const here = dirname(fileURLToPath(import.meta.url));
for (const size of SIZES) writeFileSync(join(here, `icon-${size}.png`), render(size));
