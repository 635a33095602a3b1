// Body text that flows over pages: headings kept with their first lines, paragraphs, label/value
// lines and tables whose header row is repeated after a page break.
import { BOLD, COLOR, FONT, type Doc } from './doc.js';
import type { Texts } from './texts.js';

export interface FlowStyle {
  body: number;
  heading: number;
  subheading: number;
  title: number;
}

export const PROSE: FlowStyle = { body: 10.5, heading: 13, subheading: 11, title: 18 };

export interface Column {
  header: string;
  /** Share of the content width (the shares of a table add up to 1). */
  share: number;
}

const PAD = 4;

export class Flow {
  constructor(
    readonly doc: Doc,
    readonly tx: Texts,
    readonly style: FlowStyle = PROSE,
  ) {}

  get left(): number {
    return this.doc.page.margins.left;
  }
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }
  get top(): number {
    return this.doc.page.margins.top;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** Vertical space, except at the top of a page. */
  space(pt: number): void {
    if (this.doc.y > this.top + 1) this.doc.y += pt;
  }

  title(text: string): void {
    this.doc.font(BOLD).fontSize(this.style.title).fillColor(COLOR.accent);
    this.doc.text(text, this.left, this.doc.y, { width: this.width });
    this.doc.fillColor(COLOR.text);
    this.doc.y += 4;
  }

  /** A heading, moved to the next page when fewer than ~3 body lines would follow it. */
  heading(text: string): void {
    this.space(this.style.body * 1.2);
    this.ensure(this.style.heading * 1.4 + this.style.body * 4.5);
    this.doc.font(BOLD).fontSize(this.style.heading).fillColor(COLOR.accent);
    this.doc.text(text, this.left, this.doc.y, { width: this.width });
    this.doc.fillColor(COLOR.text);
    this.doc.y += 3;
  }

  subheading(text: string): void {
    this.space(this.style.body * 0.4);
    this.ensure(this.style.subheading * 1.4 + this.style.body * 3);
    this.doc.font(BOLD).fontSize(this.style.subheading).fillColor(COLOR.text);
    this.doc.text(text, this.left, this.doc.y, { width: this.width });
  }

  /** A paragraph; blank text prints the dash so an empty section is visibly empty. */
  para(text: string, o: { indent?: number; size?: number; bold?: boolean; color?: string } = {}): void {
    const indent = o.indent ?? 0;
    this.doc.font(o.bold ? BOLD : FONT).fontSize(o.size ?? this.style.body).fillColor(o.color ?? COLOR.text);
    this.doc.text(this.tx.orDash(text), this.left + indent, this.doc.y, {
      width: this.width - indent,
      lineGap: 1.5,
      paragraphGap: 2,
    });
    this.doc.fillColor(COLOR.text);
  }

  /** "Label: value" on one line (wrapping as needed). */
  field(label: string, value: string): void {
    this.doc.font(BOLD).fontSize(this.style.body).fillColor(COLOR.text);
    this.doc.text(`${label}: `, this.left, this.doc.y, { width: this.width, continued: true, lineGap: 1.5 });
    this.doc.font(FONT).text(this.tx.orDash(value), { lineGap: 1.5, paragraphGap: 2 });
  }

  /** A heading with one paragraph under it. */
  section(title: string, text: string): void {
    this.heading(title);
    this.para(text);
  }

  /** A table with wrapping cells; rows never split, the header row is repeated on each page. */
  table(columns: Column[], rows: string[][], size = this.style.body - 1): void {
    const doc = this.doc;
    const widths = columns.map((c) => c.share * this.width);
    const cellOpts = (i: number) => ({ width: (widths[i] ?? 0) - 2 * PAD, lineGap: 1 });
    const heightOf = (cells: string[], font: string) => {
      doc.font(font).fontSize(size);
      return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', cellOpts(i)))) + 2 * PAD;
    };
    const headerCells = columns.map((c) => c.header);
    const headerH = heightOf(headerCells, BOLD);
    // A row taller than a whole page is clipped rather than split (cannot happen within the contract limits).
    const maxRowH = this.bottom - this.top - headerH - 2;

    const drawRow = (cells: string[], y: number, h: number, header: boolean) => {
      let x = this.left;
      if (header) doc.rect(x, y, this.width, h).fillColor(COLOR.shade).fill();
      doc.font(header ? BOLD : FONT).fontSize(size).fillColor(COLOR.text);
      cells.forEach((c, i) => {
        doc.text(c, x + PAD, y + PAD, { ...cellOpts(i), height: h - 2 * PAD, ellipsis: true });
        x += widths[i] ?? 0;
      });
      doc.moveTo(this.left, y + h).lineTo(this.left + this.width, y + h).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    };
    const drawHeader = () => {
      const y = doc.y;
      drawRow(headerCells, y, headerH, true);
      doc.y = y + headerH;
    };

    this.space(2);
    this.ensure(headerH + heightOf(rows[0] ?? headerCells, FONT));
    drawHeader();
    for (const row of rows) {
      const cells = columns.map((_, i) => this.tx.orDash(row[i]));
      const h = Math.min(heightOf(cells, FONT), maxRowH);
      if (doc.y + h > this.bottom) {
        doc.addPage();
        drawHeader();
      }
      const y = doc.y;
      drawRow(cells, y, h, false);
      doc.y = y + h;
    }
    doc.x = this.left;
    doc.y += 4;
  }
}
