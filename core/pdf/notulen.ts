// The notulen of a commission meeting, for the members: meeting details, the members present, per
// agenda item the pupil (in full), the kind and the decision, the notulen text, and "Vastgesteld op …
// door …" — or a CONCEPT watermark while they are not vastgesteld.
import type { PackMeeting } from '../../db/repos/commission-pack-data.js';
import { agendaTimes } from '../../shared/domain/commission.js';
import { localeOf } from '../../shared/format.js';
import type { Lang } from '../../shared/i18n/index.js';
import { caseName, decisionLine, kindOf } from './commission-case.js';
import { madeWith } from './common.js';
import { createDoc, finish, stampPages, type HeaderLines } from './doc.js';
import { Flow } from './flow.js';
import { texts } from './texts.js';
import type { PdfContext, RenderedPdf } from './types.js';

export interface NotulenData {
  meeting: PackMeeting;
  memberRoles: readonly { key: string; label: string }[];
  categories: readonly { key: string; label: string }[];
}

export function renderNotulen(data: NotulenData, ctx: PdfContext): Promise<RenderedPdf> {
  return renderNotulenIn('nl', data, ctx);
}

export async function renderNotulenIn(lang: Lang, data: NotulenData, ctx: PdfContext): Promise<RenderedPdf> {
  const tx = texts(lang);
  const mt = data.meeting;
  const vastgesteld = mt.notulenStatus === 'vastgesteld';
  const whenText = tx.t('at_time', { date: tx.date(mt.datum), time: mt.tijd });
  const place = mt.online ? tx.t('commission.online') : mt.locatie;
  const header: HeaderLines = {
    left: [ctx.associationName, tx.t('notulen.title'), whenText],
    right: [tx.t('commission.confidential'), vastgesteld ? '' : tx.t('notulen.watermark'), place],
  };
  const doc = createDoc({ ctx, locale: localeOf(lang), title: tx.t('notulen.meta_title', { date: tx.date(mt.datum) }), header });
  const f = new Flow(doc, tx);

  f.title(tx.t('notulen.title'));
  if (!vastgesteld) f.para(tx.t('notulen.concept_notice'), { bold: true, color: '#b00000' });
  f.heading(tx.t('notulen.meeting'));
  f.field(tx.t('commission.when'), whenText);
  f.field(tx.t('commission.place'), mt.online ? [tx.t('commission.online'), mt.link].filter(Boolean).join(' · ') : mt.locatie);

  f.heading(tx.t('notulen.present'));
  if (mt.members.length === 0) f.para(tx.t('notulen.present_none'));
  else f.table(
    [{ header: tx.t('commission.col.name'), share: 0.55 }, { header: tx.t('commission.col.role'), share: 0.45 }],
    mt.members.map((m) => {
      const label = data.memberRoles.find((r) => r.key === m.role)?.label ?? m.role;
      return [m.name, label];
    }),
  );

  f.heading(tx.t('notulen.decisions'));
  if (mt.cases.length === 0) f.para(tx.t('commission.agenda_none'));
  else {
    const times = agendaTimes(mt.tijd, mt.cases.map((c) => c.minutes));
    f.table(
      [
        { header: tx.t('commission.col.time'), share: 0.09 }, { header: tx.t('commission.col.case'), share: 0.33 },
        { header: tx.t('commission.col.kind'), share: 0.2 }, { header: tx.t('col.besluit'), share: 0.38 },
      ],
      mt.cases.map((c, i) => [
        times[i] ?? '',
        tx.t('commission.case_title', { n: i + 1, name: caseName(c, false, (s) => s) }),
        tx.t(`commission.kind.${kindOf(c)}`),
        c.decision ? decisionLine(tx, c.decision, data.categories) : tx.t('notulen.no_decision'),
      ]),
    );
    for (const [i, c] of mt.cases.entries()) {
      const d = c.decision;
      if (!d) continue;
      const more = d.decision === 'toegekend' ? d.conditions : d.decision === 'afgewezen' ? d.reasons : d.needed;
      if (more.trim()) f.field(tx.t('commission.case_n', { n: i + 1 }), more);
    }
  }

  f.section(tx.t('notulen.notulen'), mt.notulen);
  f.space(10);
  f.para(
    vastgesteld && mt.vastgesteldAt
      ? tx.t('notulen.vastgesteld', { date: tx.date(mt.vastgesteldAt), name: mt.vastgesteldByName || tx.t('empty') })
      : tx.t('notulen.concept_notice'),
    { bold: true },
  );

  const pages = stampPages(doc, tx, {
    header,
    footerLeft: madeWith(tx, ctx),
    ...(vastgesteld ? {} : { watermark: tx.t('notulen.watermark') }),
  });
  return finish(doc, pages);
}
