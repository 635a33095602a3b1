// `npm run store:admin -- audit verify <assocId>` as the operator runs it: a child process on a temp
// SQLite store holding a device's pushed audit chain; exit 0 while intact, 1 once a stored row changed.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../server/core/store.js';
import { SQLITE_FILE_NAME } from '../../server/http/store-env.js';
import { GENESIS_HASH, hashEvent } from '../../shared/domain/audit-chain.js';
import { uuidv7 } from '../../shared/ids.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const sha = (t: string) => createHash('sha256').update(t).digest('hex');
let dir: string;

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(TSX, [join(ROOT, 'server', 'cli.ts'), ...args], {
      cwd: dir, env: { ...process.env, VELDWERK_STORE_DIR: dir, DATABASE_URL: '' }, timeout: 30_000,
    }, (err, stdout, stderr) => done({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'veldwerk-audit-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('store admin: audit verify', () => {
  it('passes on the pushed chain and names the first broken seq after a stored row was changed', async () => {
    const store = await createStore({ sqliteFile: join(dir, SQLITE_FILE_NAME) });
    const { id: assoc } = await store.admin.createAssociation('SWV Audit');
    const { id: userId } = await store.admin.createUser(assoc, 'Bea', { role: 'beheerder', werkgebiedIds: [], schoolId: null });
    const { code } = await store.admin.issueEnrollmentCode(userId, 10);
    const enrolled = await store.enroll(code, 'laptop', 'test');
    if (typeof enrolled === 'string') throw new Error(enrolled);
    const auth = await store.authenticate(enrolled.token);
    if (!auth.ok) throw new Error(auth.code);
    let prev = GENESIS_HASH;
    const mutations = [1, 2, 3].map((seq) => {
      const e = {
        id: uuidv7(), device_id: enrolled.deviceId, seq, at: '2026-11-22T10:00:00.000Z', user_id: userId, action: 'view',
        method: 'dossiers:get', entity: 'dossier', entity_id: uuidv7(), dossier_id: null, detail: '{}', prev_hash: prev,
      };
      prev = hashEvent(e, sha);
      const data = { ...e, hash: prev };
      return { seq, mutationId: uuidv7(), entity: 'audit_event' as const, id: e.id, op: 'upsert' as const, data, base: null, at: e.at };
    });
    expect((await store.push(auth.ctx, mutations)).map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    await store.close();

    const ok = await cli('audit', 'verify', assoc);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Audit events: 3 from 1 device/);
    expect(ok.stdout).toMatch(/All chains intact/);

    const raw = new Database(join(dir, SQLITE_FILE_NAME));
    raw.prepare(`UPDATE records SET data = json_set(data, '$.action', 'change') WHERE entity = 'audit_event' AND id = ?`).run(mutations[1]!.id);
    raw.close();
    const broken = await cli('audit', 'verify', assoc, '--json');
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, breaks: [{ deviceId: enrolled.deviceId, seq: 2, reason: 'hash' }] });
  });
});
