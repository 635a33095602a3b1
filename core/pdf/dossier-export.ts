// The dossier export as a document for people: for the parents (inzage, AVG art. 15) or for the
// receiving school (overdracht). Rendered from the same object as the JSON, so the overdracht PDF
// cannot show a field the JSON left out. Documents follow in docs order; dossier-export-docs.ts.
import type { DossierExport } from '../../shared/contract/export.js';
import { fullName } from '../../shared/domain/dossier.js';
import { localeOf } from '../../shared/format.js';
import type { Lang } from '../../shared/i18n/index.js';
import { madeWith } from './common.js';
import { createDoc, finish, stampPages, type HeaderLines } from './doc.js';
import { arrangementSections, kindgesprekSections, mdoSections, tlvSections } from './dossier-export-docs.js';
import { Flow } from './flow.js';
import { texts, type Texts } from './texts.js';
import type { PdfContext, RenderedPdf } from './types.js';

export function renderDossierExport(data: DossierExport, ctx: PdfContext): Promise<RenderedPdf> {
  return renderDossierExportIn('nl', data, ctx);
}

export async function renderDossierExportIn(lang: Lang, data: DossierExport, ctx: PdfContext): Promise<RenderedPdf> {
  const tx = texts(lang);
  const x = (key: string, vars?: Record<string, string | number>) => tx.t(`export.${key}`, vars);
  const { dossier, kind } = data;
  const label = x(`label_${kind}`);
  const header: HeaderLines = {
    left: [data.association.name, fullName(dossier), `${dossier.schoolName} · ${tx.label('groep', dossier.groep)}`],
    right: [label, tx.t('born', { date: tx.date(dossier.geboortedatum) }), tx.date(data.exportedAt)],
  };
  // The metadata title never names the pupil (file managers and viewers show it).
  const doc = createDoc({ ctx, locale: localeOf(lang), title: x(`meta_title_${kind}`, { date: tx.date(data.exportedAt) }), header });
  const f = new Flow(doc, tx);

  cover(f, tx, x, data);
  pupil(f, tx, x, data);
  timeline(f, tx, x, data);
  mdoSections(f, tx, data);
  kindgesprekSections(f, tx, data);
  arrangementSections(f, tx, data);
  tlvSections(f, tx, data);
  attachments(f, tx, x, data);
  processing(f, x, data);

  const pages = stampPages(doc, tx, { header, footerLeft: madeWith(tx, ctx) });
  return finish(doc, pages);
}

type X = (key: string, vars?: Record<string, string | number>) => string;

function cover(f: Flow, tx: Texts, x: X, data: DossierExport): void {
  f.title(x(`title_${data.kind}`));
  const association = data.association.name || tx.t('empty');
  if (data.kind === 'inzage') f.para(x('intro_inzage', { association }));
  else f.para(x('intro_overdracht', { association, bestemming: data.transfer?.bestemming ?? '' }));
  f.space(4);
  f.field(x('name'), fullName(data.dossier));
  f.field(x('exported_at'), tx.dateTime(data.exportedAt));
  if (data.exportedByName) f.field(x('exported_by'), data.exportedByName);
  if (data.transfer) {
    f.field(x('bestemming'), data.transfer.bestemming);
    f.heading(x('left_out_title'));
    f.para(x('left_out'));
  }
  f.heading(x('contents'));
  f.field(x('count_mdos'), String(data.mdos.length));
  f.field(x('count_kg'), String(data.kindgesprekken.length));
  f.field(x('count_arr'), String(data.arrangements.length));
  f.field(x('count_tlv'), String(data.tlvs.length));
  f.field(x('count_att'), String(data.attachments.length));
}

function pupil(f: Flow, tx: Texts, x: X, data: DossierExport): void {
  const d = data.dossier;
  f.doc.addPage();
  f.title(x('pupil'));
  f.field(x('name'), fullName(d));
  f.field(x('born'), tx.date(d.geboortedatum));
  f.field(x('school'), d.schoolName);
  f.field(x('groep'), tx.label('groep', d.groep));
  f.field(x('werkgebied'), d.werkgebiedName);
  f.field(x('niveau'), tx.label('niveau', d.niveau));
  f.field(x('status'), tx.label('status', d.status));
  f.field(x('created'), tx.date(d.createdAt));
  if (d.closedAt) f.field(x('closed'), tx.date(d.closedAt));
  f.section(x('notes'), d.notes);

  f.heading(x('parents'));
  if (d.parents.length === 0) f.para(x('none'));
  else
    f.table(
      [
        { header: x('name'), share: 0.28 },
        { header: x('col_relation'), share: 0.18 },
        { header: x('col_gezag'), share: 0.12 },
        { header: x('col_contact'), share: 0.42 },
      ],
      d.parents.map((p) => [p.name, tx.label('relation', p.relation), tx.yesNo(p.gezag), [p.phone, p.email].filter(Boolean).join('\n')]),
    );
  f.heading(x('involved'));
  if (d.involved.length === 0) f.para(x('none'));
  else
    f.table(
      [
        { header: x('name'), share: 0.34 },
        { header: tx.t('col.role'), share: 0.33 },
        { header: x('col_organisation'), share: 0.33 },
      ],
      d.involved.map((i) => [i.name, tx.label('involved', i.role), i.organisation]),
    );
}

function timeline(f: Flow, tx: Texts, x: X, data: DossierExport): void {
  f.heading(x('timeline'));
  if (data.timeline.length === 0) {
    f.para(x('none'));
    return;
  }
  f.table(
    [
      { header: x('col_when'), share: 0.26 },
      { header: x('col_event'), share: 0.46 },
      { header: x('col_by'), share: 0.28 },
    ],
    data.timeline.map((e) => [tx.dateTime(e.at), tx.label('timeline', e.type), e.actorName]),
  );
}

function attachments(f: Flow, tx: Texts, x: X, data: DossierExport): void {
  f.heading(x('attachments'));
  if (data.attachments.length === 0) {
    f.para(x('none'));
    return;
  }
  if (data.kind === 'inzage') f.para(x('sha_note'));
  const kb = (n: number) => `${new Intl.NumberFormat(localeOf(tx.lang), { maximumFractionDigits: 0 }).format(Math.max(1, Math.round(n / 1024)))} kB`;
  f.table(
    [
      { header: x('col_file'), share: 0.3 },
      { header: x('col_type'), share: 0.16 },
      { header: x('col_size'), share: 0.1 },
      { header: x('col_sha'), share: 0.44 },
    ],
    data.attachments.map((a) => [
      a.base64 === null ? `${a.name}\n${x('file_pending')}` : a.name, tx.label('media_type', a.mediaType), kb(a.sizeBytes),
      // In blocks of eight: readable, and a table cell wraps between blocks rather than anywhere.
      a.sha256.replace(/(.{8})(?=.)/g, '$1 '),
    ]),
  );
}

function processing(f: Flow, x: X, data: DossierExport): void {
  const p = data.processing;
  if (!p) return;
  f.doc.addPage();
  f.title(x('processing_title'));
  f.section(x('p_controller'), p.controller);
  const list = (title: string, items: string[]) => {
    f.heading(title);
    for (const item of items) f.para(`•  ${item}`, { indent: 6 });
  };
  list(x('p_purposes'), p.purposes);
  list(x('p_categories'), p.categories);
  list(x('p_recipients'), p.recipients);
  f.section(x('p_retention'), p.retention);
  list(x('p_rights'), p.rights);
  f.section(x('p_complaint'), p.complaint);
}
