import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore, DB_FILE, KEY_FILE } from '../../core/core.js';
import { openDatabase, WrongKeyError } from '../../db/open.js';
import { MIGRATIONS, dossierInput, tempCore, tempDir } from '../helpers/temp-core.js';

const MARKER = 'Zwanenburg-Markeer-7731';

function filesOf(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir).filter((f) => f.startsWith(DB_FILE)).map((f) => readFileSync(join(dir, f))));
}

describe('encrypted local database', () => {
  it('holds no plaintext of a known marker in the database, WAL or shm files', async () => {
    const t = tempCore();
    await t.call('setup:complete', { name: MARKER, role: 'consulent', associationName: MARKER });
    const wg = await t.call('werkgebieden:save', { name: `WG ${MARKER}` });
    const s = await t.call('schools:save', { name: `School ${MARKER}`, brin: '12AB', place: 'X', werkgebiedId: wg.id });
    await t.call('dossiers:create', dossierInput(s.id, { achternaam: MARKER, notes: `notitie ${MARKER} `.repeat(50) }));
    // Before close: the WAL holds the fresh pages. After close: the checkpointed main file does.
    expect(filesOf(t.dir).includes(MARKER)).toBe(false);
    t.core.close();
    const all = filesOf(t.dir);
    expect(all.length).toBeGreaterThan(4096);
    expect(all.includes(MARKER)).toBe(false);
    expect(all.includes(Buffer.from(MARKER, 'utf16le'))).toBe(false);
    expect(all.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    // Control: the marker IS found in an unencrypted database written the same way.
    const plain = tempDir();
    const db = openDatabase({ file: join(plain.dir, DB_FILE), key: null, migrationsFolder: MIGRATIONS });
    db.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('x', MARKER);
    db.close();
    expect(filesOf(plain.dir).includes(MARKER)).toBe(true);
    plain.remove();
    t.dispose();
  });

  it('does not open without the key or with another key', async () => {
    const t = tempCore();
    await t.call('setup:complete', { name: 'A', role: 'consulent', associationName: 'B' });
    t.core.close();
    const file = join(t.dir, DB_FILE);
    const bare = new Database(file);
    expect(() => bare.prepare('SELECT count(*) FROM users').get()).toThrow(/not a database/);
    bare.close();
    expect(() => openDatabase({ file, key: randomBytes(32), migrationsFolder: MIGRATIONS })).toThrow(WrongKeyError);
    const again = openDatabase({ file, key: t.key, migrationsFolder: MIGRATIONS });
    expect(again.sqlite.prepare('SELECT name FROM users').pluck().get()).toBe('A');
    again.close();
    t.dispose();
  });

  it('migrates an empty database to head, and again is a no-op', () => {
    const d = tempDir();
    const file = join(d.dir, DB_FILE);
    const key = randomBytes(32);
    const db = openDatabase({ file, key, migrationsFolder: MIGRATIONS });
    const tables = db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['dossiers', 'dossier_fts', 'dossier_events', 'outbox', 'schools', 'werkgebieden', 'users', 'settings']));
    const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    const applied = () => db.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get();
    expect(applied()).toBe(journal.entries.length);
    db.close();
    const db2 = openDatabase({ file, key, migrationsFolder: MIGRATIONS });
    expect(db2.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(journal.entries.length);
    expect(db2.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    db2.close();
    d.remove();
  });
});

describe('passphrase vault (web host mode)', () => {
  const scrypt = { N: 2 ** 10, r: 8, p: 1 };
  it('creates, locks and unlocks with the passphrase; refuses a wrong one in Dutch', async () => {
    const d = tempDir();
    const make = () => createCore({ dataDir: d.dir, migrationsFolder: MIGRATIONS, scrypt, log: () => {} });
    const core = make();
    expect(await core.call('vault:status', {})).toEqual({ ok: true, value: { state: 'new', protection: 'passphrase' } });
    const locked = await core.call('dossiers:list', {});
    expect(!locked.ok && locked.error.code).toBe('locked');
    const short = await core.call('vault:create', { passphrase: 'kort' });
    expect(!short.ok && short.error.fields).toEqual([{ path: 'passphrase', key: 'passphrase_short' }]);
    expect((await core.call('vault:create', { passphrase: 'lange wachtwoordzin' })).ok).toBe(true);
    expect((await core.call('setup:complete', { name: 'N', role: 'school', associationName: 'S' })).ok).toBe(true);
    core.close();
    expect(existsSync(join(d.dir, KEY_FILE))).toBe(true);
    expect(readFileSync(join(d.dir, KEY_FILE), 'utf8')).not.toMatch(/lange wachtwoordzin/);

    const again = make();
    expect(await again.call('vault:status', {})).toEqual({ ok: true, value: { state: 'locked', protection: 'passphrase' } });
    expect(await again.call('vault:unlock', { passphrase: 'verkeerde zin!' })).toEqual({
      ok: false,
      error: { code: 'wrong_passphrase', message: 'Deze wachtwoordzin klopt niet.' },
    });
    expect((await again.call('vault:unlock', { passphrase: 'lange wachtwoordzin' })).ok).toBe(true);
    const status = await again.call('setup:status', {});
    expect(status.ok && (status.value as { profile: { name: string } }).profile.name).toBe('N');
    again.close();
    d.remove();
  });
});
