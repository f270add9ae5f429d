// Draws the extension's icon, media/icon.png (128×128): three bars of a funnel on a deep blue
// rounded square, the last (the segment) in green. Rasterised here, with 4×4 supersampling, and
// written as a PNG with node:zlib, so that it needs no image tool. Run: `npm run icon -w extension`.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;

/** Shapes, painted in order: rounded rectangles with a colour [r, g, b]. */
const shapes = [
    { x: 4, y: 4, width: 120, height: 120, radius: 26, colour: [0x1f, 0x3a, 0x5f] },
    { x: 26, y: 32, width: 76, height: 16, radius: 8, colour: [0xe6, 0xee, 0xf8] },
    { x: 26, y: 56, width: 56, height: 16, radius: 8, colour: [0xa9, 0xc1, 0xdd] },
    { x: 26, y: 80, width: 34, height: 16, radius: 8, colour: [0x3d, 0xdc, 0x97] },
];

/** Whether a point lies inside a rounded rectangle. */
function inside(shape, px, py) {
    const { x, y, width, height, radius } = shape;
    if (px < x || py < y || px > x + width || py > y + height) return false;
    const cx = Math.min(Math.max(px, x + radius), x + width - radius);
    const cy = Math.min(Math.max(py, y + radius), y + height - radius);
    return (px - cx) ** 2 + (py - cy) ** 2 <= radius ** 2;
}

/** The RGBA of one pixel: the average colour of its covered samples, and their share as alpha. */
function pixel(px, py) {
    let [r, g, b, a] = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
            const x = px + (sx + 0.5) / SAMPLES;
            const y = py + (sy + 0.5) / SAMPLES;
            let colour;
            for (const shape of shapes) if (inside(shape, x, y)) colour = shape.colour;
            if (colour) {
                r += colour[0];
                g += colour[1];
                b += colour[2];
                a += 1;
            }
        }
    }
    if (a === 0) return [0, 0, 0, 0];
    return [Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((a / SAMPLES ** 2) * 255)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
});

function crc32(bytes) {
    let crc = 0xffffffff;
    for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
}

const rows = [];
for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4);
    for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x, y)).copy(row, 1 + x * 4);
    rows.push(row);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
]);
const out = join(dirname(dirname(fileURLToPath(import.meta.url))), 'media/icon.png');
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
