import { beforeAll, describe, expect, it } from 'vitest';
import { message } from '../../shared/i18n/index.js';
import { makeDossier, makeKindgesprek, OBSERVATION_MARKER, pdfContext } from './fixtures.js';
import { renderKindgesprekKind, renderKindgesprekProfessional } from './index.js';
import { flat, hasPoppler, pdfInfo, pdfText, wordHeights } from './poppler.js';
import type { RenderedPdf } from './types.js';

const ctx = pdfContext();
const dossier = makeDossier();
const kg = makeKindgesprek();
const answered = kg.topics.filter((t) => t.woorden !== '');
const prompt = (topic: string, band: string = kg.leeftijd) => message(`kg_prompt.${band}.${topic}`, 'nl');
const smileyLabel = (n: number) => message(`enums.smiley.${n}`, 'nl');

describe.skipIf(!hasPoppler)('kindgesprek, version for the child', () => {
  let pdf: RenderedPdf;
  let text: string;

  beforeAll(async () => {
    pdf = await renderKindgesprekKind({ dossier, kindgesprek: kg }, ctx);
    text = flat(pdfText(pdf.bytes));
  });

  it('speaks to the child and holds the prompts of the age band with the child’s own words', () => {
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(text).toContain('Dit heb jij verteld');
    expect(text).toContain('Hoi Noëlle! Op 5 november 2026');
    for (const t of answered) {
      expect(text).toContain(flat(prompt(t.topic)));
      expect(text).toContain(flat(t.woorden));
    }
    // The unanswered topic is left out rather than printed empty.
    expect(text).not.toContain(flat(prompt('plan')));
  });

  it('labels every smiley and prints the thermometer numbers in order', () => {
    for (const t of answered) if (t.smiley !== null) expect(text).toContain(`Zo voel jij je: ${smileyLabel(t.smiley)}`);
    const numbers = [...text.matchAll(/\b(Nu|Doel) (\d+)\b/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(numbers).toEqual(answered.flatMap((t) => [`Nu ${t.nu}`, `Doel ${t.doel}`]));
  });

  it('never shows the consultant’s observations, summary or sharing note', () => {
    expect(text).not.toContain(OBSERVATION_MARKER);
    expect(text).not.toContain('Observaties');
    expect(text).not.toContain(flat(kg.samenvatting));
    expect(text).not.toContain(flat(kg.delenToelichting));
  });

  it('ends with what may be shared', () => {
    expect(text).toContain('Dit mogen je ouders weten: Ja');
    expect(text).toContain('Dit mag school weten: Nee');
    expect(text.indexOf('Dit mogen je ouders weten')).toBeGreaterThan(text.indexOf(flat(answered.at(-1)?.woorden ?? '')));
  });

  it('uses large type (at least 14 pt) for the child’s words', () => {
    const heights = wordHeights(pdf.bytes).filter((w) => ['Breuken', 'klokkijken.'].includes(w.word));
    expect(heights).toHaveLength(2);
    for (const w of heights) expect(w.height).toBeGreaterThanOrEqual(14);
  });

  it('says "papa en mama" to young children', async () => {
    const young = await renderKindgesprekKind({ dossier, kindgesprek: makeKindgesprek({ leeftijd: 'g1_4' }) }, ctx);
    const t = flat(pdfText(young.bytes));
    expect(t).toContain('Dit mogen papa en mama weten: Ja');
    expect(t).toContain(flat(prompt('moeilijk', 'g1_4')));
  });

  it('keeps the child out of the metadata', () => {
    const info = pdfInfo(pdf.bytes);
    expect(info.Title).toBe('Kindgesprek 5 november 2026');
    expect(info.Title).not.toMatch(/Noëlle|Yılmaz/);
  });
});

describe.skipIf(!hasPoppler)('kindgesprek, version for professionals', () => {
  let pdf: RenderedPdf;
  let layout: string;
  let text: string;

  beforeAll(async () => {
    pdf = await renderKindgesprekProfessional({ dossier, kindgesprek: kg }, ctx);
    layout = pdfText(pdf.bytes);
    text = flat(layout);
  });

  it('holds per topic the prompt, smiley, thermometer and the child’s words in quotes', () => {
    for (const t of answered) {
      expect(text).toContain(flat(prompt(t.topic)));
      expect(text).toContain(`Smiley: ${smileyLabel(t.smiley ?? 0)} (${t.smiley} van 5)`);
      expect(text).toContain(`Thermometer: nu ${t.nu}, doel ${t.doel} (van 10)`);
      expect(text).toContain(`“${flat(t.woorden)}”`);
    }
    expect(text).toContain('Woorden van het kind (letterlijk):');
  });

  it('holds the observations under their own heading, after the child’s words', () => {
    expect(layout).toMatch(/^Observaties van de consulent$/m);
    expect(text).toContain(OBSERVATION_MARKER);
    const lastWords = text.lastIndexOf(flat(answered.at(-1)?.woorden ?? ''));
    expect(text.indexOf('Observaties van de consulent')).toBeGreaterThan(lastWords);
  });

  it('holds sharing, its explanation and the summary', () => {
    expect(text).toContain('Met de ouders: Ja');
    expect(text).toContain('Met school: Nee');
    expect(text).toContain(`Toelichting: ${flat(kg.delenToelichting)}`);
    expect(text).toContain(flat(kg.samenvatting));
  });

  it('has header and footer on every page like the verslag', () => {
    const pages = layout.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(pdf.pages);
    pages.forEach((p, i) => {
      expect(p).toContain('Noëlle Yılmaz');
      expect(p).toContain('Kindgesprek — voor professionals');
      expect(p).toContain('Gesprek 5 november 2026 · Groep 5–8');
      expect(p).toContain(`Pagina ${i + 1} van ${pdf.pages}`);
    });
    expect(pdfInfo(pdf.bytes).Title).not.toMatch(/Noëlle|Yılmaz/);
  });
});
