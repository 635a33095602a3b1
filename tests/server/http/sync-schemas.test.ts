// The published JSON schemas (docs/sync-schemas/) must match protocol.ts and ENTITY_DEFS.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSchemas, PROTOCOL_DOC, SCHEMA_DIR, withEntitySection } from '../../../scripts/sync-schemas.js';

describe('docs/sync-schemas', () => {
  it('are up to date (run `npm run docs:sync-schemas` after changing protocol.ts or entities.ts)', () => {
    const expected = buildSchemas();
    const present = existsSync(SCHEMA_DIR) ? readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json')).sort() : [];
    expect(present).toEqual([...expected.keys()].sort());
    for (const [name, text] of expected) expect(readFileSync(join(SCHEMA_DIR, name), 'utf8'), name).toBe(text);
  });

  it('the entity section of docs/sync-protocol.md matches ENTITY_DEFS', () => {
    const doc = readFileSync(PROTOCOL_DOC, 'utf8');
    expect(doc).toBe(withEntitySection(doc));
  });
});
