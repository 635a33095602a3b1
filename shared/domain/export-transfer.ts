// The overdracht: the full export minus aanpak, every evaluatiedatum and every instemming (domain.md:
// "A transferred dossier leaves out aanpak, evaluatiedatum and instemming"). docs/export.md lists
// the same paths for the receiving school; TRANSFER_LEFT_OUT travels inside the JSON as well.
import type { DossierExport } from '../contract/export.js';

/**
 * What an overdracht leaves out, as dotted paths. Aanpak is the handelingsdeel: what the MDO agreed
 * to do (cruciale doelen, afspraken, regiehouder, the afspraken's status) and an arrangement's goals
 * and inzet. The rest keeps the picture of the child (vraag, onderwijsbehoeften, factors, views).
 */
export const TRANSFER_LEFT_OUT = [
  // aanpak
  'mdos[].crucialeDoelen',
  'mdos[].afspraken',
  'mdos[].regiehouder',
  'actions',
  'arrangements[].goals',
  'arrangements[].inzet',
  // evaluatiedatum
  'mdos[].evaluatiedatum',
  'arrangements[].evaluationDates',
  'arrangements[].evaluation',
  'arrangements[].history[to=geevalueerd]',
  'timeline[type=arrangement_evaluated]',
  // instemming
  'mdos[].consent',
  'arrangements[].consent',
  'tlvs[].consent',
  'timeline[type=consent]',
  // the child's wish and the parents' own right
  'kindgesprekken[delenMetSchool=false]',
  'attachments[].base64',
  'processing',
] as const;

const STRIPPED_EVENTS: readonly string[] = ['consent', 'arrangement_evaluated'];

/** The overdracht made from a full (inzage) export. Pure: the input is not changed. */
export function toTransferExport(full: DossierExport, bestemming: string): DossierExport {
  /* eslint-disable @typescript-eslint/no-unused-vars -- destructuring is how the fields are left out */
  const { actions, processing, transfer, ...rest } = full;
  const mdos = full.mdos.map(({ crucialeDoelen, afspraken, regiehouder, evaluatiedatum, consent, ...m }) => m);
  const arrangements = full.arrangements.map(({ goals, inzet, evaluationDates, evaluation, consent, ...a }) => ({
    ...a,
    history: a.history.filter((h) => h.to !== 'geevalueerd'),
  }));
  const tlvs = full.tlvs.map(({ consent, ...t }) => t);
  // The files cannot be checked for aanpak or instemming (an OPP carries both): metadata only.
  const attachments = full.attachments.map(({ base64, ...meta }) => meta);
  /* eslint-enable @typescript-eslint/no-unused-vars */
  // A conversation the child did not want shared with school does not go to another school.
  const kindgesprekken = full.kindgesprekken.filter((k) => k.delenMetSchool);
  return {
    ...rest,
    kind: 'overdracht',
    timeline: full.timeline.filter((e) => !STRIPPED_EVENTS.includes(e.type)),
    mdos,
    kindgesprekken,
    arrangements,
    tlvs,
    attachments,
    transfer: { bestemming, leftOut: [...TRANSFER_LEFT_OUT] },
  };
}
