// The MDO (multidisciplinair overleg) and the kindgesprek: vocabulary and the rules that decide
// whether a verslag may be finalised ("vastgesteld"). Pure: the UI shows the same reasons the core enforces.
export const MDO_ROLES = [
  'ouder', 'leerkracht', 'ib', 'directeur', 'consulent', 'jeugdarts', 'jg_coach', 'leerplicht', 'orthopedagoog', 'anders',
] as const;
export type MdoRole = (typeof MDO_ROLES)[number];

/** Does the child attend the MDO: whole, part, not. */
export const KIND_AANWEZIG = ['heel', 'deels', 'niet'] as const;
/** How the child's input is brought in. */
export const KIND_INBRENG = ['aanwezig', 'kindgesprek', 'anders'] as const;

export const MDO_STATUSES = ['concept', 'vastgesteld'] as const;
export type MdoStatus = (typeof MDO_STATUSES)[number];

export const AFSPRAAK_STATUSES = ['open', 'gedaan', 'vervallen'] as const;
export type AfspraakStatus = (typeof AFSPRAAK_STATUSES)[number];

export const CONSENT_DECISIONS = ['instemming', 'geen_instemming', 'nog_niet_gevraagd'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];
export const CONSENT_WAYS = ['mondeling_mdo', 'schriftelijk'] as const;

export const FACTOR_SOURCES = ['kind', 'school', 'thuis'] as const;

/** Kindgesprek topics, in the order they are asked. */
export const KG_TOPICS = ['gaat_goed', 'moeilijk', 'helpt', 'trots', 'leren', 'volwassenen_weten', 'plan'] as const;
export type KgTopic = (typeof KG_TOPICS)[number];
/** Age bands for the wording of the prompts. */
export const KG_AGE_BANDS = ['g1_4', 'g5_8', 'vo'] as const;
export type KgAgeBand = (typeof KG_AGE_BANDS)[number];
export const KG_STATUSES = ['concept', 'afgerond'] as const;

/** The age band that fits a groep/leerjaar code (g1..g8, l1..l6). */
export function ageBandOf(groep: string): KgAgeBand {
  if (groep.startsWith('l')) return 'vo';
  const n = Number(groep.slice(1));
  return n >= 1 && n <= 4 ? 'g1_4' : 'g5_8';
}

/** What a finalisation needs from the verslag, as i18n keys under `validation.`. */
export interface FinaliseFacts {
  evaluatiedatum: string;
  kindgesprekId: string | null;
  stemVanHetKind: string;
  wegingKindvisie: string;
}

/**
 * Hoorrecht: a verslag is finalised only with an evaluation date and a record of the child's input
 * (a linked kindgesprek or a written summary: the child merely attending is not a record), and, since
 * a view is then recorded, how it was weighed. Returns the blocking reasons by field path.
 */
export function finaliseBlockers(f: FinaliseFacts): { path: string; key: string }[] {
  const out: { path: string; key: string }[] = [];
  if (!f.evaluatiedatum) out.push({ path: 'evaluatiedatum', key: 'mdo_evaluatiedatum_required' });
  const hasChildInput = Boolean(f.kindgesprekId) || f.stemVanHetKind.trim() !== '';
  if (!hasChildInput) out.push({ path: 'stemVanHetKind', key: 'mdo_child_input_required' });
  if (hasChildInput && f.wegingKindvisie.trim() === '') out.push({ path: 'wegingKindvisie', key: 'mdo_weging_required' });
  return out;
}
