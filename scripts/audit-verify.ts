// `npm run audit:verify -- <dataDir>`: verifies the audit hash chains in a device's local database (its own
// events and, on a beheerder's device, those pulled from the store). The key is unwrapped with the
// passphrase from VELDWERK_PASSPHRASE or asked for; a desktop installation protected by the OS keyring
// has no passphrase: verify there through the app (Auditlog → Keten controleren) or the store's copy.
// Prints counts and, per broken chain, the device and the first broken seq; exit 1 on a break, 2 on usage.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { DB_FILE, KEY_FILE } from '../core/core.js';
import { keyFileSchema, unwrapKey, WrongPassphraseError } from '../db/keys.js';
import { openDatabase, WrongKeyError } from '../db/open.js';
import { auditRepo, sha256Hex } from '../db/repos/audit.js';
import { verifyAuditChains } from '../shared/domain/audit-chain.js';

const out = (line: string) => void process.stdout.write(`${line}\n`);
const err = (line: string) => void process.stderr.write(`${line}\n`);

async function passphrase(): Promise<string> {
  const env = process.env.VELDWERK_PASSPHRASE;
  if (env) return env;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return await rl.question('Passphrase: ');
  } finally {
    rl.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const dataDir = argv.find((a) => !a.startsWith('-'));
  const json = argv.includes('--json');
  if (!dataDir) {
    err('Usage: npm run audit:verify -- <dataDir> [--json]   (passphrase from VELDWERK_PASSPHRASE or asked)');
    return 2;
  }
  const keyFile = join(dataDir, KEY_FILE);
  if (!existsSync(keyFile) || !existsSync(join(dataDir, DB_FILE))) {
    err(`No passphrase-protected Veldwerk database in ${dataDir}`);
    return 2;
  }
  let key: Buffer;
  try {
    key = await unwrapKey(keyFileSchema.parse(JSON.parse(readFileSync(keyFile, 'utf8'))), await passphrase());
  } catch (e) {
    err(e instanceof WrongPassphraseError ? 'Wrong passphrase' : 'Cannot read the key file');
    return 1;
  }
  const here = dirname(fileURLToPath(import.meta.url));
  let local;
  try {
    local = openDatabase({ file: join(dataDir, DB_FILE), key, migrationsFolder: resolve(here, '../db/migrations') });
  } catch (e) {
    err(e instanceof WrongKeyError ? 'The key does not open this database' : 'Cannot open the database');
    return 1;
  }
  try {
    const rows = auditRepo(local.sqlite, () => new Date()).all();
    const breaks = verifyAuditChains(rows, sha256Hex);
    const devices = new Set(rows.map((r) => r.device_id)).size;
    if (json) out(JSON.stringify({ ok: breaks.length === 0, devices, events: rows.length, breaks }));
    else {
      out(`Audit events: ${rows.length} from ${devices} device(s)`);
      for (const b of breaks) out(`BROKEN\tdevice=${b.deviceId}\tfirst broken seq=${b.seq}\t(${b.reason})`);
      if (!breaks.length) out('All chains intact');
    }
    return breaks.length ? 1 : 0;
  } finally {
    local.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
