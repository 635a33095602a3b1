// The admin CLI as the operator runs it: a child process on a temp SQLite store.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../server/core/store.js';
import { SQLITE_FILE_NAME } from '../../server/http/store-env.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
let dir: string;

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(TSX, [join(ROOT, 'server', 'cli.ts'), ...args], {
      cwd: dir, env: { ...process.env, VELDWERK_STORE_DIR: dir, DATABASE_URL: '' }, timeout: 30_000,
    }, (err, stdout, stderr) => {
      done({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
const json = async (...args: string[]) => {
  const r = await cli(...args, '--json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'veldwerk-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('store admin CLI', () => {
  it('walks an operator from an empty store to an enrolment code', async () => {
    const { id: assoc } = await json('association', 'create', 'SWV Testregio');
    expect((await json('association', 'list')).map((a: { name: string }) => a.name)).toEqual(['SWV Testregio']);
    const { id: wg } = await json('werkgebied', 'create', assoc, 'Noord');

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'naam;brin;plaats;werkgebied\nDe Linde;12AB;Zwolle;Noord\nHet Anker;XX;Kampen;Noord\nDe Vonk;56EF;Ede;Onbekend\n');
    const failed = await cli('school', 'import', assoc, bad);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/line 3: /);
    expect(failed.stderr).toMatch(/nothing was imported/);
    const good = join(dir, 'good.csv');
    writeFileSync(good, 'naam;brin;plaats;werkgebied\nDe Linde;12AB;Zwolle;Noord\n');
    expect(await json('school', 'import', assoc, good)).toMatchObject({ created: 1, updated: 0 });
    expect(await json('werkgebied', 'list', assoc)).toEqual([{ id: wg, name: 'Noord' }]);
    const schools = await json('school', 'list', assoc);
    expect(schools).toEqual([{ id: expect.any(String), name: 'De Linde', brin: '12AB', werkgebiedId: wg }]);

    const created = await cli('user', 'create', assoc, '--name', 'Anna de Vries', '--role', 'consulent', '--werkgebied', wg);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/User created: \S+ \(Anna de Vries\)/);
    const users = await json('user', 'list', assoc);
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ name: 'Anna de Vries', role: 'consulent', werkgebiedIds: [wg] });

    const codeRun = await cli('enroll-code', users[0].id, '--ttl-minutes', '30');
    expect(codeRun.code).toBe(0);
    const code = /Enrolment code \(shown once\): (\S+)/.exec(codeRun.stdout)?.[1];
    expect(code).toBeDefined();

    // The code enrols a device on the same database.
    const store = await createStore({ sqliteFile: join(dir, SQLITE_FILE_NAME) });
    try {
      const enrolled = await store.enroll(code!, 'Laptop', 'test');
      expect(typeof enrolled).toBe('object');
    } finally {
      await store.close();
    }
    const devices = await json('device', 'list', assoc);
    expect(devices).toHaveLength(1);
    expect((await cli('device', 'revoke', devices[0].id)).code).toBe(0);
    expect((await json('device', 'list', assoc))[0].revokedAt).not.toBeNull();
  }, 120_000);

  it('usage errors exit 2 with the usage text; store errors exit 1', async () => {
    const [none, bogus, badRole, noScope, badTtl, unknownUser, help] = await Promise.all([
      cli(),
      cli('bogus', 'thing'),
      cli('user', 'create', 'x', '--name', 'A', '--role', 'koning'),
      cli('user', 'create', 'x', '--name', 'A', '--role', 'consulent'),
      cli('enroll-code', 'nobody', '--ttl-minutes', 'lots'),
      cli('enroll-code', 'nobody'),
      cli('--help'),
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/Usage: npm run store:admin/);
    expect([bogus.code, badRole.code, noScope.code, badTtl.code]).toEqual([2, 2, 2, 2]);
    expect(unknownUser.code).toBe(1);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/association create <name>/);
  }, 60_000);
});
