// Vector pictures for the child's version: a five-step smiley and the thermometer bars. Drawn, not
// images, so they stay sharp and need no asset files; the text label next to them carries the meaning.
import { BOLD, COLOR, FONT, type Doc } from './doc.js';

const FACE = '#ffd966';
const INK = '#3a3a3a';

/** A face at centre (cx, cy) with radius r; level 1 (very sad) … 5 (very happy). */
export function drawSmiley(doc: Doc, cx: number, cy: number, r: number, level: number): void {
  const l = Math.min(5, Math.max(1, Math.round(level)));
  doc.save();
  doc.lineWidth(Math.max(1, r / 14));
  doc.circle(cx, cy, r).fillAndStroke(FACE, INK);
  // Eyes.
  for (const dx of [-0.33, 0.33]) doc.circle(cx + dx * r, cy - 0.22 * r, 0.09 * r).fill(INK);
  // Mouth: a curve bending down (sad) through flat (3) to up (happy).
  const bend = (l - 3) * 0.22 * r;
  const my = cy + 0.38 * r - bend / 2;
  doc
    .moveTo(cx - 0.45 * r, my)
    .quadraticCurveTo(cx, my + 2 * bend, cx + 0.45 * r, my)
    .lineWidth(Math.max(1.2, r / 10))
    .lineCap('round')
    .stroke(INK);
  // A tear for "heel verdrietig", so 1 and 2 differ at a glance.
  if (l === 1) doc.circle(cx - 0.36 * r, cy + 0.02 * r, 0.07 * r).fill('#4a90d9');
  doc.restore();
}

/** A horizontal thermometer of `max` segments filled up to `value`; returns its height. */
export function drawThermometer(
  doc: Doc,
  o: { x: number; y: number; width: number; label: string; value: number; max?: number; color: string; size: number },
): number {
  const max = o.max ?? 10;
  const h = o.size * 1.1;
  const labelW = o.size * 3.4;
  const numberW = o.size * 2;
  const barX = o.x + labelW;
  const barW = o.width - labelW - numberW;
  const seg = barW / max;
  doc.save();
  doc.font(FONT).fontSize(o.size).fillColor(COLOR.text);
  doc.text(o.label, o.x, o.y, { width: labelW - 4, lineBreak: false });
  for (let i = 0; i < max; i++) {
    const filled = i < o.value;
    doc.rect(barX + i * seg + 1, o.y, seg - 2, h).lineWidth(0.8).fillAndStroke(filled ? o.color : '#ffffff', INK);
  }
  doc.font(BOLD).fontSize(o.size).fillColor(COLOR.text);
  doc.text(String(o.value), barX + barW + 6, o.y, { width: numberW - 6, lineBreak: false });
  doc.restore();
  return h;
}
