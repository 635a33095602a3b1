// `npm run bench [-- --dossiers 10000 --n 300]`: runs the benchmarks and prints a Markdown report
// (machine, date, numbers) to paste into docs/benchmarks.md; also saved under bench/results/.
// `--only sync` runs only the sync benchmarks (bench/sync.ts; `--sync-dossiers`, `--sync-documents`,
// `--sync-devices` to scale them, `--sync-backends sqlite` for one store backend); `--skip-sync` leaves them out.
// `--only commission` runs only the commission meeting-pack benchmark (bench/commission.ts).
import { cpus, totalmem, platform, release } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCoreBench } from './core-ops.js';
import { runColdStartBench } from './cold-start.js';
import { runMdoOpenBench } from './mdo-open.js';
import { runArrangementBench } from './arrangements.js';
import { commissionReport, runCommissionBench } from './commission.js';
import { ms } from './stats.js';
import { runSyncBench, syncReport, SYNC_DEFAULTS } from './sync.js';

const { values } = parseArgs({
  options: {
    dossiers: { type: 'string', default: '10000' }, n: { type: 'string', default: '300' }, 'skip-browser': { type: 'boolean' },
    only: { type: 'string' }, 'skip-sync': { type: 'boolean' },
    'sync-dossiers': { type: 'string' }, 'sync-documents': { type: 'string' }, 'sync-devices': { type: 'string' }, 'sync-backends': { type: 'string' },
  },
});
if (values.only !== undefined && values.only !== 'sync' && values.only !== 'commission') throw new Error(`--only supports: sync, commission`);
const onlySync = values.only === 'sync';
const onlyCommission = values.only === 'commission';
const dossiers = Number(values.dossiers);
const n = Number(values.n);

const TARGETS: Record<string, number> = {
  'first page of the list (100 rows)': 10,
  'search as you type (per keystroke)': 20,
  'save a dossier edit (autosave)': 3,
};

const lines: string[] = [];
const cpu = cpus()[0]?.model ?? 'unknown CPU';
lines.push(`### Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
lines.push('');
const machine = `Machine: ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}, Node ${process.version}.`;
lines.push(onlySync || onlyCommission ? machine : `${machine} ${dossiers.toLocaleString('nl-NL')} demo dossiers, ${n} samples per operation after 20 warm-up calls.`);
lines.push('');
if (!onlySync && !onlyCommission) {
  const core = await runCoreBench(dossiers, n);
  lines.push('| operation (through the contract) | p50 encrypted | p95 encrypted | p95 target | p50 plain | encryption cost (p50 ratio) |');
  lines.push('|---|---|---|---|---|---|');
  for (const [name, r] of Object.entries(core.ops)) {
    const target = TARGETS[name];
    const verdict = target === undefined ? '–' : `< ${target} ms ${r.encrypted.p95 < target ? '✅' : '❌'}`;
    lines.push(`| ${name} | ${ms(r.encrypted.p50)} | ${ms(r.encrypted.p95)} | ${verdict} | ${ms(r.plain.p50)} | ${r.ratio.toFixed(2)} ${r.ratio <= 1.15 ? '✅' : '❌'} |`);
  }
  lines.push('');
  lines.push(`Physical anchor: raw better-sqlite3 batched insert (1,000 rows per transaction, WAL, unencrypted): ${Math.round(core.insertRowsPerSec).toLocaleString('nl-NL')} rows/s.`);
  const mdo = await runMdoOpenBench(dossiers, n);
  lines.push('');
  lines.push(`MDO with 30 afspraken and ~20,000 characters of text (${mdo.textChars.toLocaleString('nl-NL')} characters as JSON), encrypted, beside ${mdo.otherMdos.toLocaleString('nl-NL')} other MDOs:`);
  lines.push('');
  lines.push('| operation (through the contract) | p50 | p95 | p95 target |');
  lines.push('|---|---|---|---|');
  lines.push(`| open the MDO (mdo:get) | ${ms(mdo.open.p50)} | ${ms(mdo.open.p95)} | < 30 ms ${mdo.open.p95 < 30 ? '✅' : '❌'} |`);
  lines.push(`| autosave one text field of it (mdo:save) | ${ms(mdo.autosave.p50)} | ${ms(mdo.autosave.p95)} | – |`);
  const arr = await runArrangementBench(dossiers, n);
  lines.push('');
  lines.push(`Arrangements: ${arr.arrangements.toLocaleString('nl-NL')} generated (seeded) over the demo's werkgebieden and schools, encrypted:`);
  lines.push('');
  lines.push('| operation (through the contract) | p50 | p95 | p95 target |');
  lines.push('|---|---|---|---|');
  lines.push(`| overview: one werkgebied, status toegekend/lopend, 100 rows + count/sum totals (arrangements:list) | ${ms(arr.list.p50)} | ${ms(arr.list.p95)} | < 50 ms ${arr.list.p95 < 50 ? '✅' : '❌'} |`);
  lines.push(`| autosave of one concept, re-costed (arrangements:save) | ${ms(arr.save.p50)} | ${ms(arr.save.p95)} | – |`);
  lines.push(`| budget recomputation after that change (arrangements:budgetEffect) | ${ms(arr.recompute.p50)} | ${ms(arr.recompute.p95)} | < 5 ms ${arr.recompute.p95 < 5 ? '✅' : '❌'} |`);
  if (!values['skip-browser']) {
    const cold = await runColdStartBench(dossiers);
    lines.push('');
    lines.push(
      `Web host cold start in Chromium, median of ${cold.runs} runs on a data folder with ${dossiers.toLocaleString('nl-NL')} dossiers: ` +
        `spawn \`node dist/host/web-host.mjs\` → URL printed ${ms(cold.listenMedian)} + page load → unlock screen ready ${ms(cold.readyMedian)} + ` +
        `"Ontgrendelen" → first list row visible ${ms(cold.unlockMedian)} = **${ms(cold.median)}** (target < 1500 ms ${cold.median < 1500 ? '✅' : '❌'}; slowest ${ms(cold.max)}). ` +
        `The time the user spends typing the passphrase is not counted; the deliberate scrypt key derivation (N=2^17, ${ms(cold.kdfMs)} alone) is.`,
    );
  }
}
if (!onlySync) {
  lines.push('');
  lines.push(...commissionReport(await runCommissionBench()));
}
if (!values['skip-sync'] && !onlyCommission) {
  const syncOpts = {
    ...SYNC_DEFAULTS, n,
    dossiers: Number(values['sync-dossiers'] ?? SYNC_DEFAULTS.dossiers),
    documents: Number(values['sync-documents'] ?? SYNC_DEFAULTS.documents),
    devices: Number(values['sync-devices'] ?? SYNC_DEFAULTS.devices),
    backends: values['sync-backends'] ? (values['sync-backends'].split(',') as Array<'sqlite' | 'postgres'>) : SYNC_DEFAULTS.backends,
  };
  lines.push('');
  lines.push(...syncReport(await runSyncBench(syncOpts), syncOpts));
}
const report = lines.join('\n');
console.log(report);
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', 'latest.md'), `${report}\n`);
