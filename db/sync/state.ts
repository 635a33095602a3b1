// The device's sync state, kept in the settings table of the encrypted database (the device token
// lives there, never in a plain file). The cursor is written in the same transaction as the page it
// belongs to (pull-apply.ts), so a crash never loses or repeats part of a checkpoint.
import type Database from 'better-sqlite3';
import { z } from 'zod';

const deviceSchema = z.object({
  storeUrl: z.string(),
  token: z.string(),
  deviceId: z.string(),
  deviceName: z.string(),
  userId: z.string(),
  associationId: z.string(),
  associationName: z.string(),
  /** Plain http to a non-loopback store, allowed by the store's health reply. */
  insecure: z.boolean(),
});
export type DeviceState = z.infer<typeof deviceSchema>;
/** States that stop automatic sync until something changes (a new enrolment, an update of the app). */
export type HaltState = 'revoked' | 'upgrade_required';

const KEYS = {
  device: 'sync.device',
  cursor: 'sync.cursor',
  epoch: 'sync.epoch',
  scope: 'sync.scope',
  lastSyncAt: 'sync.lastSyncAt',
  halt: 'sync.halt',
  haltKey: 'sync.haltKey',
  tlvRequests: 'sync.tlvRequests',
} as const;

/** A TLV number reservation sent (or about to be sent) to the store, kept until its block is in the pool. */
const tlvRequestSchema = z.object({ requestId: z.string(), series: z.string(), count: z.number().int() });
export type TlvRequest = z.infer<typeof tlvRequestSchema>;

export function syncStateStore(sqlite: Database.Database) {
  const get = sqlite.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck();
  const put = sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const del = sqlite.prepare('DELETE FROM settings WHERE key = ?');
  const read = (key: string): unknown => {
    const raw = get.get(key);
    return raw === undefined ? undefined : JSON.parse(raw);
  };
  const write = (key: string, value: unknown) => (value === null ? del.run(key) : put.run(key, JSON.stringify(value)));
  let device: DeviceState | null | undefined;

  return {
    device(): DeviceState | null {
      if (device !== undefined) return device;
      const raw = read(KEYS.device);
      return (device = raw === undefined ? null : deviceSchema.parse(raw));
    },
    setDevice(next: DeviceState): void {
      write(KEYS.device, next);
      device = next;
    },
    cursor: (): number => (read(KEYS.cursor) as number | undefined) ?? 0,
    setCursor: (cursor: number) => write(KEYS.cursor, cursor),
    epoch: (): number | null => (read(KEYS.epoch) as number | undefined) ?? null,
    setEpoch: (epoch: number) => write(KEYS.epoch, epoch),
    /** The user's role and scope as the store last said (the app's school filter reads it: db/repos/settings.ts). */
    setScope: (scope: { role: string; werkgebiedIds: string[]; schoolId: string | null }) =>
      write(KEYS.scope, { role: scope.role, werkgebiedIds: scope.werkgebiedIds, schoolId: scope.schoolId }),
    lastSyncAt: (): string | null => (read(KEYS.lastSyncAt) as string | undefined) ?? null,
    setLastSyncAt: (at: string) => write(KEYS.lastSyncAt, at),
    halt: (): HaltState | null => (read(KEYS.halt) as HaltState | undefined) ?? null,
    /** The i18n key of why sync stopped (unauthorized and device_revoked both halt as 'revoked'). */
    haltKey: (): string | null => (read(KEYS.haltKey) as string | undefined) ?? null,
    setHalt(h: HaltState | null, key: string | null = null): void {
      write(KEYS.halt, h);
      write(KEYS.haltKey, h ? key : null);
    },
    /**
     * Reservations whose block has not reached the pool yet: written before the request goes out, removed
     * in the transaction that adds the block, so a lost reply is replayed with the same requestId.
     */
    tlvRequests: (): TlvRequest[] => z.array(tlvRequestSchema).catch([]).parse(read(KEYS.tlvRequests) ?? []),
    setTlvRequests: (list: TlvRequest[]) => write(KEYS.tlvRequests, list.length ? list : null),
  };
}
export type SyncStateStore = ReturnType<typeof syncStateStore>;
