// A linked app core in a child process for crash tests of sync: like core-child.ts, with automatic sync
// off and two extra commands: `__sync` runs one round and streams its progress as `{progress}` lines
// (so a test can SIGKILL the process in the middle of a pull), `__sql` reads the local database.
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { createCore } from '../../core/core.js';

const dataDir = process.argv[2];
const keyHex = process.env.VELDWERK_TEST_KEY_HEX ?? '';
if (!dataDir || !/^[0-9a-f]{64}$/.test(keyHex)) {
  process.stderr.write('usage: VELDWERK_TEST_KEY_HEX=<64 hex> sync-core-child.ts <data-dir>\n');
  process.exit(2);
}
const core = createCore({
  dataDir,
  migrationsFolder: join(import.meta.dirname, '../../db/migrations'),
  dataKey: Buffer.from(keyHex, 'hex'),
  syncIntervalMs: 0,
  log: () => {},
});
const send = (msg: unknown) => process.stdout.write(`${JSON.stringify(msg)}\n`);
send({ ready: true });
createInterface({ input: process.stdin }).on('line', (line) => {
  const { id, method, input } = JSON.parse(line) as { id: number; method: string; input: unknown };
  if (method === '__sync') {
    core.sync!.syncOnce((p) => send({ id, progress: p })).then(
      (value) => send({ id, envelope: { ok: true, value } }),
      (err: unknown) => send({ id, envelope: { ok: false, error: { code: (err as { code?: string }).code ?? 'internal', message: String(err) } } }),
    );
    return;
  }
  if (method === '__sql') {
    const { sql, params } = input as { sql: string; params?: unknown[] };
    send({ id, envelope: { ok: true, value: core.local!.sqlite.prepare(sql).all(...(params ?? [])) } });
    return;
  }
  void core.call(method, input).then((envelope) => send({ id, envelope }));
});
