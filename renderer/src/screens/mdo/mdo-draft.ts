// The MDO as the form holds it: the contract's input plus client keys for repeatable rows.
// Pure functions, and the editor (AutosaveEditor over mdo:save).
import { mdoInputSchema, type Dossier, type Mdo, type MdoInput } from '../../../../shared/contract/index.js';
import type { InvolvedRole } from '../../../../shared/domain/dossier.js';
import type { MdoRole } from '../../../../shared/domain/mdo.js';
import { issuesOf, todayInAmsterdam } from '../../../../shared/domain/validation.js';
import { AutosaveEditor } from '../../components/autosave.js';
import type { Transport } from '../../transport/transport.js';

let keySeq = 0;
export const newKey = () => `m${++keySeq}`;

export interface AttendeeDraft {
  key: string;
  id?: string;
  name: string;
  role: MdoRole | '';
  roleOther: string;
  parentId: string | null;
  involvedId: string | null;
}
export interface AfspraakDraft {
  key: string;
  id?: string;
  wat: string;
  wie: string;
  wanneer: string;
}
export interface AgendaDraft {
  key: string;
  text: string;
}

type Plain = Omit<MdoInput, 'agenda' | 'attendees' | 'afspraken' | 'stimulerend' | 'belemmerend'>;
export type MdoDraft = Required<Omit<Plain, 'kindgesprekId'>> & {
  kindgesprekId: string | null;
  agenda: AgendaDraft[];
  attendees: AttendeeDraft[];
  afspraken: AfspraakDraft[];
  stimulerend: { kind: string; school: string; thuis: string };
  belemmerend: { kind: string; school: string; thuis: string };
};

/** A new MDO: today, the child not present, its input via a kindgesprek, everything else empty. */
export function newMdoInput(now = new Date()): MdoInput {
  const factors = { kind: '', school: '', thuis: '' };
  return {
    datum: todayInAmsterdam(now), tijd: '', locatie: '', agenda: [], attendees: [], kindAanwezig: 'niet',
    kindInbreng: 'kindgesprek', kindInbrengToelichting: '', ondersteuningsvraagSchool: '', ondersteuningsvraagOuders: '',
    ondersteuningsvraagKind: '', watGaatGoed: '', zorgen: '', stimulerend: factors, belemmerend: { ...factors },
    onderwijsbehoeften: '', ondersteuningsbehoefteLeerkracht: '', crucialeDoelen: '', afspraken: [], regiehouder: '',
    visieOuders: '', kindgesprekId: null, stemVanHetKind: '', wegingKindvisie: '', evaluatiedatum: '',
  };
}

export function draftFromMdo(m: Mdo): MdoDraft {
  return {
    datum: m.datum, tijd: m.tijd, locatie: m.locatie,
    agenda: m.agenda.map((text) => ({ key: newKey(), text })),
    attendees: m.attendees.map(({ present: _p, ...a }) => ({ key: newKey(), ...a })),
    kindAanwezig: m.kindAanwezig, kindInbreng: m.kindInbreng, kindInbrengToelichting: m.kindInbrengToelichting,
    ondersteuningsvraagSchool: m.ondersteuningsvraagSchool, ondersteuningsvraagOuders: m.ondersteuningsvraagOuders,
    ondersteuningsvraagKind: m.ondersteuningsvraagKind, watGaatGoed: m.watGaatGoed, zorgen: m.zorgen,
    stimulerend: { ...m.stimulerend }, belemmerend: { ...m.belemmerend },
    onderwijsbehoeften: m.onderwijsbehoeften, ondersteuningsbehoefteLeerkracht: m.ondersteuningsbehoefteLeerkracht,
    crucialeDoelen: m.crucialeDoelen, afspraken: m.afspraken.map((a) => ({ key: newKey(), ...a })),
    regiehouder: m.regiehouder, visieOuders: m.visieOuders, kindgesprekId: m.kindgesprekId,
    stemVanHetKind: m.stemVanHetKind, wegingKindvisie: m.wegingKindvisie, evaluatiedatum: m.evaluatiedatum,
  };
}

export function toMdoInput(d: MdoDraft): MdoInput {
  return {
    ...d,
    agenda: d.agenda.map((a) => a.text),
    attendees: d.attendees.map(({ key: _k, id, role, ...a }) => ({ ...(id ? { id } : {}), ...a, role: role as MdoRole })),
    afspraken: d.afspraken.map(({ key: _k, id, ...a }) => ({ ...(id ? { id } : {}), ...a })),
  };
}

export function mdoClientIssues(d: MdoDraft): Record<string, string> {
  const parsed = mdoInputSchema.safeParse(toMdoInput(d));
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const issue of issuesOf(parsed.error)) out[issue.path] ??= issue.key;
  return out;
}

/** New attendees/afspraken were sent without an id; the saved MDO has them in the same order. */
export function adoptMdoIds(current: MdoDraft, sent: MdoDraft, saved: Mdo): MdoDraft {
  const ids = new Map<string, string>();
  sent.attendees.forEach((a, i) => !a.id && saved.attendees[i] && ids.set(a.key, saved.attendees[i].id));
  sent.afspraken.forEach((a, i) => !a.id && saved.afspraken[i] && ids.set(a.key, saved.afspraken[i].id));
  if (ids.size === 0) return current;
  const fill = <T extends { key: string; id?: string }>(r: T): T => (!r.id && ids.has(r.key) ? { ...r, id: ids.get(r.key)! } : r);
  return { ...current, attendees: current.attendees.map(fill), afspraken: current.afspraken.map(fill) };
}

export type MdoEditor = AutosaveEditor<MdoDraft, Mdo>;

export function createMdoEditor(transport: Transport, initial: Mdo, delayMs?: number): MdoEditor {
  return new AutosaveEditor<MdoDraft, Mdo>(
    {
      toDraft: draftFromMdo,
      validate: mdoClientIssues,
      send: (draft, saved) => transport.call('mdo:save', { id: saved.id, baseRevision: saved.revision, mdo: toMdoInput(draft) }),
      readOnly: (m) => m.status !== 'concept' || m.supersededBy !== null,
      adopt: adoptMdoIds,
    },
    initial,
    delayMs,
  );
}

/** Betrokkene role → the MDO role that fits; the rest are `anders` with the role as text. */
const INVOLVED_TO_MDO: Partial<Record<InvolvedRole, MdoRole>> = {
  leerkracht: 'leerkracht', mentor: 'leerkracht', ib: 'ib', zorgcoordinator: 'ib', directeur: 'directeur',
  jeugdarts: 'jeugdarts', jeugdverpleegkundige: 'jeugdarts', jg_coach: 'jg_coach', leerplicht: 'leerplicht',
  orthopedagoog: 'orthopedagoog', psycholoog: 'orthopedagoog',
};

export function attendeeFromParent(p: Dossier['parents'][number]): AttendeeDraft {
  return { key: newKey(), name: p.name, role: 'ouder', roleOther: '', parentId: p.id, involvedId: null };
}

export function attendeeFromInvolved(i: Dossier['involved'][number], roleLabel: string): AttendeeDraft {
  const role = INVOLVED_TO_MDO[i.role] ?? 'anders';
  return { key: newKey(), name: i.name, role, roleOther: role === 'anders' ? roleLabel : '', parentId: null, involvedId: i.id };
}

export const emptyAttendee = (): AttendeeDraft => ({ key: newKey(), name: '', role: '', roleOther: '', parentId: null, involvedId: null });
export const emptyAfspraak = (): AfspraakDraft => ({ key: newKey(), wat: '', wie: '', wanneer: '' });

/** `afspraken.0.wat` → `m-afspraken-0-wat`: the id of the control for a field path. */
export const mdoFieldId = (path: string) => `m-${path.replace(/\./g, '-')}`;
