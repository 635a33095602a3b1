// Termijnen: deadlines that need attention today (evaluations, TLV endings, herbeoordeling, zorgplicht, afspraken).
import { z } from 'zod';
import { SEVERITIES, TERMIJN_KINDS } from '../domain/termijnen.js';
import { def, idSchema } from './common.js';

export const termijnSchema = z.object({
  kind: z.enum(TERMIJN_KINDS),
  dossierId: idSchema,
  dossierName: z.string(),
  /** The arrangement, MDO, TLV or afspraak the deadline belongs to. */
  refId: idSchema,
  due: z.string(),
  daysLeft: z.number().int(),
  severity: z.enum(SEVERITIES),
  /** i18n key for the line, e.g. `enums.termijn.tlv_decision`. */
  labelKey: z.string(),
});
export type TermijnItem = z.infer<typeof termijnSchema>;

export const termijnenContract = {
  /** Sorted by due date; `today` is the Amsterdam calendar day of the core's clock. */
  'termijnen:list': def(
    z.object({ werkgebiedId: idSchema.optional(), dossierId: idSchema.optional() }),
    z.object({ today: z.string(), items: z.array(termijnSchema) }),
  ),
} as const;
