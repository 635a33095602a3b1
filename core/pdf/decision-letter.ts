// The decision letter of the Commissie van Toewijzing to the school or to the parents: sender,
// addressee, date, subject, the decision in plain Dutch, the bezwaar paragraph with its last day,
// and the secretary's signature on behalf of the commission.
import type { PackCase } from '../../db/repos/commission-pack-data.js';
import type { CommissionSettings, DecisionRecord } from '../../shared/contract/commission.js';
import { bezwaarDeadline, type LetterRecipient } from '../../shared/domain/commission.js';
import { fullName } from '../../shared/domain/dossier.js';
import { formatEuro } from '../../shared/domain/money.js';
import { localeOf } from '../../shared/format.js';
import type { Lang } from '../../shared/i18n/index.js';
import { madeWith } from './common.js';
import { BOLD, COLOR, FONT, createDoc, finish, stampPages } from './doc.js';
import { Flow } from './flow.js';
import { texts } from './texts.js';
import type { PdfContext, RenderedPdf } from './types.js';

export interface LetterData {
  item: PackCase & { decision: DecisionRecord };
  recipient: LetterRecipient;
  settings: Pick<CommissionSettings, 'afzender' | 'bezwaar'>;
  categories: readonly { key: string; label: string }[];
  /** The letter's date (Amsterdam calendar day): the bezwaar term runs from it. */
  today: string;
  /** The secretary who signs (the current user's name). */
  secretaryName: string;
}

export function renderDecisionLetter(data: LetterData, ctx: PdfContext): Promise<RenderedPdf> {
  return renderDecisionLetterIn('nl', data, ctx);
}

export async function renderDecisionLetterIn(lang: Lang, data: LetterData, ctx: PdfContext): Promise<RenderedPdf> {
  const tx = texts(lang);
  const { item: c, recipient } = data;
  const d = c.decision;
  const isTlv = c.subjectType === 'tlv';
  const doc = createDoc({ ctx, locale: localeOf(lang), title: tx.t('letter.meta_title', { date: tx.date(d.datum) }) });
  const f = new Flow(doc, tx);
  const pupilName = c.pupil ? fullName(c.pupil) : '';

  // Sender (the association) top right, addressee left.
  const sender = data.settings.afzender.trim() || ctx.associationName;
  doc.font(BOLD).fontSize(10).fillColor(COLOR.accent).text(tx.t('commission.commission'), f.left, doc.y, { width: f.width, align: 'right' });
  doc.font(FONT).fontSize(9.5).fillColor(COLOR.muted).text(sender, { width: f.width, align: 'right' });
  doc.fillColor(COLOR.text);
  doc.y += 24;
  if (recipient === 'ouders') {
    f.para(tx.t('letter.to_parents', { name: pupilName }));
    // The parents with gezag; when none is marked, everyone recorded as parent or carer.
    const parents = c.pupil?.parents ?? [];
    const withGezag = parents.filter((p) => p.gezag);
    const names = (withGezag.length ? withGezag : parents).map((p) => p.name);
    if (names.length) f.para(names.join(', '));
  } else {
    const school = c.pupil?.schoolName || c.arrangement?.schoolName || '';
    f.para(tx.t('letter.to_school', { school }));
    if (c.pupil?.schoolPlace) f.para(c.pupil.schoolPlace);
  }
  doc.y += 20;
  f.para(tx.t('letter.date', { date: tx.date(data.today) }));
  const subject = tx.t(isTlv ? 'letter.subject_tlv' : 'letter.subject_arrangement');
  f.para(tx.t('letter.regarding', { subject }), { bold: true });
  if (c.pupil) f.para(tx.t('letter.pupil_line', { name: pupilName, date: tx.date(c.pupil.geboortedatum) }));
  if (d.tlvNumber) f.para(tx.t('letter.number_line', { number: d.tlvNumber }));
  doc.y += 14;

  f.para(tx.t(recipient === 'ouders' ? 'letter.salutation_parents' : 'letter.salutation_school'));
  f.space(4);
  f.para(isTlv
    ? tx.t('letter.intro_tlv', { date: tx.date(d.datum), name: pupilName })
    : tx.t('letter.intro_arrangement', { date: tx.date(d.datum), title: c.arrangement?.title ?? '' }));
  f.space(4);
  if (d.decision === 'toegekend') {
    f.para(tx.t(isTlv ? 'letter.toegekend_tlv' : 'letter.toegekend_arrangement'), { bold: true });
    f.space(4);
    if (d.tlvNumber) f.field(tx.t('letter.tlv_number'), d.tlvNumber);
    if (c.tlv) f.field(tx.t('letter.tlv_type'), tx.label('tlv_type', c.tlv.body.type));
    const category = data.categories.find((x) => x.key === d.category)?.label ?? d.category;
    if (isTlv && category) f.field(tx.t('letter.category'), category);
    f.field(tx.t('letter.period'), tx.t('commission.period_range', { start: tx.date(d.startDate), end: tx.date(d.endDate) }));
    if (c.arrangement) f.field(tx.t('letter.amount'), formatEuro(c.arrangement.totalCents, lang));
    if (d.conditions) f.section(tx.t('letter.conditions'), d.conditions);
  } else if (d.decision === 'afgewezen') {
    f.para(tx.t('letter.afgewezen'), { bold: true });
    f.section(tx.t('letter.reasons'), d.reasons);
  } else {
    f.para(tx.t('letter.aangehouden'), { bold: true });
    f.section(tx.t('letter.needed'), d.needed);
  }

  const b = data.settings.bezwaar;
  f.heading(tx.t('letter.bezwaar_title'));
  f.para(tx.t('letter.bezwaar', { instantie: b.instantie, deadline: tx.date(bezwaarDeadline(data.today, b.weeks)) }));
  if (b.adres) f.para(tx.t('letter.bezwaar_address', { adres: b.adres }));

  f.ensure(90);
  doc.y += 18;
  f.para(tx.t('letter.closing'));
  doc.y += 26;
  f.para(data.secretaryName, { bold: true });
  f.para(tx.t('letter.on_behalf'));
  f.para(sender.split('\n')[0] ?? '');

  const pages = stampPages(doc, tx, { footerLeft: madeWith(tx, ctx) });
  return finish(doc, pages);
}
