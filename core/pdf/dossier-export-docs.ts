// The documents of a dossier export (dossier-export.ts): every MDO version, kindgesprek, arrangement
// and TLV application. A field an overdracht left out is `undefined` here and is simply not printed.
import type { DossierExport } from '../../shared/contract/export.js';
import { FACTOR_SOURCES } from '../../shared/domain/mdo.js';
import { formatEuro } from '../../shared/domain/money.js';
import { mdoWhen } from './common.js';
import { COLOR } from './doc.js';
import type { Flow } from './flow.js';
import { answeredTopics } from './kindgesprek-kind.js';
import type { Texts } from './texts.js';

type Consent = { parentName: string; besluit: string; datum: string; wijze: string | null };

/** A new page for a document group, unless the previous group left the page empty. */
function group(f: Flow, title: string): void {
  if (f.doc.y > f.top + 1) f.doc.addPage();
  f.title(title);
}

/** An enum label, or the code itself for a code the app does not know (an association's own document kind). */
function labelOr(tx: Texts, groupName: string, code: string): string {
  const label = tx.label(groupName, code);
  return label.startsWith('enums.') ? code : label;
}

function consentTable(f: Flow, tx: Texts, rows: Consent[]): void {
  if (rows.length === 0) return f.para(tx.t('export.none'));
  f.table(
    [
      { header: tx.t('col.parent'), share: 0.27 },
      { header: tx.t('col.besluit'), share: 0.2 },
      { header: tx.t('col.datum'), share: 0.25 },
      { header: tx.t('col.wijze'), share: 0.28 },
    ],
    rows.map((c) => [c.parentName, tx.label('consent', c.besluit), tx.date(c.datum), c.wijze ? tx.label('consent_way', c.wijze) : '']),
  );
}

export function mdoSections(f: Flow, tx: Texts, data: DossierExport): void {
  group(f, tx.t('export.mdos'));
  if (data.mdos.length === 0) return f.para(tx.t('export.none'));
  for (const m of data.mdos) {
    f.heading(tx.t('export.mdo_heading', { date: tx.date(m.datum), n: m.version, status: tx.label('mdo_status', m.status) }));
    f.field(tx.t('verslag.when'), mdoWhen(tx, m));
    if (m.version > 1) f.para(tx.t('verslag.correction', { n: m.version, reason: m.correctieReden }), { bold: true });
    if (m.supersededBy) f.para(tx.t('export.superseded'), { color: COLOR.muted });
    if (m.agenda.length) f.field(tx.t('export.agenda'), m.agenda.join('; '));
    if (m.attendees.length)
      f.field(
        tx.t('verslag.attendees'),
        m.attendees.map((a) => `${a.name} (${a.role === 'anders' && a.roleOther ? a.roleOther : tx.label('mdo_role', a.role)})`).join('; '),
      );
    f.field(tx.t('verslag.child_present'), tx.label('kind_aanwezig', m.kindAanwezig));
    f.field(tx.t('verslag.child_input'), tx.label('kind_inbreng', m.kindInbreng));
    if (m.kindInbrengToelichting) f.field(tx.t('verslag.child_input_note'), m.kindInbrengToelichting);
    f.subheading(tx.t('verslag.vraag'));
    f.field(tx.t('verslag.vraag_school'), m.ondersteuningsvraagSchool);
    f.field(tx.t('verslag.vraag_ouders'), m.ondersteuningsvraagOuders);
    f.field(tx.t('verslag.vraag_kind'), m.ondersteuningsvraagKind);
    sub(f, tx.t('verslag.goed'), m.watGaatGoed);
    sub(f, tx.t('verslag.zorgen'), m.zorgen);
    for (const kind of ['stimulerend', 'belemmerend'] as const) {
      f.subheading(tx.t(`verslag.${kind}`));
      for (const source of FACTOR_SOURCES) f.field(tx.label('factor', source), m[kind][source]);
    }
    sub(f, tx.t('verslag.onderwijsbehoeften'), m.onderwijsbehoeften);
    sub(f, tx.t('verslag.leerkracht'), m.ondersteuningsbehoefteLeerkracht);
    if (m.crucialeDoelen !== undefined) sub(f, tx.t('verslag.doelen'), m.crucialeDoelen);
    if (m.afspraken !== undefined) {
      f.subheading(tx.t('verslag.afspraken'));
      if (m.afspraken.length === 0) f.para(tx.t('verslag.afspraken_none'));
      else
        f.table(
          [
            { header: tx.t('col.wat'), share: 0.6 },
            { header: tx.t('col.wie'), share: 0.24 },
            { header: tx.t('col.wanneer'), share: 0.16 },
          ],
          m.afspraken.map((a) => [a.wat, a.wie, tx.shortDate(a.wanneer)]),
        );
    }
    if (m.regiehouder !== undefined) f.field(tx.t('verslag.regiehouder'), m.regiehouder);
    sub(f, tx.t('verslag.visie_ouders'), m.visieOuders);
    sub(f, tx.t('verslag.stem_kind'), m.stemVanHetKind);
    sub(f, tx.t('verslag.weging'), m.wegingKindvisie);
    if (m.evaluatiedatum !== undefined) f.field(tx.t('verslag.evaluatie'), tx.date(m.evaluatiedatum));
    if (m.consent !== undefined) {
      f.subheading(tx.t('verslag.consent'));
      consentTable(f, tx, m.consent);
    }
    if (m.vastgesteldAt) f.para(tx.t('verslag.vastgesteld', { date: tx.date(m.vastgesteldAt), name: m.vastgesteldByName ?? '' }));
  }
  if (data.actions?.length) {
    f.heading(tx.t('export.actions'));
    f.table(
      [
        { header: tx.t('col.wat'), share: 0.5 },
        { header: tx.t('col.wie'), share: 0.2 },
        { header: tx.t('col.wanneer'), share: 0.15 },
        { header: tx.t('col.status'), share: 0.15 },
      ],
      data.actions.map((a) => [a.wat, a.wie, tx.shortDate(a.wanneer), tx.label('afspraak_status', a.status)]),
    );
  }
}

function sub(f: Flow, title: string, text: string): void {
  f.subheading(title);
  f.para(text);
}

export function kindgesprekSections(f: Flow, tx: Texts, data: DossierExport): void {
  group(f, tx.t('export.kindgesprekken'));
  if (data.kindgesprekken.length === 0) return f.para(tx.t('export.none'));
  for (const kg of data.kindgesprekken) {
    f.heading(tx.t('export.kg_heading', { date: tx.date(kg.datum), status: tx.label('kg_status', kg.status) }));
    f.field(tx.t('kg_pro.leeftijd'), tx.label('kg_age', kg.leeftijd));
    for (const t of answeredTopics({ ...kg, revision: 0 })) {
      f.subheading(tx.prompt(kg.leeftijd, t.topic));
      const scales: string[] = [];
      if (t.smiley !== null) scales.push(tx.t('kg_pro.smiley', { label: tx.label('smiley', t.smiley), n: t.smiley }));
      if (t.nu !== null || t.doel !== null) scales.push(tx.t('kg_pro.thermo', { nu: t.nu ?? tx.t('empty'), doel: t.doel ?? tx.t('empty') }));
      if (scales.length) f.para(scales.join('   ·   '), { color: COLOR.muted });
      if (t.woorden.trim()) f.para(`“${t.woorden}”`, { indent: 18 });
    }
    sub(f, tx.t('kg_pro.observaties'), kg.observaties);
    f.field(tx.t('kg_pro.delen_ouders'), tx.yesNo(kg.delenMetOuders));
    f.field(tx.t('kg_pro.delen_school'), tx.yesNo(kg.delenMetSchool));
    if (kg.delenToelichting) f.field(tx.t('kg_pro.toelichting'), kg.delenToelichting);
    sub(f, tx.t('kg_pro.samenvatting'), kg.samenvatting);
  }
}

export function arrangementSections(f: Flow, tx: Texts, data: DossierExport): void {
  group(f, tx.t('export.arrangements'));
  if (data.arrangements.length === 0) return f.para(tx.t('export.none'));
  const euro = (c: number) => formatEuro(c, tx.lang);
  for (const a of data.arrangements) {
    f.heading(tx.t('export.arr_heading', { title: a.title, status: tx.label('arr_status', a.status) }));
    f.field(tx.t('arrangement.route'), tx.label('route', a.route));
    f.field(tx.t('arrangement.targets'), a.targets.map((t) => tx.label('target', t)).join(', '));
    f.field(tx.t('arrangement.period'), tx.t('arrangement.period_range', { start: tx.date(a.startDate), end: tx.date(a.endDate) }));
    f.field(tx.t('arrangement.total'), euro(a.totalCents));
    sub(f, tx.t('arrangement.vraag'), a.ondersteuningsvraag);
    if (a.goals !== undefined) {
      f.subheading(tx.t('arrangement.goals'));
      if (a.goals.length === 0) f.para(tx.t('arrangement.goals_none'));
      for (const g of a.goals) f.para(`•  ${[g.wat, g.resultaat, tx.shortDate(g.wanneer)].filter(Boolean).join(' — ')}`, { indent: 6 });
    }
    if (a.inzet !== undefined) {
      f.subheading(tx.t('arrangement.inzet'));
      if (a.inzet.length === 0) f.para(tx.t('arrangement.inzet_none'));
      for (const l of a.inzet) {
        const type = l.type === 'anders' && l.typeOther ? l.typeOther : tx.label('inzet_type', l.type);
        f.para(`•  ${[type, l.provider, euro(l.costCents)].filter(Boolean).join(' — ')}`, { indent: 6 });
      }
    }
    if (a.evaluationDates !== undefined) {
      f.field(tx.t('arrangement.evaluation_moments'), a.evaluationDates.map((d) => tx.date(d)).join('; '));
    }
    if (a.toelichting) sub(f, tx.t('arrangement.toelichting'), a.toelichting);
    if (a.parentsView) sub(f, tx.t('export.parents_view'), a.parentsView);
    if (a.childView) sub(f, tx.t('export.child_view'), a.childView);
    if (a.consent !== undefined) {
      f.subheading(tx.t('arrangement.consent'));
      consentTable(f, tx, a.consent);
    }
    if (a.decision) {
      f.field(tx.t('arrangement.decision'), [tx.date(a.decision.decidedAt), a.decision.note].filter(Boolean).join(' — '));
    }
    if (a.evaluation) {
      const ev = a.evaluation;
      f.subheading(tx.t('arrangement.evaluation'));
      f.para(tx.t('arrangement.evaluated', { date: tx.date(ev.at), name: ev.byName }));
      f.field(tx.t('arrangement.effect'), ev.effectLeerkrachtTeam);
      f.field(tx.t('arrangement.visie_kind'), ev.visieKind);
      f.field(tx.t('arrangement.vervolgstap'), ev.vervolgstap);
    }
  }
}

export function tlvSections(f: Flow, tx: Texts, data: DossierExport): void {
  group(f, tx.t('export.tlvs'));
  if (data.tlvs.length === 0) return f.para(tx.t('export.none'));
  for (const t of data.tlvs) {
    f.heading(tx.t('export.tlv_heading', { type: tx.label('tlv_type', t.type), status: tx.label('tlv_status', t.status) }));
    f.field(tx.t('export.tlv_kind'), tx.label('tlv_kind', t.kind));
    if (t.receivingSchool) f.field(tx.t('export.receiving_school'), t.receivingSchool);
    if (t.category) f.field(tx.t('export.category'), labelOr(tx, 'tlv_category', t.category));
    if (t.periodStart || t.periodEnd) {
      f.field(tx.t('arrangement.period'), tx.t('arrangement.period_range', { start: tx.date(t.periodStart), end: tx.date(t.periodEnd) }));
    }
    if (t.submittedAt) f.field(tx.t('export.submitted'), tx.date(t.submittedAt));
    if (t.previousTlvNumber) f.field(tx.t('export.previous_tlv'), t.previousTlvNumber);
    const number = t.commissionDecision?.tlvNumber || t.tlvNumber;
    if (number) f.field(tx.t('export.tlv_number'), number);
    f.subheading(tx.t('export.advices'));
    t.advices.forEach((a, i) => {
      f.field(tx.t('export.advice_n', { n: i + 1 }), [a.name, a.discipline, tx.date(a.date)].filter(Boolean).join(', '));
      if (a.advice) f.para(a.advice, { indent: 12 });
    });
    if (t.documents.length) {
      f.subheading(tx.t('export.documents'));
      for (const d of t.documents) {
        const names = d.attachmentIds.map((id) => data.attachments.find((x) => x.id === id)?.name ?? '').filter(Boolean);
        f.para(`•  ${[labelOr(tx, 'tlv_document', d.key), tx.date(d.date), d.note, names.join(', ')].filter(Boolean).join(' — ')}`, { indent: 6 });
      }
    }
    sub(f, tx.t('export.parents_view'), t.parentsView);
    sub(f, tx.t('export.child_view'), t.childView);
    if (t.consent !== undefined) {
      f.field(tx.t('export.consent'), tx.t('export.consent_line', {
        besluit: tx.label('consent', t.consent.besluit), date: tx.date(t.consent.datum) || tx.t('empty'), name: t.consent.byName || tx.t('empty'),
      }));
    }
    if (t.toelichting) sub(f, tx.t('arrangement.toelichting'), t.toelichting);
    const d = t.commissionDecision;
    if (d) {
      f.subheading(tx.t('export.decision'));
      f.para(tx.t('export.decision_line', { decision: tx.label('decision', d.decision), date: tx.date(d.decidedAt) }), { bold: true });
      if (d.reasons) f.field(tx.t('export.reasons'), d.reasons);
    }
  }
}
