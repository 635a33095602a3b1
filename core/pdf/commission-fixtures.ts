// Synthetic attachments for the commission tests and benchmark (no real documents): a PDF with a
// marker text on each page (pdfkit), a baseline JPEG built byte by byte (a flat grey image, padded
// with a comment segment to a realistic file size), and a PDF that is damaged on purpose.
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { endBytes } from './doc.js';


/** A `pages`-page A4 PDF whose every page says `marker` (and some filler text). */
export function markerPdf(marker: string, pages = 1, fontsDir?: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: 'Bijlage', CreationDate: new Date('2026-01-01T00:00:00Z') } });
  if (fontsDir) doc.font(join(fontsDir, 'DejaVuSans.ttf'));
  for (let i = 0; i < pages; i++) {
    if (i > 0) doc.addPage();
    doc.fontSize(14).text(`${marker} pagina ${i + 1}`);
    doc.moveDown().fontSize(10).text('Verslag van het onderzoek. '.repeat(120));
  }
  return endBytes(doc);
}

const seg = (marker: number, body: number[]): number[] => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];

/**
 * A valid baseline JPEG of `width` × `height` grey pixels (one component, DC-only Huffman tables with a
 * single one-bit code each), optionally padded with COM segments up to about `padTo` bytes.
 */
export function greyJpeg(width: number, height: number, padTo = 0): Buffer {
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const bytes: number[] = [0xff, 0xd8];
  bytes.push(...seg(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]));
  bytes.push(...seg(0xdb, [0, ...new Array<number>(64).fill(1)]));
  bytes.push(...seg(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]));
  // DC table 0 and AC table 0: one code of length 1 ("0") for symbol 0 (DC: no difference; AC: end of block).
  const one = [1, ...new Array<number>(15).fill(0), 0];
  bytes.push(...seg(0xc4, [0x00, ...one]), ...seg(0xc4, [0x10, ...one]));
  let padding = Math.max(0, padTo - bytes.length - blocks / 4 - 64);
  while (padding > 4) {
    const n = Math.min(padding - 4, 65_000);
    bytes.push(...seg(0xfe, Array.from({ length: n }, (_, i) => 0x20 + (i % 90))));
    padding -= n + 4;
  }
  bytes.push(...seg(0xda, [1, 1, 0x00, 0, 63, 0]));
  // Two zero bits per block (DC "0", EOB "0"); the last byte is padded with ones.
  const bits = blocks * 2;
  const full = Math.floor(bits / 8);
  for (let i = 0; i < full; i++) bytes.push(0x00);
  if (bits % 8) bytes.push(0xff >> (bits % 8));
  bytes.push(0xff, 0xd9);
  return Buffer.from(bytes);
}

/** Starts like a PDF (so it is accepted as one) but is not readable. */
export const brokenPdf = (): Buffer => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nthis is not a pdf at all\n%%EOF\n');

/** A valid RGB PNG of `width` × `height` (a colour gradient), made with zlib. */
export function gradientPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set([(x * 255) / width, (y * 255) / height, 128], y * (width * 3 + 1) + 1 + x * 3);
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A PDF protected with a user password: its pages cannot be copied. */
export function encryptedPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', userPassword: 'geheim', pdfVersion: '1.7' });
  doc.text('Beveiligd');
  return endBytes(doc);
}
