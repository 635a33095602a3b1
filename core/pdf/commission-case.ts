// One case of the meeting pack: the 1–2 page summary (request, support history, the child's and the
// parents' view, deskundigenadviezen, budget effect, what is missing, the commission's checks) and the
// masking of the pseudonymised variant. Every free text passes through `mask`.
import type { DecisionRecord } from '../../shared/contract/commission.js';
import { CASE_CHECKS, commissionCheck, initialsOf, pseudonymise, type CompletenessRules, type PupilIdentity } from '../../shared/domain/commission.js';
import { foldText, fullName } from '../../shared/domain/dossier.js';
import { formatEuro } from '../../shared/domain/money.js';
import { MEDIA_TYPE_KEY, type AttachmentMediaType } from '../../shared/domain/attachments.js';
import { message } from '../../shared/i18n/index.js';
import type { PackCase } from '../../db/repos/commission-pack-data.js';
import type { Flow } from './flow.js';
import type { Texts } from './texts.js';

export type Mask = (text: string) => string;
export interface Budget { yearKey: string; before: Snapshot; after: Snapshot; warnings: string[] }
interface Snapshot { allocatedCents: number; committedCents: number; remainingCents: number }
export interface CaseSettings { rules: CompletenessRules; categories: readonly { key: string; label: string }[]; extraDocuments: readonly { key: string; label: string }[] }

const fold = foldText;

/** The people a case's texts may name: parents, involved people, parent guests, who gave consent. */
function identityOf(c: PackCase): PupilIdentity | null {
  if (!c.pupil) return null;
  const others = [
    ...c.pupil.parents.map((p) => p.name), ...c.pupil.involved.map((p) => p.name),
    ...c.guests.filter((g) => g.kind === 'ouders').map((g) => g.name),
    ...(c.tlv?.body.consent.byName ? [c.tlv.body.consent.byName] : []),
    ...(c.arrangement?.consent ?? []).map((x) => x.parentName),
  ].filter((n) => n.trim());
  return { ...c.pupil, otherNames: others };
}

/**
 * Per case a mask: identity for the full pack; for the pseudonymised pack the case's own pupil and then
 * every other pupil of the meeting whose name or birth year the text might hold (a sibling, a classmate)
 * are replaced by their initials, birth dates and other named people by placeholders.
 */
export function maskers(cases: readonly PackCase[], pseudo: boolean, tx: Texts): (c: PackCase) => Mask {
  if (!pseudo) return () => (s) => s;
  const all = cases.map((c) => {
    const who = identityOf(c);
    if (!who) return null;
    const words = [who.voornaam, who.achternaam, ...who.otherNames].flatMap((n) => n.split(/[\s-]+/)).filter((w) => w.length >= 2).map(fold);
    return { itemId: c.itemId, who, initials: initialsOf(who), probes: [...words, who.geboortedatum.slice(0, 4)] };
  }).filter((x) => x !== null);
  const name = tx.t('commission.pseudo_name');
  const date = tx.t('commission.pseudo_date');
  return (c) => (text) => {
    if (!text) return text;
    const own = all.find((x) => x.itemId === c.itemId);
    let out = own ? pseudonymise(text, own.who, own.initials, date, name) : text;
    const flat = fold(out);
    for (const x of all) {
      if (x !== own && x.probes.some((p) => flat.includes(p))) out = pseudonymise(out, x.who, x.initials, date, name);
    }
    return out;
  };
}

/** "Casus 3 — Sanne de Vries" (full), "Casus 3 — S.d.V." (pseudonymised), or the arrangement's title. */
export function caseName(c: PackCase, pseudo: boolean, mask: Mask): string {
  if (c.pupil) return pseudo ? initialsOf(c.pupil) : fullName(c.pupil);
  return mask(c.arrangement?.title ?? '');
}

export function kindOf(c: PackCase): string {
  if (c.tlv) return c.tlv.body.kind;
  return c.arrangement?.followUpOf ? 'arrangement_verlenging' : 'arrangement';
}

export interface LabelledAttachment { id: string; label: string; name: string; mediaType: string }

/** The subject's attachments in document order, each with its document type label. */
export function labelledAttachments(c: PackCase, tx: Texts, s: CaseSettings): LabelledAttachment[] {
  const owned = new Map(c.attachments.map((a) => [a.id, a]));
  const out: LabelledAttachment[] = [];
  const take = (id: string | null, label: string) => {
    const a = id ? owned.get(id) : undefined;
    if (!a) return;
    owned.delete(a.id);
    out.push({ id: a.id, label, name: a.name, mediaType: a.mediaType });
  };
  if (c.tlv) {
    for (const d of c.tlv.body.documents) {
      const extra = s.extraDocuments.find((x) => x.key === d.key)?.label;
      const label = extra ?? tx.label('tlv_document', d.key);
      for (const id of d.attachmentIds) take(id, label);
    }
    c.tlv.body.advices.forEach((a, i) => take(a.attachmentId, tx.t('commission.attachment_advice', { n: i + 1 })));
  }
  for (const a of [...owned.values()]) {
    const key = MEDIA_TYPE_KEY[a.mediaType as AttachmentMediaType];
    take(a.id, c.tlv ? tx.t('commission.attachment_other') : key ? tx.label('media_type', key) : tx.t('commission.attachment_other'));
  }
  return out;
}

export function missingOf(c: PackCase, rules: CompletenessRules, today: string): { path: string; key: string }[] {
  const owned = new Set(c.attachments.map((a) => a.id));
  if (c.tlv) {
    const b = c.tlv.body;
    return commissionCheck({
      type: 'tlv',
      tlv: {
        requiredDocuments: c.tlv.requiredDocuments,
        documents: b.documents.map((d) => ({ ...d, attachmentIds: d.attachmentIds.filter((id) => owned.has(id)) })),
        advices: b.advices.map((a) => ({ ...a, attachmentId: a.attachmentId && owned.has(a.attachmentId) ? a.attachmentId : null })),
        parentsView: b.parentsView, consent: b.consent, childView: b.childView,
      },
    }, rules, today);
  }
  const a = c.arrangement;
  if (!a) return [];
  return commissionCheck({
    type: 'arrangement',
    arrangement: {
      ondersteuningsvraag: a.ondersteuningsvraag ?? '', goalCount: a.goals.length, inzetCount: a.inzet.length, consent: a.consent ?? [],
      parentsView: a.parentsView ?? '', childView: a.childView ?? '',
    },
  }, rules, today);
}

/** The summary of one case, from the current position of `f` (the caller starts the page). */
export function renderCase(
  f: Flow, tx: Texts, c: PackCase, o: { n: number; pseudo: boolean; mask: Mask; settings: CaseSettings; budget: Budget | null; today: string },
): void {
  const { mask: m, pseudo } = o;
  const p = c.pupil;
  f.title(tx.t('commission.case_title', { n: o.n, name: caseName(c, pseudo, m) }));
  f.field(tx.t('commission.col.kind'), tx.t(`commission.kind.${kindOf(c)}`));
  if (p) {
    f.field(tx.t('commission.pupil'), pseudo ? initialsOf(p) : fullName(p));
    if (!pseudo) f.field(tx.t('commission.born'), tx.date(p.geboortedatum));
    f.field(tx.t('commission.school'), p.schoolName);
    f.field(tx.t('commission.groep'), tx.label('groep', p.groep));
    f.field(tx.t('commission.werkgebied'), p.werkgebiedName);
  }
  f.heading(tx.t('commission.request'));
  const period = (a: string, b: string) => (a || b ? tx.t('commission.period_range', { start: tx.date(a), end: tx.date(b) }) : '');
  if (c.tlv) {
    const b = c.tlv.body;
    f.field(tx.t('commission.tlv_kind'), tx.label('tlv_kind', b.kind));
    f.field(tx.t('commission.tlv_type'), tx.label('tlv_type', b.type));
    f.field(tx.t('commission.category'), o.settings.categories.find((x) => x.key === b.category)?.label ?? b.category);
    f.field(tx.t('commission.period'), period(b.periodStart, b.periodEnd));
    f.field(tx.t('commission.receiving_school'), m(b.receivingSchool));
    f.field(tx.t('commission.toelichting'), m(b.toelichting));
  } else if (c.arrangement) {
    const a = c.arrangement;
    f.field(tx.t('commission.arr_title'), m(a.title));
    f.field(tx.t('commission.route'), tx.label('route', a.route));
    if (!p) f.field(tx.t('commission.pupil'), tx.t('commission.group', { scope: tx.label('pupil_scope', a.pupilScope), n: a.pupilCount }));
    if (!p && a.schoolName) f.field(tx.t('commission.school'), a.schoolName);
    f.field(tx.t('commission.period'), period(a.startDate, a.endDate));
    f.field(tx.t('commission.vraag'), m(a.ondersteuningsvraag ?? ''));
    f.field(tx.t('commission.goals'), a.goals.map((g, i) => `${i + 1}. ${m(g.wat)}${g.resultaat ? ` — ${m(g.resultaat)}` : ''}`).join('\n'));
    f.field(tx.t('commission.inzet'), a.inzet.map((l) => {
      const type = l.type === 'anders' && l.typeOther ? m(l.typeOther) : tx.label('inzet_type', l.type);
      return [type, m(l.provider), formatEuro(l.costCents, tx.lang)].filter(Boolean).join(', ');
    }).join('\n'));
    f.field(tx.t('commission.cost'), formatEuro(a.totalCents, tx.lang));
    if (a.toelichting) f.field(tx.t('commission.toelichting'), m(a.toelichting));
  }

  f.heading(tx.t('commission.history'));
  if (c.history.arrangements.length === 0) f.para(tx.t('commission.history_arrangements_none'));
  else f.table(
    [{ header: tx.t('commission.arr_title'), share: 0.5 }, { header: tx.t('col.status'), share: 0.18 }, { header: tx.t('commission.period'), share: 0.32 }],
    c.history.arrangements.map((a) => [m(a.title), tx.label('arr_status', a.status), `${tx.shortDate(a.startDate)} – ${tx.shortDate(a.endDate)}`]),
  );
  if (c.history.events.length) {
    const recent = c.history.events.slice(-12);
    f.field(tx.t('commission.history_events'), recent.map((e) => `${tx.shortDate(e.at)} ${tx.label('timeline', e.type)}`).join('; '));
  }
  if (c.tlv) {
    const note = c.tlv.body.documents.find((d) => d.key === 'ondersteuningshistorie')?.note ?? '';
    f.field(tx.t('commission.history_note'), m(note));
    if (c.tlv.body.previousTlvNumber) f.field(tx.t('commission.previous_tlv'), c.tlv.body.previousTlvNumber);
  }

  const views = c.tlv?.body ?? { childView: c.arrangement?.childView ?? '', parentsView: c.arrangement?.parentsView ?? '' };
  f.section(tx.t('commission.child_view'), m(views.childView));
  f.section(tx.t('commission.parents_view'), m(views.parentsView));
  f.heading(tx.t('commission.consent'));
  if (c.tlv) {
    const k = c.tlv.body.consent;
    f.para(tx.t('commission.consent_line', { besluit: tx.label('consent', k.besluit), date: tx.date(k.datum) || tx.t('empty'), name: m(k.byName) || tx.t('empty') }));
  } else {
    const list = c.arrangement?.consent ?? [];
    f.para(list.map((k) => tx.t('commission.consent_line', { besluit: tx.label('consent', k.besluit), date: tx.date(k.datum), name: m(k.parentName) })).join('\n'));
  }

  if (c.tlv) {
    f.heading(tx.t('commission.advices'));
    c.tlv.body.advices.forEach((a, i) => {
      f.subheading(tx.t('commission.advice_n', { n: i + 1 }));
      f.para(tx.t('commission.advice_by', { name: m(a.name) || tx.t('empty'), discipline: m(a.discipline) || tx.t('empty'), date: tx.date(a.date) || tx.t('empty') }));
      f.para(m(a.advice));
    });
  }
  if (o.budget) budgetBlock(f, tx, o.budget);

  f.heading(tx.t('commission.missing'));
  const missing = missingOf(c, o.settings.rules, o.today);
  f.para(missing.length ? missing.map((x) => `• ${message(`validation.${x.key}`, tx.lang)}`).join('\n') : tx.t('commission.missing_none'));
  f.heading(tx.t('commission.checks'));
  for (const k of CASE_CHECKS) {
    const v = c.checks[k];
    f.field(tx.t(`commission.check.${k}`), v === undefined ? tx.t('commission.check_open') : tx.yesNo(v));
  }
}

function budgetBlock(f: Flow, tx: Texts, b: Budget): void {
  const euro = (cents: number) => formatEuro(cents, tx.lang);
  f.heading(tx.t('commission.budget'));
  f.table(
    [
      { header: b.yearKey, share: 0.31 }, { header: tx.t('arrangement.col.allocated'), share: 0.23 },
      { header: tx.t('arrangement.col.committed'), share: 0.23 }, { header: tx.t('arrangement.col.remaining'), share: 0.23 },
    ],
    [
      [tx.t('arrangement.budget_before'), euro(b.before.allocatedCents), euro(b.before.committedCents), euro(b.before.remainingCents)],
      [tx.t('arrangement.budget_after'), euro(b.after.allocatedCents), euro(b.after.committedCents), euro(b.after.remainingCents)],
    ],
  );
  if (b.warnings.length === 0) f.para(tx.t('arrangement.budget_ok'));
  for (const w of b.warnings) f.para(tx.label('budget_warning', w), { bold: true, color: '#b00000' });
}

/** One line for a decision (notulen, and the pack when a case was decided before). */
export function decisionLine(tx: Texts, d: DecisionRecord, categories: CaseSettings['categories']): string {
  const parts = [tx.t(`commission.decision.${d.decision}`)];
  if (d.decision === 'toegekend') {
    if (d.tlvNumber) parts.push(tx.t('notulen.tlv_number', { number: d.tlvNumber }));
    const cat = categories.find((x) => x.key === d.category)?.label ?? d.category;
    if (cat) parts.push(tx.t('notulen.category', { label: cat }));
    if (d.startDate) parts.push(tx.t('commission.period_range', { start: tx.date(d.startDate), end: tx.date(d.endDate) }));
  }
  return parts.join(', ');
}
