// Text as vector outlines, for the concept watermark.
// (Own module: doc.ts uses it, and drawings.ts depends on doc.ts.)

type Doc = PDFKit.PDFDocument;

interface GlyphPath {
  scale(sx: number, sy?: number): GlyphPath;
  translate(x: number, y: number): GlyphPath;
  toSVG(): string;
}
interface FontkitFont {
  unitsPerEm: number;
  layout(text: string): { glyphs: { path: GlyphPath }[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] };
}

/**
 * Text drawn as outlines in the current (embedded TrueType) font, centred on (cx, baseline): visible,
 * but not part of the text layer, so a watermark does not end up scattered through copied or
 * read-aloud text. Uses pdfkit's fontkit font; without it nothing is drawn (it is decoration only).
 */
export function drawOutlinedText(doc: Doc, text: string, cx: number, baseline: number, size: number): void {
  const font = (doc as unknown as { _font?: { font?: FontkitFont } })._font?.font;
  if (!font || typeof font.layout !== 'function') return;
  const run = font.layout(text);
  const k = size / font.unitsPerEm;
  const width = run.positions.reduce((w, p) => w + p.xAdvance, 0) * k;
  let pen = cx - width / 2;
  run.glyphs.forEach((g, i) => {
    const p = run.positions[i];
    if (!p) return;
    const svg = g.path.scale(k, -k).translate(pen + p.xOffset * k, baseline - p.yOffset * k).toSVG();
    if (svg) doc.path(svg).fill();
    pen += p.xAdvance * k;
  });
}
