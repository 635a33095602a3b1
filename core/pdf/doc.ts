// The document shell shared by all four PDFs: A4, embedded DejaVu fonts, metadata without the
// pupil's name, and a final pass over the buffered pages for running header, footer and watermark
// (only then is the page count known).
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { drawOutlinedText } from './outline-text.js';
import type { Texts } from './texts.js';
import type { PdfContext, RenderedPdf } from './types.js';

export type Doc = PDFKit.PDFDocument;

export const CM = 28.3465;
export const FONT = 'DejaVuSans';
export const BOLD = 'DejaVuSans-Bold';
export const COLOR = { text: '#1a1a1a', muted: '#5a5a5a', rule: '#9a9a9a', shade: '#ececec', accent: '#1f4e79' };

/** Header lines: [small top line, bold main line, detail line], left- and right-aligned. */
export interface HeaderLines {
  left: [string, string, string];
  right: [string, string, string];
}

export interface DocOptions {
  ctx: PdfContext;
  /** Document language for the PDF catalog (screen readers), e.g. 'nl-NL'. */
  locale: string;
  /** Metadata title: never the pupil's name (file managers and viewers show it). */
  title: string;
  /** Running header on every page; when absent only a small top margin is kept (child version). */
  header?: HeaderLines;
}

const EDGE = 1.4 * CM; // distance of header and footer from the paper edge
const HEADER_H = 46;
const FOOTER_H = 16;

export function createDoc(o: DocOptions): Doc {
  const regular = join(o.ctx.fontsDir, 'DejaVuSans.ttf');
  const top = o.header ? EDGE + HEADER_H + 14 : 2 * CM;
  const doc = new PDFDocument({
    size: 'A4',
    bufferPages: true,
    margins: { top, bottom: EDGE + FOOTER_H + 14, left: 2 * CM, right: 2 * CM },
    // A TrueType default font: pdfkit then never loads its Helvetica AFM files (no Ş/ı there).
    font: regular,
    lang: o.locale,
    displayTitle: true,
    // Fixed CreationDate also fixes the file ID: the same input gives the same bytes.
    info: {
      Title: o.title,
      Author: o.ctx.associationName,
      Producer: 'Veldwerk',
      Creator: 'Veldwerk',
      CreationDate: o.ctx.generatedAt,
    },
  });
  // pdfkit re-applies `options.font` on every page it starts itself (text flowing on), which would
  // turn a bold line that crosses a page break into regular text.
  delete doc.options.font;
  doc.registerFont(FONT, regular);
  doc.registerFont(BOLD, join(o.ctx.fontsDir, 'DejaVuSans-Bold.ttf'));
  doc.font(FONT).fillColor(COLOR.text);
  return doc;
}

/** Shortens a single line to `width` with an ellipsis (header fields must stay on one line). */
export function fit(doc: Doc, s: string, width: number): string {
  const line = s.replace(/\s+/g, ' ').trim();
  if (doc.widthOfString(line) <= width) return line;
  let lo = 0;
  let hi = line.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(`${line.slice(0, mid)}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${line.slice(0, lo).trimEnd()}…`;
}

function oneLine(doc: Doc, s: string, x: number, y: number, width: number, align: 'left' | 'right'): void {
  doc.text(fit(doc, s, width), x, y, { width, align, lineBreak: false });
}

function drawHeader(doc: Doc, h: HeaderLines): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const lw = width * 0.58;
  const rw = width - lw - 8;
  const rx = left + lw + 8;
  let y = EDGE;
  doc.font(FONT).fontSize(8.5).fillColor(COLOR.muted);
  oneLine(doc, h.left[0], left, y, lw, 'left');
  doc.font(BOLD).fillColor(COLOR.accent);
  oneLine(doc, h.right[0], rx, y, rw, 'right');
  y += 13;
  doc.font(BOLD).fontSize(12).fillColor(COLOR.text);
  oneLine(doc, h.left[1], left, y, lw, 'left');
  doc.font(FONT).fontSize(9);
  oneLine(doc, h.right[1], rx, y + 2.5, rw, 'right');
  y += 17;
  doc.fontSize(9).fillColor(COLOR.muted);
  oneLine(doc, h.left[2], left, y, lw, 'left');
  oneLine(doc, h.right[2], rx, y, rw, 'right');
  y += 14;
  doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.6).strokeColor(COLOR.rule).stroke();
}

function drawFooter(doc: Doc, leftText: string, rightText: string): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const y = doc.page.height - EDGE - FOOTER_H;
  doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.6).strokeColor(COLOR.rule).stroke();
  doc.font(FONT).fontSize(8.5).fillColor(COLOR.muted);
  if (leftText) oneLine(doc, leftText, left, y + 5, width * 0.7, 'left');
  oneLine(doc, rightText, left + width * 0.7, y + 5, width * 0.3, 'right');
}

function drawWatermark(doc: Doc, text: string): void {
  const { width, height } = doc.page;
  doc.save();
  doc.rotate(-50, { origin: [width / 2, height / 2] });
  doc.font(BOLD).fillColor('#b00000').fillOpacity(0.09);
  drawOutlinedText(doc, text, width / 2, height / 2 + 38, 110);
  doc.restore();
}

export interface StampOptions {
  header?: HeaderLines;
  /** E.g. "Gemaakt met Veldwerk op …"; '' to leave out. */
  footerLeft: string;
  watermark?: string;
}

/** Writes header, footer ("Pagina x van y") and watermark on every buffered page. */
export function stampPages(doc: Doc, tx: Texts, o: StampOptions): number {
  const range = doc.bufferedPageRange();
  const pages = range.count;
  for (let i = 0; i < pages; i++) {
    doc.switchToPage(range.start + i);
    // Writing in the margins must not make pdfkit start a new page.
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, top: 0, bottom: 0 };
    if (o.watermark) drawWatermark(doc, o.watermark);
    if (o.header) drawHeader(doc, o.header);
    drawFooter(doc, o.footerLeft, tx.t('page', { page: i + 1, pages }));
    doc.page.margins = margins;
  }
  return pages;
}

/** Ends the document and collects its bytes. */
export function endBytes(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Ends the document: its bytes and page count. */
export const finish = async (doc: Doc, pages: number): Promise<RenderedPdf> => ({ bytes: await endBytes(doc), pages });
