// Writes docs/export-schema/dossier-export.schema.json: the JSON Schema (draft 2020-12) of the dossier
// export (shared/contract/export.ts) that a receiving school validates against.
// `npm run docs:export-schema`; tests/integration/export-schema.test.ts fails when it is stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { dossierExportSchema, EXPORT_SCHEMA_VERSION } from '../shared/contract/export.js';

export const EXPORT_SCHEMA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'export-schema');
export const EXPORT_SCHEMA_FILE = join(EXPORT_SCHEMA_DIR, 'dossier-export.schema.json');

/** The schema file's text, exactly as checked in. */
export function buildExportSchema(): string {
  const json = {
    $id: `https://veldwerk.nl/export/v${EXPORT_SCHEMA_VERSION}/dossier-export.schema.json`,
    // `output`: the shape as written by Veldwerk (defaults applied, every field present).
    ...z.toJSONSchema(dossierExportSchema, { io: 'output' }),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

function write(): void {
  mkdirSync(EXPORT_SCHEMA_DIR, { recursive: true });
  writeFileSync(EXPORT_SCHEMA_FILE, buildExportSchema());
  process.stdout.write(`Wrote ${EXPORT_SCHEMA_FILE}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) write();
