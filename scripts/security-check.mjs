// Part of `npm test`: the Electron shell through Electronegativity (every HIGH or MEDIUM finding must
// be explained in docs/security.md, section "Electronegativity findings"), and `npm audit` of the
// production dependencies (no high or critical advisory), when the registry's audit endpoint answers.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
let failed = false;

// --- Electronegativity ---------------------------------------------------------------------------
const dir = mkdtempSync(join(tmpdir(), 'veldwerk-eneg-'));
const csv = join(dir, 'findings.csv');
try {
  // -e: the Electron version we ship (the tool would otherwise ask the internet for release data).
  execFileSync(bin('electronegativity'), ['-i', join(root, 'electron'), '-r', '-v', 'false', '-e', '45.4.1', '-o', csv], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const rows = readFileSync(csv, 'utf8').trim().split('\n').slice(1).map(parseCsvLine);
  const findings = rows
    .map(([check, severity, confidence, file, location]) => ({ check, severity, confidence, file, location }))
    .filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
  const explained = explainedFindings(readFileSync(join(root, 'docs', 'security.md'), 'utf8'));
  const open = findings.filter((f) => !explained.has(`${f.check} ${f.file}`));
  console.log(`Electronegativity: ${rows.length} finding(s), ${findings.length} high/medium, ${open.length} unexplained.`);
  for (const f of open) console.error(`  UNEXPLAINED ${f.severity} ${f.check} in ${f.file}:${f.location}`);
  if (open.length > 0) {
    console.error('Explain each in docs/security.md ("Electronegativity findings": | CHECK | file | why |) or fix it.');
    failed = true;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// --- npm audit ------------------------------------------------------------------------------------
// Bounded: a registry that does not answer must not hang the test command.
const audit = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], {
  cwd: root, encoding: 'utf8', timeout: 60_000, shell: process.platform === 'win32',
});
let report = null;
try {
  report = JSON.parse(audit.stdout);
} catch {
  // no JSON: the endpoint did not answer
}
const counts = report?.metadata?.vulnerabilities;
if (counts) {
  const bad = (counts.high ?? 0) + (counts.critical ?? 0);
  console.log(`npm audit --omit=dev: ${counts.total ?? 0} advisory(ies), ${bad} high/critical.`);
  if (bad > 0) failed = true;
} else {
  // Our build machines reach the registry through a mirror without the audit endpoint (405).
  console.warn('!!! npm audit: het audit-endpoint van de registry antwoordt niet; audit niet uitgevoerd / audit endpoint unavailable, audit not run');
}

process.exit(failed ? 1 : 0);

function parseCsvLine(line) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

/** `CHECK file` pairs from the table rows of the "Electronegativity findings" section. */
function explainedFindings(md) {
  const section = md.split(/^## /m).find((s) => s.startsWith('Electronegativity findings')) ?? '';
  const pairs = new Set();
  for (const m of section.matchAll(/^\|\s*`?([A-Z_]+_CHECK)`?\s*\|\s*`?([^|`]+?)`?\s*\|/gm)) pairs.add(`${m[1]} ${m[2]}`);
  return pairs;
}
