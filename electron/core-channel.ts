// The message protocol between the main process and the core's utilityProcess, and the
// request/response correlator the main process uses. Both sides validate what they receive:
// a process boundary is a trust boundary too.
import { z } from 'zod';
import { contractErrorSchema, type Envelope, type ErrorCode } from '../shared/contract/index.js';
import { message } from '../shared/i18n/index.js';

const callId = z.number().int().nonnegative();

export const initMessageSchema = z.object({
  type: z.literal('init'),
  dataDir: z.string().min(1),
  migrationsFolder: z.string().min(1),
  /** 32 bytes, hex: given when the OS keyring protects the key. */
  dataKeyHex: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export const callMessageSchema = z.object({
  type: z.literal('call'),
  id: callId,
  method: z.string(),
  input: z.unknown(),
});
export const shutdownMessageSchema = z.object({ type: z.literal('shutdown') });
export const toCoreSchema = z.discriminatedUnion('type', [initMessageSchema, callMessageSchema, shutdownMessageSchema]);
export type ToCore = z.infer<typeof toCoreSchema>;
export type InitMessage = z.infer<typeof initMessageSchema>;

export const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: contractErrorSchema }),
]);
export const resultMessageSchema = z.object({ type: z.literal('result'), id: callId, envelope: envelopeSchema });
/** Sent once after `init`: whether the core could open (with an OS key) or is waiting for a passphrase. */
export const readyMessageSchema = z.object({ type: z.literal('ready'), ok: z.boolean() });
export const fromCoreSchema = z.discriminatedUnion('type', [resultMessageSchema, readyMessageSchema]);
export type FromCore = z.infer<typeof fromCoreSchema>;

export function errorEnvelope(code: ErrorCode): Envelope<never> {
  return { ok: false, error: { code, message: message(`errors.${code}`) } };
}

export interface Correlator {
  /** Sends a call and resolves with its envelope; never rejects. */
  request(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** Feeds a message from the core; returns false for anything that is not a known result. */
  receive(raw: unknown): boolean;
  /** The core is gone: every open call ends with an `internal` envelope, later calls too. */
  closed(): void;
  readonly pending: number;
}

export function createCorrelator(send: (msg: ToCore) => void): Correlator {
  const waiting = new Map<number, (env: Envelope<unknown>) => void>();
  let nextId = 0;
  let isClosed = false;

  return {
    request(method, input) {
      if (isClosed) return Promise.resolve(errorEnvelope('internal'));
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        try {
          send({ type: 'call', id, method, input });
        } catch {
          // Posting to a process that just died throws; answer like a crash.
          waiting.delete(id);
          resolve(errorEnvelope('internal'));
        }
      });
    },
    receive(raw) {
      const parsed = resultMessageSchema.safeParse(raw);
      if (!parsed.success) return false;
      const resolve = waiting.get(parsed.data.id);
      if (!resolve) return false;
      waiting.delete(parsed.data.id);
      resolve(parsed.data.envelope as Envelope<unknown>);
      return true;
    },
    closed() {
      isClosed = true;
      const all = [...waiting.values()];
      waiting.clear();
      for (const resolve of all) resolve(errorEnvelope('internal'));
    },
    get pending() {
      return waiting.size;
    },
  };
}
