// Pupil dossiers: list/search, read, create, autosave, close and reopen.
import { z } from 'zod';
import {
  DOSSIER_SORT_FIELDS, DOSSIER_STATUSES, GROEPEN, INVOLVED_ROLES, NIVEAUS, PARENT_RELATIONS, TIMELINE_EVENTS,
} from '../domain/dossier.js';
import { birthDateSchema, optionalEmail, optionalPhone, requiredText, trimmed } from '../domain/validation.js';
import { def, idSchema, instantSchema } from './common.js';

const niveauSchema = z.literal(NIVEAUS, { message: 'choose_option' });

export const parentInputSchema = z.object({
  id: idSchema.optional(),
  name: requiredText(160),
  relation: z.enum(PARENT_RELATIONS, { message: 'choose_option' }),
  gezag: z.boolean(),
  phone: optionalPhone,
  email: optionalEmail,
});
export const involvedInputSchema = z.object({
  id: idSchema.optional(),
  role: z.enum(INVOLVED_ROLES, { message: 'choose_option' }),
  name: requiredText(160),
  organisation: trimmed(160),
});

/** Everything a user edits on a dossier. The same shape creates and autosaves. */
export const dossierInputSchema = z.object({
  voornaam: requiredText(80),
  tussenvoegsel: trimmed(30),
  achternaam: requiredText(120),
  geboortedatum: birthDateSchema,
  groep: z.enum(GROEPEN, { message: 'choose_option' }),
  schoolId: idSchema.or(z.literal('')).refine((s) => s !== '', { message: 'school_required' }),
  consulentId: idSchema.nullable(),
  niveau: niveauSchema,
  /** Aangemeld or lopend; a dossier is closed and reopened with its own methods. */
  status: z.enum(['aangemeld', 'lopend']).optional(),
  notes: trimmed(100_000),
  parents: z.array(parentInputSchema).max(10, { message: 'too_many' }),
  involved: z.array(involvedInputSchema).max(40, { message: 'too_many' }),
});
export type DossierInput = z.input<typeof dossierInputSchema>;

export const parentSchema = parentInputSchema.extend({ id: idSchema });
export const involvedSchema = involvedInputSchema.extend({ id: idSchema });

export const timelineEventSchema = z.object({
  id: idSchema,
  at: instantSchema,
  type: z.enum(TIMELINE_EVENTS),
  actorName: z.string(),
  /** Names of the fields that changed (never their content). */
  fields: z.array(z.string()),
  /** The MDO or kindgesprek the event is about; null for the dossier's own events. */
  refId: idSchema.nullable(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const dossierSchema = z.object({
  id: idSchema,
  voornaam: z.string(),
  tussenvoegsel: z.string(),
  achternaam: z.string(),
  geboortedatum: z.string(),
  groep: z.enum(GROEPEN),
  schoolId: idSchema,
  schoolName: z.string(),
  werkgebiedId: idSchema,
  werkgebiedName: z.string(),
  consulentId: idSchema.nullable(),
  niveau: z.number().int(),
  status: z.enum(DOSSIER_STATUSES),
  notes: z.string(),
  parents: z.array(parentSchema),
  involved: z.array(involvedSchema),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  closedAt: instantSchema.nullable(),
  /** Increases with every saved change. */
  version: z.number().int(),
  timeline: z.array(timelineEventSchema),
});
export type Dossier = z.infer<typeof dossierSchema>;

export const dossierRowSchema = z.object({
  id: idSchema,
  name: z.string(),
  geboortedatum: z.string(),
  groep: z.enum(GROEPEN),
  schoolName: z.string(),
  werkgebiedName: z.string(),
  status: z.enum(DOSSIER_STATUSES),
  niveau: z.number().int(),
  consulentName: z.string().nullable(),
  updatedAt: instantSchema,
});
export type DossierRow = z.infer<typeof dossierRowSchema>;

export const dossierListInputSchema = z.object({
  query: z.string().max(200).optional(),
  werkgebiedId: idSchema.optional(),
  schoolId: idSchema.optional(),
  status: z.enum(DOSSIER_STATUSES).optional(),
  niveau: niveauSchema.optional(),
  /** Only dossiers whose consulent is the current user. */
  mine: z.boolean().optional(),
  sort: z.enum(DOSSIER_SORT_FIELDS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type DossierListInput = z.input<typeof dossierListInputSchema>;

export const dossiersContract = {
  'dossiers:list': def(dossierListInputSchema, z.object({ total: z.number().int(), rows: z.array(dossierRowSchema) })),
  'dossiers:get': def(z.object({ id: idSchema }), dossierSchema),
  'dossiers:create': def(dossierInputSchema, dossierSchema),
  /** Autosave: the whole editable dossier. `baseVersion` guards against saving over a newer version. */
  'dossiers:update': def(
    z.object({ id: idSchema, baseVersion: z.number().int(), dossier: dossierInputSchema }),
    dossierSchema,
  ),
  'dossiers:close': def(z.object({ id: idSchema }), dossierSchema),
  'dossiers:reopen': def(z.object({ id: idSchema }), dossierSchema),
} as const;
