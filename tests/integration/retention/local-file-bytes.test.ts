// The local purge leaves no trace in the database FILES either. The app's database is encrypted, so its
// bytes never show plaintext; this test opens one WITHOUT encryption (the benchmarks' baseline) to see
// that secure_delete, the search-index merge and the WAL checkpoint really remove the content.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createHandlers } from '../../../core/handlers/index.js';
import { openDatabase, type LocalDb } from '../../../db/open.js';
import { MIGRATIONS, dossierInput, tempDir } from '../../helpers/temp-core.js';

const MARKER = 'zqvbestandsmarker';
let clock = new Date('2026-11-22T10:00:00Z');
const dir = tempDir('veldwerk-bytes-');
let local: LocalDb | null = null;
afterEach(() => {
  local?.close();
  dir.remove();
});

it('after a purge the marker is in neither the database file nor its -wal (unencrypted copy)', async () => {
  const file = join(dir.dir, 'plain.db');
  local = openDatabase({ file, key: null, migrationsFolder: MIGRATIONS, now: () => clock });
  const h = createHandlers(local, { now: () => clock });
  await h['setup:complete']({ name: 'Consulent Test', role: 'consulent', associationName: 'SWV Test' });
  const wg = await h['werkgebieden:save']({ name: 'Noord' } as never);
  const school = await h['schools:save']({ name: 'De Vlinder', brin: '01AB', place: 'Alkmaar', werkgebiedId: wg.id } as never);
  const d = await h['dossiers:create'](dossierInput(school.id, { notes: `Notitie ${MARKER} ${MARKER}` }) as never);
  await h['dossiers:close']({ id: d.id });
  local.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const bytes = () => Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
  expect(bytes().includes(Buffer.from(MARKER))).toBe(true);

  clock = new Date('2028-11-22T10:00:00Z');
  await h['retention:purge']({ rule: 'dossier_closed', ids: [d.id] });
  expect(bytes().includes(Buffer.from(MARKER))).toBe(false);
  // The search index folds case: its terms are stored in lower case.
  expect(bytes().includes(Buffer.from(MARKER.toLowerCase()))).toBe(false);
});
