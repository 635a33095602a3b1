// A core in a child process for crash tests: opens the data dir with the hex key from
// VELDWERK_TEST_KEY_HEX and answers JSON lines `{id, method, input}` on stdin with `{id, envelope}`.
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { createCore } from '../../core/core.js';

const dataDir = process.argv[2];
const keyHex = process.env.VELDWERK_TEST_KEY_HEX ?? '';
if (!dataDir || !/^[0-9a-f]{64}$/.test(keyHex)) {
  process.stderr.write('usage: VELDWERK_TEST_KEY_HEX=<64 hex> core-child.ts <data-dir>\n');
  process.exit(2);
}
const core = createCore({
  dataDir,
  migrationsFolder: join(import.meta.dirname, '../../db/migrations'),
  dataKey: Buffer.from(keyHex, 'hex'),
  log: () => {},
});
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
createInterface({ input: process.stdin }).on('line', (line) => {
  const { id, method, input } = JSON.parse(line) as { id: number; method: string; input: unknown };
  void core.call(method, input).then((envelope) => process.stdout.write(`${JSON.stringify({ id, envelope })}\n`));
});
