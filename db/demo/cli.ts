// `npm run demo -- --data-dir DIR --dossiers 10000 [--seed N]`: a passphrase-protected data directory
// filled with the synthetic demo association, for trying the app or the web host with a large list.
// The passphrase comes from VELDWERK_PASSPHRASE or is asked on the terminal.
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { join } from 'node:path';
import { createCore } from '../../core/core.js';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    dossiers: { type: 'string', default: '3000' },
    seed: { type: 'string' },
  },
});
const dataDir = values['data-dir'];
if (!dataDir) {
  console.error('Gebruik: npm run demo -- --data-dir MAP [--dossiers 10000] [--seed 42]');
  process.exit(2);
}
const passphrase =
  process.env.VELDWERK_PASSPHRASE ??
  (await createInterface({ input: process.stdin, output: process.stdout }).question('Kies een wachtwoordzin (min. 10 tekens): '));

const core = createCore({ dataDir, migrationsFolder: join(import.meta.dirname, '../migrations') });
const steps: [string, unknown][] = [
  ['vault:create', { passphrase }],
  ['setup:loadDemo', { dossiers: Number(values.dossiers), ...(values.seed ? { seed: Number(values.seed) } : {}) }],
];
for (const [method, input] of steps) {
  const env = await core.call(method, input);
  if (!env.ok) {
    console.error(`${method}: ${env.error.message}`);
    process.exit(1);
  }
}
core.close();
console.log(`Demo-samenwerkingsverband met ${values.dossiers} dossiers staat in ${dataDir}.`);
