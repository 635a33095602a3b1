// The kindgesprek as the child gets it: large type, short sentences, the child's own words, drawn
// smileys and thermometers. Deliberately without the consultant's observations or summary.
import { KG_TOPICS } from '../../shared/domain/mdo.js';
import type { Kindgesprek } from '../../shared/contract/index.js';
import { localeOf } from '../../shared/format.js';
import type { Lang } from '../../shared/i18n/index.js';
import { COLOR, FONT, createDoc, finish, stampPages } from './doc.js';
import { drawSmiley, drawThermometer } from './drawings.js';
import { Flow, type FlowStyle } from './flow.js';
import { texts, type Texts } from './texts.js';
import type { KindgesprekData, PdfContext, RenderedPdf } from './types.js';

const KID: FlowStyle = { body: 14, heading: 16, subheading: 15, title: 24 };

type Topic = Kindgesprek['topics'][number];

/** Topics in the order they were asked; topics the child said nothing about are left out. */
export function answeredTopics(kg: Kindgesprek): Topic[] {
  return [...kg.topics]
    .filter((t) => t.smiley !== null || t.nu !== null || t.doel !== null || t.woorden.trim() !== '')
    .sort((a, b) => KG_TOPICS.indexOf(a.topic) - KG_TOPICS.indexOf(b.topic));
}

export async function renderKindgesprekKindIn(lang: Lang, data: KindgesprekData, ctx: PdfContext): Promise<RenderedPdf> {
  const tx = texts(lang);
  const { dossier, kindgesprek: kg } = data;
  const doc = createDoc({ ctx, locale: localeOf(lang), title: tx.t('kg_kind.meta_title', { date: tx.date(kg.datum) }) });
  const f = new Flow(doc, tx, KID);

  f.title(tx.t('kg_kind.title'));
  f.para(tx.t('kg_kind.intro', { name: dossier.voornaam, date: tx.date(kg.datum) }));

  for (const topic of answeredTopics(kg)) {
    f.heading(tx.prompt(kg.leeftijd, topic.topic));
    drawScales(f, tx, topic);
    if (topic.woorden.trim()) {
      f.ensure(KID.body * 3.5);
      f.para(tx.t('kg_kind.you_said'), { bold: true });
      f.para(topic.woorden, { indent: 14 });
    }
  }

  f.heading(tx.t('kg_kind.share_title'));
  const parentsKey = kg.leeftijd === 'g1_4' ? 'kg_kind.share_parents_young' : 'kg_kind.share_parents';
  f.para(tx.t(parentsKey, { answer: tx.yesNo(kg.delenMetOuders) }));
  f.para(tx.t('kg_kind.share_school', { answer: tx.yesNo(kg.delenMetSchool) }));
  f.space(10);
  f.para(tx.t('kg_kind.thanks'), { bold: true });

  const pages = stampPages(doc, tx, { footerLeft: '' });
  return finish(doc, pages);
}

/** The smiley on the left; its label and the nu/doel thermometers beside it. */
function drawScales(f: Flow, tx: Texts, topic: Topic): void {
  const doc = f.doc;
  const bars = (
    [
      ['kg_kind.nu', topic.nu, '#f0a030'],
      ['kg_kind.doel', topic.doel, '#3c9d5d'],
    ] as const
  ).filter(([, value]) => value !== null);
  if (topic.smiley === null && bars.length === 0) return;
  const r = 26;
  const x = f.left + (topic.smiley !== null ? 2 * r + 18 : 0);
  const labelH = topic.smiley !== null ? KID.body * 1.7 : 0;
  const barH = KID.body * 1.1 + 12;
  const height = Math.max(topic.smiley !== null ? 2 * r : 0, labelH + bars.length * barH);
  f.ensure(height + 8);
  const top = doc.y + 4;
  let y = top;
  if (topic.smiley !== null) {
    drawSmiley(doc, f.left + r, top + r, r, topic.smiley);
    doc.font(FONT).fontSize(KID.body).fillColor(COLOR.text);
    doc.text(tx.t('kg_kind.smiley', { label: tx.label('smiley', topic.smiley) }), x, y, { width: f.left + f.width - x, lineBreak: false });
    y += labelH;
  }
  for (const [key, value, color] of bars) {
    const width = Math.min(f.left + f.width - x, 340);
    y += drawThermometer(doc, { x, y, width, label: tx.t(key), value: value ?? 0, color, size: KID.body }) + 12;
  }
  doc.x = f.left;
  doc.y = top + height + 8;
}
