// The store's tables on PostgreSQL (declared in tables.ts). drizzle-kit reads this for server/migrations/pg.
import { bigint, customType, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { defineTables, type Col, type TableKit } from './tables.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

const kit: TableKit = {
  table: (name, columns, extra) => pgTable(name, columns as never, extra as never),
  text: (name) => text(name) as unknown as Col,
  int: (name) => integer(name) as unknown as Col,
  big: (name) => bigint(name, { mode: 'number' }) as unknown as Col,
  bytes: (name) => bytea(name) as unknown as Col,
  primaryKey: (columns) => primaryKey({ columns: columns as never }),
  index: (name, columns) => index(name).on(...(columns as [never])),
};

export const {
  associations, users, devices, enrollmentCodes, rateLimits, records, evictions, seen, history, blobs, blobChunks, tlvNumberBlocks,
} = defineTables(kit);
