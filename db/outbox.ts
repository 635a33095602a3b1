// Every change to synced data writes its outbox row in the same transaction as the change itself.
import type Database from 'better-sqlite3';
import { uuidv7 } from '../shared/ids.js';

export type OutboxEntity = 'dossier' | 'werkgebied' | 'school' | 'mdo' | 'dossier_action' | 'kindgesprek'
  | 'arrangement' | 'budget_allocation' | 'tlv' | 'attachment';

export function outboxWriter(sqlite: Database.Database) {
  const insert = sqlite.prepare(
    `INSERT INTO outbox (mutation_id, entity, entity_id, op, data, base_version, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  return (entity: OutboxEntity, entityId: string, op: 'upsert' | 'delete', data: unknown, baseVersion: number | null, at: string) => {
    insert.run(uuidv7(), entity, entityId, op, JSON.stringify(data), baseVersion, at);
  };
}
