// The published JSON Schema of the dossier export (docs/export-schema/) must match shared/contract/export.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildExportSchema, EXPORT_SCHEMA_FILE } from '../../scripts/export-schema.js';

describe('docs/export-schema', () => {
  it('is up to date (run `npm run docs:export-schema` after changing shared/contract/export.ts)', () => {
    expect(readFileSync(EXPORT_SCHEMA_FILE, 'utf8')).toBe(buildExportSchema());
  });

  it('marks what an overdracht leaves out as optional, and the version as a constant', () => {
    const schema = JSON.parse(buildExportSchema()) as {
      required: string[];
      properties: Record<string, { const?: unknown; items?: { required?: string[] } }>;
    };
    expect(schema.properties.schemaVersion?.const).toBe(1);
    expect(schema.required).not.toContain('actions');
    expect(schema.required).not.toContain('processing');
    expect(schema.properties.mdos?.items?.required).not.toEqual(expect.arrayContaining(['consent']));
    expect(schema.properties.mdos?.items?.required).not.toEqual(expect.arrayContaining(['evaluatiedatum']));
    expect(schema.properties.mdos?.items?.required).toEqual(expect.arrayContaining(['zorgen', 'seriesId']));
    expect(schema.properties.tlvs?.items?.required).not.toEqual(expect.arrayContaining(['consent']));
  });
});
