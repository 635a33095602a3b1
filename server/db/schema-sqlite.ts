// The store's tables on SQLite (declared in tables.ts). drizzle-kit reads this for server/migrations/sqlite.
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { defineTables, type Col, type TableKit } from './tables.js';

const kit: TableKit = {
  table: (name, columns, extra) => sqliteTable(name, columns as never, extra as never),
  text: (name) => text(name) as unknown as Col,
  int: (name) => integer(name) as unknown as Col,
  big: (name) => integer(name) as unknown as Col,
  bytes: (name) => blob(name, { mode: 'buffer' }) as unknown as Col,
  primaryKey: (columns) => primaryKey({ columns: columns as never }),
  index: (name, columns) => index(name).on(...(columns as [never])),
};

export const {
  associations, users, devices, enrollmentCodes, rateLimits, records, evictions, seen, history, blobs, blobChunks, tlvNumberBlocks,
} = defineTables(kit);
