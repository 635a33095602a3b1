// Vocabulary of a pupil dossier. Codes are stored; labels live in the i18n files.
export const ROLES = ['consulent', 'secretaris', 'school', 'beheerder'] as const;
export type Role = (typeof ROLES)[number];

export const DOSSIER_STATUSES = ['aangemeld', 'lopend', 'afgesloten'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** Ondersteuningsniveau 0–4 (0–1 basis, 2–3 extra ondersteuning, 4 speciaal onderwijs / PrO). */
export const NIVEAUS = [0, 1, 2, 3, 4] as const;
export type Niveau = (typeof NIVEAUS)[number];

/** Groep 1–8 (primair onderwijs) or leerjaar 1–6 (voortgezet onderwijs). */
export const GROEPEN = [
  'g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'g8',
  'l1', 'l2', 'l3', 'l4', 'l5', 'l6',
] as const;
export type Groep = (typeof GROEPEN)[number];

export const PARENT_RELATIONS = ['moeder', 'vader', 'ouder', 'voogd', 'pleegouder', 'verzorger', 'anders'] as const;
export type ParentRelation = (typeof PARENT_RELATIONS)[number];

export const INVOLVED_ROLES = [
  'leerkracht', 'mentor', 'ib', 'zorgcoordinator', 'directeur', 'jeugdarts', 'jeugdverpleegkundige',
  'jg_coach', 'leerplicht', 'smw', 'orthopedagoog', 'psycholoog', 'inclusie_ondersteuner',
  'ambulant_begeleider', 'behandelaar', 'tolk', 'anders',
] as const;
export type InvolvedRole = (typeof INVOLVED_ROLES)[number];

export const TIMELINE_EVENTS = [
  'created', 'changed', 'closed', 'reopened',
  'mdo_created', 'mdo_finalised', 'mdo_corrected', 'consent', 'kindgesprek_finished',
  'arrangement_submitted', 'arrangement_decided', 'arrangement_evaluated', 'tlv_submitted',
  'tlv_decided', 'commission_sent_back',
] as const;
export type TimelineEventType = (typeof TIMELINE_EVENTS)[number];

export const DOSSIER_SORT_FIELDS = ['name', 'geboortedatum', 'school', 'status', 'niveau', 'updatedAt'] as const;
export type DossierSortField = (typeof DOSSIER_SORT_FIELDS)[number];

/** "Jan de Vries": voornaam, tussenvoegsel and achternaam joined the Dutch way. */
export function fullName(p: { voornaam: string; tussenvoegsel?: string | null; achternaam: string }): string {
  return [p.voornaam, p.tussenvoegsel, p.achternaam].filter((s) => s && s.trim()).join(' ');
}

/**
 * Letters that are not a base letter plus a diacritic, so neither Unicode decomposition nor SQLite's
 * remove_diacritics folds them, but a Dutch keyboard user types them as the letter on the right:
 * "yilmaz" must find "Yılmaz", "lukasz" "Łukasz".
 */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ı: 'i', İ: 'I', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D',
  ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', þ: 'th', Þ: 'TH',
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'gu');

/** Replaces the special letters above; everything else is left to the search tokenizer. */
export function foldSpecialLetters(s: string): string {
  return s.replace(SPECIAL_RE, (ch) => SPECIAL_LETTERS[ch] ?? ch);
}

/** Lower-case, diacritics removed: for sorting and matching ("Öztürk" → "ozturk", "Yılmaz" → "yilmaz"). */
export function foldText(s: string): string {
  return foldSpecialLetters(s).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
