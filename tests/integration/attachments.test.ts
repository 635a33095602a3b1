import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../core/core.js';
import { MAX_ATTACHMENT_BYTES } from '../../shared/domain/attachments.js';
import { message } from '../../shared/i18n/index.js';
import { tempCore, type TestCore } from '../helpers/temp-core.js';
import { arrSetup } from './arrangements.fixtures.js';

let t: TestCore;
let ownerId: string;
const MARKER = 'ATTACHMENT-MARKER-7f3a9c';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const files = (dir: string) => Buffer.concat(readdirSync(dir).filter((f) => f.startsWith(DB_FILE)).map((f) => readFileSync(join(dir, f))));

beforeEach(async () => {
  t = tempCore();
  const s = await arrSetup(t);
  ownerId = (await t.call('tlv:create', { dossierId: s.dossier.id })).id;
});
afterEach(() => t.dispose());

describe('attachments', () => {
  it('accepts a PDF and a PNG by content, with the right sha256, and returns the bytes', async () => {
    const bytes = Buffer.from(`%PDF-1.7\n${MARKER}\n%%EOF`);
    const a = await t.call('attachments:add', { ownerType: 'tlv', ownerId, name: 'verslag.pdf', base64: bytes.toString('base64') });
    expect(a).toMatchObject({ name: 'verslag.pdf', mediaType: 'application/pdf', sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    const png = await t.call('attachments:add', { ownerType: 'tlv', ownerId, name: 'scan', base64: PNG.toString('base64') });
    expect(png.mediaType).toBe('image/png');
    expect(Buffer.from((await t.call('attachments:get', { id: a.id })).base64, 'base64').equals(bytes)).toBe(true);
  });

  it('refuses an .exe renamed .pdf by its content, and a file over 5 MiB with the Dutch message', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    const bad = await t.raw('attachments:add', { ownerType: 'tlv', ownerId, name: 'rapport.pdf', base64: exe.toString('base64') });
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'validation', message: message('validation.attachment_type'), fields: [{ path: 'base64', key: 'attachment_type' }] });
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(MAX_ATTACHMENT_BYTES, 32)]);
    const tooBig = await t.raw('attachments:add', { ownerType: 'tlv', ownerId, name: 'groot.pdf', base64: big.toString('base64') });
    expect(tooBig.ok ? null : tooBig.error).toMatchObject({ code: 'validation', message: 'Dit bestand is te groot.' });
    expect(t.core.local!.sqlite.prepare('SELECT count(*) FROM attachments').pluck().get()).toBe(0);
  });

  it('keeps the bytes encrypted at rest and removes them', async () => {
    const bytes = Buffer.from(`%PDF-1.7\n${`${MARKER} `.repeat(200)}\n%%EOF`);
    const a = await t.call('attachments:add', { ownerType: 'tlv', ownerId, name: 'verslag.pdf', base64: bytes.toString('base64') });
    expect(files(t.dir).includes(MARKER)).toBe(false);
    t.core.local!.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(files(t.dir).includes(MARKER)).toBe(false);
    expect(await t.call('attachments:remove', { id: a.id })).toEqual({ id: a.id });
    expect((await t.raw('attachments:get', { id: a.id })).ok).toBe(false);
    const ops = t.core.local!.sqlite.prepare("SELECT op FROM outbox WHERE entity = 'attachment' AND entity_id = ? ORDER BY seq").pluck().all(a.id);
    expect(ops).toEqual(['upsert', 'delete']);
    // The outbox references the file by sha256 only: after removal no copy of its content is left anywhere.
    const data = t.core.local!.sqlite.prepare("SELECT data FROM outbox WHERE entity = 'attachment'").pluck().all() as string[];
    expect(JSON.parse(data[0]!)).toMatchObject({ id: a.id, sha256: a.sha256 });
    expect(data.join('\n')).not.toContain(bytes.toString('base64').slice(0, 40));
    const stored = t.core.local!.sqlite.prepare('SELECT count(*) FROM attachments WHERE id = ?').pluck().get(a.id);
    expect(stored).toBe(0);
  });
});
