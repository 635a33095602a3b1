// Pieces shared by several documents: the pupil header and the MDO's "when and where".
import { fullName } from '../../shared/domain/dossier.js';
import type { Dossier, Mdo } from '../../shared/contract/index.js';
import type { HeaderLines } from './doc.js';
import type { Texts } from './texts.js';
import type { PdfContext } from './types.js';

/** "12 november 2026 om 14:30, Lokaal 4" (time and place only when known). */
export function mdoWhen(tx: Texts, mdo: Pick<Mdo, 'datum' | 'tijd' | 'locatie'>): string {
  const date = tx.date(mdo.datum);
  const when = mdo.tijd ? tx.t('at_time', { date, time: mdo.tijd }) : date;
  return mdo.locatie ? `${when}, ${mdo.locatie}` : when;
}

/** Association and document on top, then the pupil, then school/groep and a document-specific detail. */
export function pupilHeader(tx: Texts, ctx: PdfContext, dossier: Dossier, docLabel: string, detail: string): HeaderLines {
  return {
    left: [ctx.associationName, fullName(dossier), `${dossier.schoolName} · ${tx.label('groep', dossier.groep)}`],
    right: [docLabel, tx.t('born', { date: tx.date(dossier.geboortedatum) }), detail],
  };
}

/** The footer's provenance line. */
export function madeWith(tx: Texts, ctx: PdfContext): string {
  return tx.t('made_with', { datetime: tx.dateTime(ctx.generatedAt) });
}
