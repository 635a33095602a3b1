// Start-up: unlocking the local database, first-run setup and the demo association.
import { z } from 'zod';
import { ROLES } from '../domain/dossier.js';
import { requiredText } from '../domain/validation.js';
import { def, emptyInput, idSchema } from './common.js';

export const profileSchema = z.object({
  userId: idSchema,
  name: z.string(),
  role: z.enum(ROLES),
  associationName: z.string(),
  /** Linked to the association's store: the store's role counts strictly (shared/contract/roles.ts). */
  linked: z.boolean().optional(),
});
export type Profile = z.infer<typeof profileSchema>;

export const vaultStateSchema = z.object({
  /** `new`: no database yet, a passphrase must be chosen; `locked`: passphrase needed; `unlocked`: ready. */
  state: z.enum(['new', 'locked', 'unlocked']),
  /** How the database key is protected: the OS keyring (desktop) or a passphrase. */
  protection: z.enum(['os', 'passphrase']),
});
export type VaultState = z.infer<typeof vaultStateSchema>;

export const PASSPHRASE_MIN = 10;
const passphrase = z.string().min(1, { message: 'required' }).max(1024, { message: 'too_long' });

export const appContract = {
  'vault:status': def(emptyInput, vaultStateSchema),
  'vault:create': def(
    z.object({ passphrase: passphrase.refine((s) => s.length >= PASSPHRASE_MIN, { message: 'passphrase_short' }) }),
    vaultStateSchema,
  ),
  'vault:unlock': def(z.object({ passphrase }), vaultStateSchema),
  /** `null` until the first-run setup (or the demo) has been done. */
  'setup:status': def(emptyInput, z.object({ profile: profileSchema.nullable() })),
  'setup:complete': def(
    z.object({
      name: requiredText(120),
      role: z.enum(ROLES, { message: 'choose_option' }),
      associationName: requiredText(160),
    }),
    profileSchema,
  ),
  'setup:loadDemo': def(
    z.object({ dossiers: z.number().int().min(0).max(50_000).optional(), seed: z.number().int().optional() }),
    z.object({ profile: profileSchema, werkgebieden: z.number(), schools: z.number(), dossiers: z.number() }),
  ),
  'users:list': def(
    emptyInput,
    z.array(z.object({ id: idSchema, name: z.string(), role: z.enum(ROLES) })),
  ),
} as const;
