// The kindgesprek for the file: everything, with the child's words set apart (quoted, indented)
// from the consultant's observations, which have their own heading.
import { localeOf } from '../../shared/format.js';
import type { Lang } from '../../shared/i18n/index.js';
import { madeWith, pupilHeader } from './common.js';
import { COLOR, createDoc, finish, stampPages } from './doc.js';
import { Flow } from './flow.js';
import { answeredTopics } from './kindgesprek-kind.js';
import { texts } from './texts.js';
import type { KindgesprekData, PdfContext, RenderedPdf } from './types.js';

export async function renderKindgesprekProfessionalIn(
  lang: Lang,
  data: KindgesprekData,
  ctx: PdfContext,
): Promise<RenderedPdf> {
  const tx = texts(lang);
  const { dossier, kindgesprek: kg } = data;
  const header = pupilHeader(
    tx,
    ctx,
    dossier,
    tx.t('kg_pro.doc_label'),
    tx.t('kg_pro.when', { date: tx.date(kg.datum), band: tx.label('kg_age', kg.leeftijd) }),
  );
  const doc = createDoc({ ctx, locale: localeOf(lang), title: tx.t('kg_pro.meta_title', { date: tx.date(kg.datum) }), header });
  const f = new Flow(doc, tx);

  f.title(tx.t('kg_pro.title'));
  f.field(tx.t('kg_pro.datum'), tx.date(kg.datum));
  f.field(tx.t('kg_pro.leeftijd'), tx.label('kg_age', kg.leeftijd));
  f.field(tx.t('kg_pro.status'), tx.label('kg_status', kg.status));

  f.heading(tx.t('kg_pro.topics'));
  const topics = answeredTopics(kg);
  if (topics.length === 0) f.para('');
  for (const t of topics) {
    f.subheading(tx.prompt(kg.leeftijd, t.topic));
    const scales: string[] = [];
    if (t.smiley !== null) scales.push(tx.t('kg_pro.smiley', { label: tx.label('smiley', t.smiley), n: t.smiley }));
    if (t.nu !== null || t.doel !== null) {
      scales.push(tx.t('kg_pro.thermo', { nu: t.nu ?? tx.t('empty'), doel: t.doel ?? tx.t('empty') }));
    }
    if (scales.length) f.para(scales.join('   ·   '), { color: COLOR.muted });
    if (t.woorden.trim()) {
      f.ensure(f.style.body * 3.5);
      f.para(tx.t('kg_pro.words'), { bold: true, size: f.style.body - 1 });
      f.para(`“${t.woorden}”`, { indent: 18 });
    }
  }

  f.section(tx.t('kg_pro.observaties'), kg.observaties);

  f.heading(tx.t('kg_pro.delen'));
  f.field(tx.t('kg_pro.delen_ouders'), tx.yesNo(kg.delenMetOuders));
  f.field(tx.t('kg_pro.delen_school'), tx.yesNo(kg.delenMetSchool));
  f.field(tx.t('kg_pro.toelichting'), kg.delenToelichting);

  f.section(tx.t('kg_pro.samenvatting'), kg.samenvatting);

  const pages = stampPages(doc, tx, { header, footerLeft: madeWith(tx, ctx) });
  return finish(doc, pages);
}
