// The dossier as the form holds it: the contract's input plus client keys for repeatable rows,
// and '' for choices not made yet. Pure functions, so the autosave logic is easy to follow.
import { dossierInputSchema, type Dossier, type DossierInput } from '../../../../shared/contract/index.js';
import type { Groep, InvolvedRole, ParentRelation } from '../../../../shared/domain/dossier.js';
import { issuesOf } from '../../../../shared/domain/validation.js';

let keySeq = 0;
const newKey = () => `k${++keySeq}`;

export interface ParentDraft {
  key: string;
  id?: string;
  name: string;
  relation: ParentRelation | '';
  gezag: boolean;
  phone: string;
  email: string;
}

export interface InvolvedDraft {
  key: string;
  id?: string;
  role: InvolvedRole | '';
  name: string;
  organisation: string;
}

export interface DossierDraft {
  voornaam: string;
  tussenvoegsel: string;
  achternaam: string;
  geboortedatum: string;
  groep: Groep | '';
  schoolId: string;
  consulentId: string;
  niveau: number;
  /** Open dossiers are aangemeld or lopend; closing and reopening have their own actions. */
  status: OpenStatus;
  notes: string;
  parents: ParentDraft[];
  involved: InvolvedDraft[];
}

export type OpenStatus = 'aangemeld' | 'lopend';
/** The open status a dossier's draft shows; a closed dossier is reopened as lopend. */
export const openStatusOf = (status: Dossier['status']): OpenStatus => (status === 'aangemeld' ? 'aangemeld' : 'lopend');

export function emptyDraft(consulentId = ''): DossierDraft {
  return {
    voornaam: '', tussenvoegsel: '', achternaam: '', geboortedatum: '', groep: '', schoolId: '',
    consulentId, niveau: 0, status: 'aangemeld', notes: '', parents: [], involved: [],
  };
}

export const emptyParent = (): ParentDraft => ({ key: newKey(), name: '', relation: '', gezag: true, phone: '', email: '' });
export const emptyInvolved = (): InvolvedDraft => ({ key: newKey(), role: '', name: '', organisation: '' });

export function draftFromDossier(d: Dossier): DossierDraft {
  return {
    voornaam: d.voornaam,
    tussenvoegsel: d.tussenvoegsel,
    achternaam: d.achternaam,
    geboortedatum: d.geboortedatum,
    groep: d.groep,
    schoolId: d.schoolId,
    consulentId: d.consulentId ?? '',
    niveau: d.niveau,
    status: openStatusOf(d.status),
    notes: d.notes,
    parents: d.parents.map((p) => ({ key: newKey(), ...p })),
    involved: d.involved.map((i) => ({ key: newKey(), ...i })),
  };
}

/** The contract input. Choices not made stay '' so the schema reports them (`choose_option`). */
export function toInput(d: DossierDraft): DossierInput {
  return {
    voornaam: d.voornaam,
    tussenvoegsel: d.tussenvoegsel,
    achternaam: d.achternaam,
    geboortedatum: d.geboortedatum,
    groep: d.groep as Groep,
    schoolId: d.schoolId,
    consulentId: d.consulentId || null,
    niveau: d.niveau as DossierInput['niveau'],
    status: d.status,
    notes: d.notes,
    parents: d.parents.map(({ key: _key, id, relation, ...p }) => ({
      ...(id ? { id } : {}),
      ...p,
      relation: relation as ParentRelation,
    })),
    involved: d.involved.map(({ key: _key, id, role, ...i }) => ({
      ...(id ? { id } : {}),
      ...i,
      role: role as InvolvedRole,
    })),
  };
}

/** Field problems the shared schema finds, by dotted path (first one per field). */
export function clientIssues(d: DossierDraft): Record<string, string> {
  const parsed = dossierInputSchema.safeParse(toInput(d));
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const issue of issuesOf(parsed.error)) out[issue.path] ??= issue.key;
  return out;
}

/**
 * New parents/involved were sent without an id; the saved dossier has them (in the same order).
 * Give the rows the user still has their server ids, so the next save updates instead of adds.
 */
export function adoptIds(current: DossierDraft, sent: DossierDraft, saved: Dossier): DossierDraft {
  const map = new Map<string, string>();
  sent.parents.forEach((p, i) => {
    const id = saved.parents[i]?.id;
    if (!p.id && id) map.set(p.key, id);
  });
  sent.involved.forEach((p, i) => {
    const id = saved.involved[i]?.id;
    if (!p.id && id) map.set(p.key, id);
  });
  if (map.size === 0) return current;
  return {
    ...current,
    parents: current.parents.map((p) => (!p.id && map.has(p.key) ? { ...p, id: map.get(p.key)! } : p)),
    involved: current.involved.map((p) => (!p.id && map.has(p.key) ? { ...p, id: map.get(p.key)! } : p)),
  };
}

/** `parents.0.email` → `f-parents-0-email`: the id of the control for a field path. */
export const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;
