// MDO rows <-> contract objects. Scalars are columns (snake_case of the contract name); lists and
// documents are JSON columns. Kept apart from the write side of db/repos/mdo.ts to stay readable.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { mdoInputSchema, type Mdo } from '../../shared/contract/index.js';
import { uuidv7 } from '../../shared/ids.js';

export type MdoInputParsed = z.output<typeof mdoInputSchema>;
export type MdoContent = Omit<MdoInputParsed, 'attendees' | 'afspraken'> & Pick<Mdo, 'attendees' | 'afspraken'>;
type Meta = Omit<Mdo, keyof MdoContent | 'versions'> & { seriesId: string };

export const CONTENT_KEYS = Object.keys(mdoInputSchema.shape) as (keyof MdoInputParsed)[];
const JSON_KEYS = new Set<string>(['agenda', 'attendees', 'stimulerend', 'belemmerend', 'afspraken', 'consent']);
const META_KEYS = [
  'id', 'dossierId', 'seriesId', 'version', 'revision', 'status', 'consent', 'correctieReden', 'supersededBy', 'vastgesteldAt',
  'createdAt', 'updatedAt',
] as const;

export const snake = (k: string): string => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** A column value: JSON for the list and document columns. */
export const toColumn = (k: string, v: unknown): unknown => (JSON_KEYS.has(k) ? JSON.stringify(v) : v);

const SELECT = [...CONTENT_KEYS, ...META_KEYS].map((k) => `m.${snake(k)} AS ${k}`).join(', ');

export type StoredMdo = MdoContent & Meta;

export function mdoReader(sqlite: Database.Database) {
  const byId = sqlite.prepare<[string], Record<string, unknown>>(
    `SELECT ${SELECT}, u.name AS vastgesteldByName FROM mdos m LEFT JOIN users u ON u.id = m.vastgesteld_by WHERE m.id = ?`,
  );
  const versions = sqlite.prepare<[string], Mdo['versions'][number]>(
    `SELECT id, version, status, vastgesteld_at AS vastgesteldAt, correctie_reden AS correctieReden
     FROM mdos WHERE series_id = ? ORDER BY version`,
  );

  function stored(id: string): StoredMdo | null {
    const row = byId.get(id);
    if (!row) return null;
    for (const k of JSON_KEYS) row[k] = JSON.parse(row[k] as string);
    return row as unknown as StoredMdo;
  }

  return {
    stored,
    /** The contract object: the row plus all versions of its series. */
    get(id: string): Mdo | null {
      const row = stored(id);
      if (!row) return null;
      const { seriesId, ...rest } = row;
      return { ...rest, versions: versions.all(seriesId) };
    },
  };
}

/** Only the editable content of a stored row (for change detection and copying into a new version). */
export function contentOf(m: StoredMdo): MdoContent {
  return Object.fromEntries(CONTENT_KEYS.map((k) => [k, m[k]])) as MdoContent;
}

/**
 * The content to store for an input: items without an id (or with a repeated one) get a new id;
 * attendees keep the `present` flag they had.
 */
export function contentFrom(input: MdoInputParsed, current: MdoContent | null): MdoContent {
  const present = new Map((current?.attendees ?? []).map((a) => [a.id, a.present]));
  const withIds = <T extends { id?: string | undefined }>(xs: T[]) => {
    const seen = new Set<string>();
    return xs.map((x) => {
      const id = x.id && !seen.has(x.id) ? x.id : uuidv7();
      seen.add(id);
      return { ...x, id };
    });
  };
  return {
    ...input,
    attendees: withIds(input.attendees).map((a) => ({ ...a, present: present.get(a.id) ?? false })),
    afspraken: withIds(input.afspraken),
  };
}

/** Names of the content fields that differ; item ids are ignored, so a resend without ids is no change. */
export function changedKeys(next: MdoContent, current: MdoContent): (keyof MdoContent)[] {
  const norm = (k: keyof MdoContent, v: unknown) =>
    JSON.stringify(k === 'attendees' || k === 'afspraken' ? (v as { id: string }[]).map(({ id: _id, ...rest }) => rest) : v);
  return CONTENT_KEYS.filter((k) => norm(k, next[k]) !== norm(k, current[k]));
}
