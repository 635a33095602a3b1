// The arrangementvoorstel: what a consultant submits for a decision (route 1/2/3), and later the
// record of that decision and the evaluation. Money is printed from integer cents (formatEuro).
import { periodWarnings } from '../../shared/domain/arrangement.js';
import { fullName } from '../../shared/domain/dossier.js';
import { formatDecimal, formatEuro } from '../../shared/domain/money.js';
import type { Arrangement, Dossier, Mdo, Output } from '../../shared/contract/index.js';
import { localeOf } from '../../shared/format.js';
import type { Lang } from '../../shared/i18n/index.js';
import { madeWith, pupilHeader } from './common.js';
import { BOLD, COLOR, createDoc, finish, stampPages, type HeaderLines } from './doc.js';
import { Flow, type Column } from './flow.js';
import { texts, type Texts } from './texts.js';
import type { PdfContext, RenderedPdf } from './types.js';

export interface ArrangementPdfData {
  arrangement: Arrangement;
  /** The pupil's dossier for a one-pupil arrangement; null for groups and route 3. */
  dossier: Dossier | null;
  /** What committing the amount does to the werkgebied budget; null to leave the block out. */
  budget: Output<'arrangements:budgetEffect'> | null;
  /** The MDO of `arrangement.mdoId`, so its date can be named (optional: without it only the link is mentioned). */
  mdo?: Pick<Mdo, 'id' | 'datum'> | null;
}

const DECISIONS = ['toegekend', 'afgewezen', 'aangehouden'] as const;

export function renderArrangement(data: ArrangementPdfData, ctx: PdfContext): Promise<RenderedPdf> {
  return renderArrangementIn('nl', data, ctx);
}

export async function renderArrangementIn(lang: Lang, data: ArrangementPdfData, ctx: PdfContext): Promise<RenderedPdf> {
  const tx = texts(lang);
  const { arrangement: a, budget } = data;
  // Only the pupil the arrangement is about: a stale or mismatched dossier must not name another child.
  const dossier = data.dossier && a.dossierId === data.dossier.id ? data.dossier : null;
  const concept = a.status === 'concept';
  const euro = (cents: number) => formatEuro(cents, lang);
  const period = tx.t('arrangement.period_range', { start: tx.date(a.startDate), end: tx.date(a.endDate) });
  const docLabel = [tx.t('arrangement.title'), tx.label('arr_status', a.status)].join(' · ');
  const header: HeaderLines = dossier
    ? pupilHeader(tx, ctx, dossier, docLabel, period)
    : {
        left: [ctx.associationName, whom(tx, a), [a.werkgebiedName, a.schoolName].filter(Boolean).join(' · ')],
        right: [docLabel, tx.t('arrangement.route') + ` ${a.route}`, period],
      };
  // The title is free text and may name the pupil: the metadata uses the start date only.
  const doc = createDoc({
    ctx, locale: localeOf(lang), title: tx.t('arrangement.meta_title', { date: tx.date(a.startDate) }), header,
  });
  const f = new Flow(doc, tx);

  f.title(tx.t('arrangement.title'));
  f.field(tx.t('arrangement.subject'), a.title);
  f.field(tx.t('arrangement.status'), tx.label('arr_status', a.status));
  if (concept) f.para(tx.t('arrangement.concept_notice'), { bold: true, color: '#b00000' });

  f.heading(tx.t('arrangement.for_whom'));
  if (dossier) {
    f.field(tx.t('arrangement.pupil'), fullName(dossier));
    f.field(tx.t('arrangement.born'), tx.date(dossier.geboortedatum));
    f.field(tx.t('arrangement.school'), dossier.schoolName);
    f.field(tx.t('arrangement.groep'), tx.label('groep', dossier.groep));
  } else if (a.route === 3 && a.pupils.length === 0) {
    f.para(tx.t('arrangement.innovation'), { bold: true });
    if (a.schoolName) f.field(tx.t('arrangement.school'), a.schoolName);
  } else {
    if (a.route === 3) f.para(tx.t('arrangement.innovation'), { bold: true });
    if (a.pupilScope === 'een_leerling' && a.dossierName) f.field(tx.t('arrangement.pupil'), a.dossierName);
    else f.field(tx.t('arrangement.scope'), tx.label('pupil_scope', a.pupilScope));
    if (a.schoolName) f.field(tx.t('arrangement.school'), a.schoolName);
    if (a.pupilCount > 0) f.field(tx.t('arrangement.pupil_count'), String(a.pupilCount));
    const involved = a.pupils.map((p) => p.label).filter((l) => l.trim());
    if (involved.length) f.field(tx.t('arrangement.pupils'), involved.join('; '));
  }
  f.field(tx.t('arrangement.werkgebied'), a.werkgebiedName);
  f.field(tx.t('arrangement.route'), tx.label('route', a.route));
  f.field(tx.t('arrangement.targets'), a.targets.map((t) => tx.label('target', t)).join(', '));
  f.field(tx.t('arrangement.period'), period);
  if (periodWarnings(a.startDate, a.endDate).length > 0) {
    f.para(tx.t('arrangement.period_over_one_year'), { bold: true, color: '#b00000' });
  }

  f.section(tx.t('arrangement.vraag'), a.ondersteuningsvraag);

  f.heading(tx.t('arrangement.goals'));
  if (a.goals.length === 0) f.para(tx.t('arrangement.goals_none'));
  else
    f.table(
      [
        { header: '#', share: 0.06 },
        { header: tx.t('arrangement.col.wat'), share: 0.42 },
        { header: tx.t('arrangement.col.resultaat'), share: 0.37 },
        { header: tx.t('arrangement.col.wanneer'), share: 0.15 },
      ],
      a.goals.map((g, i) => [String(i + 1), g.wat, g.resultaat, tx.shortDate(g.wanneer)]),
    );

  f.heading(tx.t('arrangement.inzet'));
  if (a.inzet.length === 0) f.para(tx.t('arrangement.inzet_none'));
  else {
    const columns: Column[] = [
      { header: tx.t('arrangement.col.type'), share: 0.21 },
      { header: tx.t('arrangement.col.provider'), share: 0.19 },
      { header: tx.t('arrangement.col.hours'), share: 0.12 },
      { header: tx.t('arrangement.col.weeks'), share: 0.1 },
      { header: tx.t('arrangement.col.rate'), share: 0.2 },
      { header: tx.t('arrangement.col.cost'), share: 0.18 },
    ];
    f.table(
      columns,
      a.inzet.map((l) => {
        const type = l.type === 'anders' && l.typeOther ? l.typeOther : tx.label('inzet_type', l.type);
        return l.unit === 'vast'
          ? [type, l.provider, '', '', tx.t('arrangement.fixed'), euro(l.costCents)]
          : [
              type, l.provider, formatDecimal(l.hoursPerWeekCenti, 2, lang), String(l.weeks),
              tx.t('arrangement.per_hour', { amount: euro(l.rateCents) }), euro(l.costCents),
            ];
      }),
    );
    boldRow(f, columns, [tx.t('arrangement.total'), '', '', '', '', euro(a.totalCents)]);
  }
  if (a.perYear.length > 1) {
    f.field(tx.t('arrangement.per_year'), a.perYear.map((y) => `${y.yearKey}: ${euro(y.cents)}`).join('; '));
  }

  f.heading(tx.t('arrangement.evaluation_moments'));
  if (a.evaluationDates.length === 0) f.para(tx.t('arrangement.evaluation_moments_none'));
  else a.evaluationDates.forEach((d, i) => f.para(`${i + 1}.  ${tx.date(d)}`, { indent: 6 }));

  if (a.mdoId || a.followUpOf) {
    f.heading(tx.t('arrangement.origin'));
    if (a.mdoId) {
      const mdo = data.mdo;
      f.para(mdo && mdo.id === a.mdoId
        ? tx.t('arrangement.mdo_linked', { date: tx.date(mdo.datum) })
        : tx.t('arrangement.mdo_linked_nodate'));
    }
    if (a.followUpOf) f.para(tx.t('arrangement.follow_up'));
  }

  if (a.toelichting) f.section(tx.t('arrangement.toelichting'), a.toelichting);

  consent(f, tx, a);
  if (budget) budgetBlock(f, tx, a, budget, euro);
  decision(f, tx, a);
  evaluation(f, tx, a, euro);

  const pages = stampPages(doc, tx, {
    header,
    footerLeft: madeWith(tx, ctx),
    ...(concept ? { watermark: tx.t('arrangement.watermark') } : {}),
  });
  return finish(doc, pages);
}

/** The header's second line when there is no single pupil: a group, the pupils, or the innovation project. */
function whom(tx: Texts, a: Arrangement): string {
  if (a.route === 3 && a.pupils.length === 0) return tx.t('arrangement.innovation');
  if (a.pupilScope === 'een_leerling' && a.dossierName) return a.dossierName;
  const scope = tx.label('pupil_scope', a.pupilScope);
  return a.pupilCount > 0 ? `${scope} (${a.pupilCount})` : scope;
}

/** A bold row under a table drawn by Flow.table, in the same columns (the total). */
function boldRow(f: Flow, columns: Column[], cells: string[]): void {
  const doc = f.doc;
  const pad = 4;
  const size = f.style.body - 1;
  const widths = columns.map((c) => c.share * f.width);
  doc.font(BOLD).fontSize(size);
  const h = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: (widths[i] ?? 0) - 2 * pad }))) + 2 * pad;
  doc.y -= 4; // Flow.table leaves 4pt below its last row
  f.ensure(h + 2);
  const y = doc.y;
  let x = f.left;
  doc.fillColor(COLOR.text);
  cells.forEach((c, i) => {
    if (c) doc.text(c, x + pad, y + pad, { width: (widths[i] ?? 0) - 2 * pad, lineBreak: false });
    x += widths[i] ?? 0;
  });
  doc.moveTo(f.left, y + h).lineTo(f.left + f.width, y + h).lineWidth(1).strokeColor(COLOR.text).stroke();
  doc.x = f.left;
  doc.y = y + h + 4;
}

function consent(f: Flow, tx: Texts, a: Arrangement): void {
  f.heading(tx.t('arrangement.consent'));
  if (a.consent.length === 0) {
    f.para(tx.t('arrangement.consent_none'));
    return;
  }
  f.table(
    [
      { header: tx.t('col.parent'), share: 0.27 },
      { header: tx.t('col.besluit'), share: 0.2 },
      { header: tx.t('col.datum'), share: 0.25 },
      { header: tx.t('col.wijze'), share: 0.28 },
    ],
    a.consent.map((c) => [c.parentName, tx.label('consent', c.besluit), tx.date(c.datum), c.wijze ? tx.label('consent_way', c.wijze) : '']),
  );
}

function budgetBlock(
  f: Flow, tx: Texts, a: Arrangement, b: Output<'arrangements:budgetEffect'>, euro: (c: number) => string,
): void {
  f.heading(tx.t('arrangement.budget'));
  f.para(tx.t('arrangement.budget_year', { werkgebied: a.werkgebiedName, year: b.yearKey }));
  f.table(
    [
      { header: '', share: 0.31 },
      { header: tx.t('arrangement.col.allocated'), share: 0.23 },
      { header: tx.t('arrangement.col.committed'), share: 0.23 },
      { header: tx.t('arrangement.col.remaining'), share: 0.23 },
    ],
    [
      [tx.t('arrangement.budget_before'), euro(b.before.allocatedCents), euro(b.before.committedCents), euro(b.before.remainingCents)],
      [tx.t('arrangement.budget_after'), euro(b.after.allocatedCents), euro(b.after.committedCents), euro(b.after.remainingCents)],
    ],
  );
  if (b.warnings.length === 0) f.para(tx.t('arrangement.budget_ok'));
  for (const w of b.warnings) f.para(tx.label('budget_warning', w), { bold: true, color: '#b00000' });
}

function decision(f: Flow, tx: Texts, a: Arrangement): void {
  if (!a.decision) return;
  f.heading(tx.t('arrangement.decision'));
  // The outcome is the last move to a decision status; the arrangement may have moved on since (lopend, …).
  const last = [...a.history].reverse().find((h) => (DECISIONS as readonly string[]).includes(h.to));
  const status = last ? last.to : a.status;
  f.para(tx.t('arrangement.decision_line', { status: tx.label('arr_status', status), date: tx.date(a.decision.decidedAt) }), { bold: true });
  if (a.decision.note) f.field(tx.t('arrangement.decision_note'), a.decision.note);
}

function evaluation(f: Flow, tx: Texts, a: Arrangement, euro: (c: number) => string): void {
  const ev = a.evaluation;
  if (!ev) return;
  f.heading(tx.t('arrangement.evaluation'));
  f.para(tx.t('arrangement.evaluated', { date: tx.date(ev.at), name: ev.byName }), { bold: true });
  const byId = new Map(a.goals.map((g, i) => [g.id, { g, i }]));
  if (ev.goals.length)
    f.table(
      [
        { header: '#', share: 0.06 },
        { header: tx.t('arrangement.col.wat'), share: 0.38 },
        { header: tx.t('arrangement.col.result'), share: 0.18 },
        { header: tx.t('arrangement.col.toelichting'), share: 0.38 },
      ],
      ev.goals.map((r) => {
        const goal = byId.get(r.goalId);
        return [goal ? String(goal.i + 1) : '', goal?.g.wat ?? '', tx.label('goal_result', r.result), r.toelichting];
      }),
    );
  f.field(tx.t('arrangement.effect'), ev.effectLeerkrachtTeam);
  f.field(tx.t('arrangement.visie_kind'), ev.visieKind);
  f.field(tx.t('arrangement.vervolgstap'), ev.vervolgstap);
  if (ev.actuals.length) f.field(tx.t('arrangement.actuals'), ev.actuals.map((x) => `${x.yearKey}: ${euro(x.cents)}`).join('; '));
}
