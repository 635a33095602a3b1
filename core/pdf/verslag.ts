// The MDO-verslag: what a school hands to the parents. Sections follow the order of the meeting.
import { FACTOR_SOURCES } from '../../shared/domain/mdo.js';
import type { Mdo } from '../../shared/contract/index.js';
import { localeOf } from '../../shared/format.js';
import type { Lang } from '../../shared/i18n/index.js';
import { madeWith, mdoWhen, pupilHeader } from './common.js';
import { createDoc, finish, stampPages } from './doc.js';
import { Flow } from './flow.js';
import { texts, type Texts } from './texts.js';
import type { PdfContext, RenderedPdf, VerslagData } from './types.js';

export async function renderVerslagIn(lang: Lang, data: VerslagData, ctx: PdfContext): Promise<RenderedPdf> {
  const tx = texts(lang);
  const { dossier, mdo } = data;
  const concept = mdo.status !== 'vastgesteld';
  const docLabel = [
    tx.t('verslag.title'),
    tx.t('version', { n: mdo.version }),
    tx.label('mdo_status', mdo.status),
  ].join(' · ');
  const header = pupilHeader(tx, ctx, dossier, docLabel, tx.t('mdo_when', { when: mdoWhen(tx, mdo) }));
  const doc = createDoc({ ctx, locale: localeOf(lang), title: tx.t('verslag.meta_title', { date: tx.date(mdo.datum) }), header });
  const f = new Flow(doc, tx);

  f.title(tx.t('verslag.title'));
  f.field(tx.t('verslag.when'), mdoWhen(tx, mdo));
  if (mdo.version > 1) f.para(tx.t('verslag.correction', { n: mdo.version, reason: mdo.correctieReden }), { bold: true });
  if (concept) f.para(tx.t('verslag.concept_notice'), { bold: true, color: '#b00000' });

  attendees(f, tx, mdo);
  f.heading(tx.t('verslag.child'));
  f.field(tx.t('verslag.child_present'), tx.label('kind_aanwezig', mdo.kindAanwezig));
  f.field(tx.t('verslag.child_input'), tx.label('kind_inbreng', mdo.kindInbreng));
  if (mdo.kindInbrengToelichting) f.field(tx.t('verslag.child_input_note'), mdo.kindInbrengToelichting);

  f.heading(tx.t('verslag.vraag'));
  f.field(tx.t('verslag.vraag_school'), mdo.ondersteuningsvraagSchool);
  f.field(tx.t('verslag.vraag_ouders'), mdo.ondersteuningsvraagOuders);
  f.field(tx.t('verslag.vraag_kind'), mdo.ondersteuningsvraagKind);
  f.section(tx.t('verslag.goed'), mdo.watGaatGoed);
  f.section(tx.t('verslag.zorgen'), mdo.zorgen);
  // Sub-headings rather than a 2×3 grid: the texts may be long and a grid cell cannot span pages.
  for (const kind of ['stimulerend', 'belemmerend'] as const) {
    f.heading(tx.t(`verslag.${kind}`));
    for (const source of FACTOR_SOURCES) f.field(tx.label('factor', source), mdo[kind][source]);
  }
  f.section(tx.t('verslag.onderwijsbehoeften'), mdo.onderwijsbehoeften);
  f.section(tx.t('verslag.leerkracht'), mdo.ondersteuningsbehoefteLeerkracht);
  f.section(tx.t('verslag.doelen'), mdo.crucialeDoelen);

  f.heading(tx.t('verslag.afspraken'));
  if (mdo.afspraken.length === 0) f.para(tx.t('verslag.afspraken_none'));
  else
    f.table(
      [
        { header: '#', share: 0.06 },
        { header: tx.t('col.wat'), share: 0.56 },
        { header: tx.t('col.wie'), share: 0.22 },
        { header: tx.t('col.wanneer'), share: 0.16 },
      ],
      mdo.afspraken.map((a, i) => [String(i + 1), a.wat, a.wie, tx.shortDate(a.wanneer)]),
    );

  f.section(tx.t('verslag.regiehouder'), mdo.regiehouder);
  f.section(tx.t('verslag.visie_ouders'), mdo.visieOuders);
  f.heading(tx.t('verslag.stem_kind'));
  if (mdo.kindgesprekId) {
    const kg = data.kindgesprek;
    const line = kg && kg.id === mdo.kindgesprekId
      ? tx.t('verslag.kindgesprek_linked', { date: tx.date(kg.datum) })
      : tx.t('verslag.kindgesprek_linked_nodate');
    f.para(line, { bold: true });
  }
  f.para(mdo.stemVanHetKind);
  f.section(tx.t('verslag.weging'), mdo.wegingKindvisie);
  f.section(tx.t('verslag.evaluatie'), tx.date(mdo.evaluatiedatum));

  consent(f, tx, mdo);

  const pages = stampPages(doc, tx, {
    header,
    footerLeft: madeWith(tx, ctx),
    ...(concept ? { watermark: tx.t('verslag.watermark') } : {}),
  });
  return finish(doc, pages);
}

function attendees(f: Flow, tx: Texts, mdo: Mdo): void {
  f.heading(tx.t('verslag.attendees'));
  if (mdo.attendees.length === 0) {
    f.para('');
    return;
  }
  // Presence is recorded when the verslag is finalised; before that "Nee" would be untrue.
  const known = mdo.status === 'vastgesteld' || mdo.attendees.some((a) => a.present);
  f.table(
    [
      { header: tx.t('col.name'), share: 0.45 },
      { header: tx.t('col.role'), share: 0.38 },
      { header: tx.t('col.present'), share: 0.17 },
    ],
    mdo.attendees.map((a) => [
      a.name,
      a.role === 'anders' && a.roleOther ? a.roleOther : tx.label('mdo_role', a.role),
      known ? tx.yesNo(a.present) : '',
    ]),
  );
}

function consent(f: Flow, tx: Texts, mdo: Mdo): void {
  f.heading(tx.t('verslag.consent'));
  if (mdo.consent.length === 0) f.para(tx.t('verslag.consent_none'));
  else
    f.table(
      [
        { header: tx.t('col.parent'), share: 0.27 },
        { header: tx.t('col.besluit'), share: 0.2 },
        { header: tx.t('col.datum'), share: 0.25 },
        { header: tx.t('col.wijze'), share: 0.28 },
      ],
      mdo.consent.map((c) => [
        c.parentName,
        tx.label('consent', c.besluit),
        tx.date(c.datum),
        c.wijze ? tx.label('consent_way', c.wijze) : '',
      ]),
    );
  f.space(4);
  if (mdo.vastgesteldAt) {
    f.para(tx.t('verslag.vastgesteld', { date: tx.date(mdo.vastgesteldAt), name: mdo.vastgesteldByName ?? '' }), { bold: true });
  } else f.para(tx.t('verslag.not_vastgesteld'), { bold: true });
}
