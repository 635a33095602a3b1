// The meeting pack of the Commissie van Toewijzing: ONE PDF with a cover, the agenda and per case a
// summary (core/pdf/commission-case.ts); the full variant appends each case's attachments after its
// summary (pdf-lib, core/pdf/pdf-assemble.ts), the pseudonymised variant only lists their types.
// The summary pages are drawn by pdfkit in one document; the final order interleaves them with the
// attachment pages, and the footer's "Pagina x van y" counts the final pages.
import { PDFDocument } from 'pdf-lib';
import type { PackMeeting } from '../../db/repos/commission-pack-data.js';
import { agendaTimes, type PackVariant } from '../../shared/domain/commission.js';
import { localeOf } from '../../shared/format.js';
import type { Lang } from '../../shared/i18n/index.js';
import { caseName, kindOf, labelledAttachments, maskers, renderCase, type Budget, type CaseSettings } from './commission-case.js';
import { BOLD, COLOR, FONT, createDoc, endBytes, fit, type Doc } from './doc.js';
import { Flow } from './flow.js';
import { addImagePage, prepareAttachment, setMetadata, writeOutline, type OutlineItem, type Prepared } from './pdf-assemble.js';
import { texts, type Texts } from './texts.js';
import type { PdfContext, RenderedPdf } from './types.js';

export interface PackInput {
  meeting: PackMeeting;
  variant: PackVariant;
  settings: CaseSettings & { memberRoles: readonly { key: string; label: string }[] };
  /** Budget effect per item id (arrangements only). */
  budgets: ReadonlyMap<string, Budget>;
  /** Amsterdam calendar day of the pack (what is missing is judged on it). */
  today: string;
  attachmentBytes(id: string): Buffer;
  /** After the cover and agenda, after each case and when assembled: done of total (cases + 2). */
  onProgress?(done: number, total: number): void;
}

/** Between cases: let the event loop answer status polls while a pack is made. */
const breathe = () => new Promise<void>((r) => setImmediate(r));

type Slot = { own: number } | { prepared: Exclude<Prepared, { kind: 'placeholder' }> };

export function renderCommissionPack(input: PackInput, ctx: PdfContext): Promise<RenderedPdf> {
  return renderCommissionPackIn('nl', input, ctx);
}

export async function renderCommissionPackIn(lang: Lang, input: PackInput, ctx: PdfContext): Promise<RenderedPdf> {
  const tx = texts(lang);
  const { meeting: mt, variant } = input;
  const pseudo = variant === 'gepseudonimiseerd';
  const total = mt.cases.length + 2;
  const maskOf = maskers(mt.cases, pseudo, tx);
  const out = await PDFDocument.create({ updateMetadata: false });
  const doc = createDoc({ ctx, locale: localeOf(lang), title: tx.t('commission.meta_title', { date: tx.date(mt.datum) }), header: undefined });
  const f = new Flow(doc, tx);
  const slots: Slot[] = [];
  let owned = 0;
  /** The pdfkit pages drawn since the last call become slots in order. */
  const claim = () => {
    const count = doc.bufferedPageRange().count;
    for (; owned < count; owned++) slots.push({ own: owned });
  };
  const finalIndex = () => slots.reduce((n, s) => n + ('own' in s ? 1 : s.prepared.kind === 'pages' ? s.prepared.pages.length : 1), 0);
  const outline: OutlineItem[] = [];

  outline.push({ title: tx.t('commission.bm_cover'), page: 0 });
  cover(f, tx, ctx, input);
  claim();
  doc.addPage();
  outline.push({ title: tx.t('commission.bm_agenda'), page: finalIndex() });
  agenda(f, tx, input, maskOf);
  claim();
  input.onProgress?.(1, total);

  for (const [i, c] of mt.cases.entries()) {
    await breathe();
    const n = i + 1;
    const mask = maskOf(c);
    const attachments = labelledAttachments(c, tx, input.settings);
    doc.addPage();
    const start = finalIndex();
    renderCase(f, tx, c, { n, pseudo, mask, settings: input.settings, budget: input.budgets.get(c.itemId) ?? null, today: input.today });
    attachmentList(f, tx, attachments, pseudo);
    claim();
    const children: OutlineItem[] = [{ title: tx.t('commission.bm_summary'), page: start }];
    if (!pseudo) {
      for (const a of attachments) {
        const prepared = await prepareAttachment(out, a.mediaType, input.attachmentBytes(a.id));
        children.push({ title: tx.t('commission.bm_attachment', { label: `${a.label} (${a.name})` }), page: finalIndex() });
        if (prepared.kind === 'placeholder') {
          doc.addPage();
          placeholder(f, tx, a, prepared.reason);
          claim();
        } else slots.push({ prepared });
      }
    }
    outline.push({ title: tx.t('commission.case_title', { n, name: caseName(c, pseudo, mask) }), page: start, children });
    input.onProgress?.(n + 1, total);
  }

  const pages = finalIndex();
  stamp(doc, tx, slots, pages, `${tx.t('commission.confidential')} · ${tx.t('commission.commission')} · ${tx.date(mt.datum)}`);
  const summary = await PDFDocument.load(await endBytes(doc), { updateMetadata: false });
  const copied = await out.copyPages(summary, summary.getPageIndices());
  for (const s of slots) {
    if ('own' in s) out.addPage(copied[s.own]!);
    else if (s.prepared.kind === 'pages') for (const p of s.prepared.pages) out.addPage(p);
    else addImagePage(out, s.prepared.image);
  }
  writeOutline(out, outline);
  setMetadata(out, {
    title: `${tx.t('commission.meta_title', { date: tx.date(mt.datum) })} · ${tx.t(`commission.variant.${variant}`)}`,
    author: ctx.associationName, language: localeOf(lang), created: ctx.generatedAt,
  });
  const bytes = Buffer.from(await out.save());
  input.onProgress?.(total, total);
  return { bytes, pages: out.getPageCount() };
}

function when(tx: Texts, mt: PackMeeting): string {
  return tx.t('at_time', { date: tx.date(mt.datum), time: mt.tijd });
}

function roleLabel(tx: Texts, roles: PackInput['settings']['memberRoles'], key: string): string {
  const configured = roles.find((r) => r.key === key)?.label;
  if (configured) return configured;
  const builtIn = tx.t(`commission.role.${key}`);
  return builtIn.startsWith('pdf.') ? key : builtIn;
}

function cover(f: Flow, tx: Texts, ctx: PdfContext, input: PackInput): void {
  const { meeting: mt, variant } = input;
  const doc = f.doc;
  doc.font(BOLD).fontSize(10).fillColor('#b00000').text(tx.t('commission.confidential').toUpperCase(), f.left, doc.y, { width: f.width, align: 'right' });
  doc.fillColor(COLOR.muted).font(FONT).fontSize(11).text(ctx.associationName, f.left, doc.y + 30, { width: f.width });
  doc.moveDown(0.3);
  f.title(tx.t('commission.title'));
  f.para(tx.t(`commission.variant.${variant}`), { bold: true, size: 12 });
  f.heading(tx.t('commission.when'));
  f.para(when(tx, mt));
  f.heading(tx.t('commission.place'));
  f.para(mt.online ? [tx.t('commission.online'), mt.link].filter(Boolean).join(' · ') : mt.locatie);
  f.heading(tx.t('commission.members'));
  if (mt.members.length === 0) f.para('');
  else f.table(
    [{ header: tx.t('commission.col.name'), share: 0.55 }, { header: tx.t('commission.col.role'), share: 0.45 }],
    mt.members.map((m) => [m.name, roleLabel(tx, input.settings.memberRoles, m.role)]),
  );
  f.heading(tx.t('commission.confidential'));
  f.para(tx.t('commission.confidential_note'));
  if (variant === 'gepseudonimiseerd') f.para(tx.t('commission.pseudo_note'), { bold: true });
}

function agenda(f: Flow, tx: Texts, input: PackInput, maskOf: ReturnType<typeof maskers>): void {
  const { meeting: mt, variant } = input;
  const pseudo = variant === 'gepseudonimiseerd';
  f.title(tx.t('commission.agenda'));
  f.para(when(tx, mt));
  if (mt.cases.length === 0) {
    f.para(tx.t('commission.agenda_none'));
    return;
  }
  const times = agendaTimes(mt.tijd, mt.cases.map((c) => c.minutes));
  f.table(
    [
      { header: tx.t('commission.col.time'), share: 0.1 }, { header: tx.t('commission.col.case'), share: 0.32 },
      { header: tx.t('commission.col.kind'), share: 0.2 }, { header: tx.t('commission.col.minutes'), share: 0.08 },
      { header: tx.t('commission.col.guests'), share: 0.3 },
    ],
    mt.cases.map((c, i) => {
      const mask = maskOf(c);
      const guests = c.guests.map((g) => {
        const kind = tx.t(`commission.guest_kind.${g.kind}`);
        // A parent guest is named only in the full pack.
        const name = pseudo && g.kind === 'ouders' ? '' : mask(g.name);
        return name ? `${name} (${kind})` : kind;
      });
      return [times[i] ?? '', tx.t('commission.case_title', { n: i + 1, name: caseName(c, pseudo, mask) }), tx.t(`commission.kind.${kindOf(c)}`),
        String(c.minutes), guests.join('; ')];
    }),
  );
}

function attachmentList(f: Flow, tx: Texts, list: ReturnType<typeof labelledAttachments>, pseudo: boolean): void {
  f.heading(tx.t('commission.attachments'));
  if (list.length === 0) {
    f.para(tx.t('commission.attachments_none'));
    return;
  }
  if (pseudo) f.para(tx.t('commission.attachments_full_only'));
  // File names are free text chosen by the uploader: never in the pseudonymised pack.
  f.para(list.map((a) => `• ${pseudo ? a.label : `${a.label} — ${a.name}`}`).join('\n'));
}

function placeholder(f: Flow, tx: Texts, a: { label: string; name: string; mediaType: string }, reason: 'type' | 'unreadable' | 'pending'): void {
  f.title(tx.t('commission.placeholder_title'));
  f.field(tx.t('commission.attachments'), a.label);
  f.field(tx.t('commission.file'), a.name);
  const key = reason === 'type' ? 'placeholder_type' : reason === 'pending' ? 'placeholder_pending' : 'placeholder_unreadable';
  const type = a.mediaType.includes('opendocument') ? 'OpenDocument' : a.mediaType.includes('wordprocessing') ? 'Word' : a.mediaType;
  f.space(8);
  f.para(tx.t(`commission.${key}`, { type }), { bold: true });
}

const EDGE = 1.4 * 28.3465;

/** A small running line on top and "Pagina x van y" (final numbering) at the bottom of every own page. */
function stamp(doc: Doc, tx: Texts, slots: readonly Slot[], pages: number, line: string): void {
  let final = 0;
  const numberOf = new Map<number, number>();
  for (const s of slots) {
    if ('own' in s) numberOf.set(s.own, final);
    final += 'own' in s ? 1 : s.prepared.kind === 'pages' ? s.prepared.pages.length : 1;
  }
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, top: 0, bottom: 0 };
    const left = margins.left;
    const width = doc.page.width - left - margins.right;
    const y = doc.page.height - EDGE - 16;
    doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.6).strokeColor(COLOR.rule).stroke();
    doc.font(FONT).fontSize(8.5).fillColor(COLOR.muted);
    doc.text(fit(doc, line, width * 0.7), left, y + 5, { width: width * 0.7, lineBreak: false });
    doc.text(tx.t('page', { page: (numberOf.get(i) ?? i) + 1, pages }), left + width * 0.7, y + 5, { width: width * 0.3, align: 'right', lineBreak: false });
    doc.page.margins = margins;
  }
}

