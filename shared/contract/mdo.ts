// MDO: prepare, record (autosaved), finalise with consent, correct into a new version; the
// dossier's afspraken (action items); the verslag and praatpapier as PDF.
import { z } from 'zod';
import {
  AFSPRAAK_STATUSES, CONSENT_DECISIONS, CONSENT_WAYS, KIND_AANWEZIG, KIND_INBRENG, MDO_ROLES, MDO_STATUSES,
} from '../domain/mdo.js';
import { isValidIsoDate, requiredText, trimmed } from '../domain/validation.js';
import { def, idSchema, instantSchema } from './common.js';

const TEXT = 20_000;
const optionalDate = z.string().trim().refine((s) => s === '' || isValidIsoDate(s), { message: 'date_invalid' });
const requiredDate = z.string().trim().refine(isValidIsoDate, { message: 'date_invalid' });
const time = z.string().trim().refine((s) => s === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(s), { message: 'time_invalid' });

export const attendeeSchema = z.object({
  id: idSchema.optional(),
  name: requiredText(160),
  role: z.enum(MDO_ROLES, { message: 'choose_option' }),
  /** Free text when role is `anders`. */
  roleOther: trimmed(80),
  /** The dossier's parent or betrokkene this attendee was picked from (null: added ad hoc). */
  parentId: idSchema.nullable(),
  involvedId: idSchema.nullable(),
});

export const afspraakInputSchema = z.object({
  id: idSchema.optional(),
  wat: requiredText(1000),
  wie: trimmed(160),
  wanneer: optionalDate,
});

const factorsSchema = z.object({ kind: trimmed(TEXT), school: trimmed(TEXT), thuis: trimmed(TEXT) });

/** Everything a consultant edits on an MDO before it is finalised. Create and autosave use it. */
export const mdoInputSchema = z.object({
  // Voorbereiden
  datum: requiredDate,
  tijd: time,
  locatie: trimmed(200),
  agenda: z.array(trimmed(500)).max(30, { message: 'too_many' }),
  attendees: z.array(attendeeSchema).max(40, { message: 'too_many' }),
  kindAanwezig: z.enum(KIND_AANWEZIG, { message: 'choose_option' }),
  kindInbreng: z.enum(KIND_INBRENG, { message: 'choose_option' }),
  kindInbrengToelichting: trimmed(2000),
  // Verslag
  ondersteuningsvraagSchool: trimmed(TEXT),
  ondersteuningsvraagOuders: trimmed(TEXT),
  ondersteuningsvraagKind: trimmed(TEXT),
  watGaatGoed: trimmed(TEXT),
  zorgen: trimmed(TEXT),
  stimulerend: factorsSchema,
  belemmerend: factorsSchema,
  onderwijsbehoeften: trimmed(TEXT),
  ondersteuningsbehoefteLeerkracht: trimmed(TEXT),
  crucialeDoelen: trimmed(TEXT),
  afspraken: z.array(afspraakInputSchema).max(100, { message: 'too_many' }),
  regiehouder: trimmed(160),
  visieOuders: trimmed(TEXT),
  /** The child's voice: a linked kindgesprek and/or a written summary. */
  kindgesprekId: idSchema.nullable(),
  stemVanHetKind: trimmed(TEXT),
  /** How the child's view was weighed (hoorrecht): required whenever a view is recorded. */
  wegingKindvisie: trimmed(TEXT),
  evaluatiedatum: optionalDate,
});
export type MdoInput = z.input<typeof mdoInputSchema>;

export const consentInputSchema = z.object({
  parentId: idSchema,
  besluit: z.enum(CONSENT_DECISIONS, { message: 'choose_option' }),
  /** Date the decision was given; empty only for `nog_niet_gevraagd`. */
  datum: optionalDate,
  wijze: z.enum(CONSENT_WAYS, { message: 'choose_option' }).nullable(),
});

export const consentSchema = consentInputSchema.extend({ parentName: z.string(), recordedAt: instantSchema });

export const mdoVersionRefSchema = z.object({
  id: idSchema,
  version: z.number().int(),
  status: z.enum(MDO_STATUSES),
  vastgesteldAt: instantSchema.nullable(),
  correctieReden: z.string(),
});

export const mdoSchema = mdoInputSchema.extend({
  id: idSchema,
  dossierId: idSchema,
  /** The document version: 1, then 2 after the first correction, … */
  version: z.number().int(),
  /** Increases with every autosave (guards against saving over a newer revision). */
  revision: z.number().int(),
  status: z.enum(MDO_STATUSES),
  attendees: z.array(attendeeSchema.extend({ id: idSchema, present: z.boolean() })),
  afspraken: z.array(afspraakInputSchema.extend({ id: idSchema })),
  consent: z.array(consentSchema),
  /** Why this version replaced the previous one ('' for version 1). */
  correctieReden: z.string(),
  /** Set when a later version replaced this one. */
  supersededBy: idSchema.nullable(),
  vastgesteldAt: instantSchema.nullable(),
  vastgesteldByName: z.string().nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  /** All versions of this MDO, oldest first (this one included). */
  versions: z.array(mdoVersionRefSchema),
});
export type Mdo = z.infer<typeof mdoSchema>;

export const mdoRowSchema = z.object({
  id: idSchema,
  datum: z.string(),
  status: z.enum(MDO_STATUSES),
  version: z.number().int(),
  afspraken: z.number().int(),
  updatedAt: instantSchema,
});

export const actionSchema = z.object({
  id: idSchema,
  mdoId: idSchema,
  mdoDatum: z.string(),
  wat: z.string(),
  wie: z.string(),
  wanneer: z.string(),
  status: z.enum(AFSPRAAK_STATUSES),
  updatedAt: instantSchema,
});
export type Action = z.infer<typeof actionSchema>;

export const pdfSchema = z.object({ filename: z.string(), base64: z.string(), pages: z.number().int() });

export const mdoContract = {
  /** MDOs of a dossier, newest first; superseded versions are left out (they are in `versions`). */
  'mdo:list': def(z.object({ dossierId: idSchema }), z.array(mdoRowSchema)),
  'mdo:get': def(z.object({ id: idSchema }), mdoSchema),
  'mdo:create': def(z.object({ dossierId: idSchema, mdo: mdoInputSchema }), mdoSchema),
  /** Autosave of a concept. A finalised MDO is immutable: code `conflict` with errors.mdo_finalised. */
  'mdo:save': def(z.object({ id: idSchema, baseRevision: z.number().int(), mdo: mdoInputSchema }), mdoSchema),
  /**
   * Vaststellen: who was present, and per parent with gezag the consent. Blocked with `validation`
   * and the reasons of `finaliseBlockers` (plus consent problems) as field issues.
   */
  'mdo:finalise': def(
    z.object({
      id: idSchema,
      baseRevision: z.number().int(),
      presentAttendeeIds: z.array(idSchema),
      consent: z.array(consentInputSchema),
    }),
    mdoSchema,
  ),
  /** A correction of a finalised verslag: a new concept version with its reason; the old one stays readable. */
  'mdo:correct': def(z.object({ id: idSchema, reason: requiredText(1000) }), mdoSchema),
  /** `verslag`: the finalised (or concept) report; `praatpapier`: the preparation sheet for the meeting. */
  'mdo:pdf': def(z.object({ id: idSchema, document: z.enum(['verslag', 'praatpapier']) }), pdfSchema),
  /** The dossier's afspraken from finalised MDOs, as action items. */
  'actions:list': def(z.object({ dossierId: idSchema }), z.array(actionSchema)),
  'actions:setStatus': def(z.object({ id: idSchema, status: z.enum(AFSPRAAK_STATUSES) }), actionSchema),
} as const;
