// The praatpapier: one or two pages to prepare the meeting, with room for handwritten notes.
import { localeOf } from '../../shared/format.js';
import type { Lang } from '../../shared/i18n/index.js';
import { madeWith, mdoWhen, pupilHeader } from './common.js';
import { COLOR, createDoc, finish, stampPages } from './doc.js';
import { Flow } from './flow.js';
import { texts } from './texts.js';
import type { PdfContext, PraatpapierData, RenderedPdf } from './types.js';

const NOTE_LINES = 8;

export async function renderPraatpapierIn(lang: Lang, data: PraatpapierData, ctx: PdfContext): Promise<RenderedPdf> {
  const tx = texts(lang);
  const { dossier, mdo, previousActions, latestKindgesprek: kg } = data;
  const header = pupilHeader(tx, ctx, dossier, tx.t('praatpapier.title'), tx.t('mdo_when', { when: mdoWhen(tx, mdo) }));
  const doc = createDoc({ ctx, locale: localeOf(lang), title: tx.t('praatpapier.meta_title', { date: tx.date(mdo.datum) }), header });
  const f = new Flow(doc, tx);

  f.title(tx.t('praatpapier.title'));
  f.field(tx.t('verslag.when'), mdoWhen(tx, mdo));
  f.field(tx.t('praatpapier.child_present'), tx.label('kind_aanwezig', mdo.kindAanwezig));
  f.field(tx.t('verslag.child_input'), tx.label('kind_inbreng', mdo.kindInbreng));

  f.heading(tx.t('praatpapier.agenda'));
  const agenda = mdo.agenda.filter((a) => a.trim());
  if (agenda.length === 0) f.para(tx.t('praatpapier.agenda_none'));
  agenda.forEach((item, i) => f.para(`${i + 1}.  ${item}`, { indent: 6 }));

  f.heading(tx.t('praatpapier.invited'));
  if (mdo.attendees.length === 0) f.para('');
  else
    f.table(
      [
        { header: tx.t('col.name'), share: 0.5 },
        { header: tx.t('col.role'), share: 0.5 },
      ],
      mdo.attendees.map((a) => [a.name, a.role === 'anders' && a.roleOther ? a.roleOther : tx.label('mdo_role', a.role)]),
    );

  f.heading(tx.t('praatpapier.previous'));
  if (previousActions.length === 0) f.para(tx.t('praatpapier.previous_none'));
  else {
    const dates = [...new Set(previousActions.map((a) => a.mdoDatum).filter(Boolean))].sort();
    if (dates.length) f.para(tx.t('praatpapier.previous_from', { dates: dates.map((d) => tx.date(d)).join(', ') }));
    f.table(
      [
        { header: tx.t('col.wat'), share: 0.5 },
        { header: tx.t('col.wie'), share: 0.2 },
        { header: tx.t('col.wanneer'), share: 0.15 },
        { header: tx.t('col.status'), share: 0.15 },
      ],
      previousActions.map((a) => [a.wat, a.wie, tx.shortDate(a.wanneer), tx.label('afspraak_status', a.status)]),
    );
  }

  f.heading(tx.t('praatpapier.kindgesprek'));
  if (kg) {
    f.para(tx.t('praatpapier.kindgesprek_date', { date: tx.date(kg.datum) }), { bold: true });
    f.para(kg.samenvatting);
  } else f.para(tx.t('praatpapier.kindgesprek_none'));

  // Ruled lines to write on during the meeting.
  f.heading(tx.t('praatpapier.notes'));
  for (let i = 0; i < NOTE_LINES; i++) {
    f.ensure(24);
    doc.y += 22;
    doc.moveTo(f.left, doc.y).lineTo(f.left + f.width, doc.y).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
  }

  const pages = stampPages(doc, tx, { header, footerLeft: madeWith(tx, ctx) });
  return finish(doc, pages);
}
