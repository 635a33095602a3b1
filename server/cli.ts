// `npm run store:admin -- <command>`: administration of the association's store, on the same
// database as `npm run store` (DATABASE_URL, else VELDWERK_STORE_DIR/store.sqlite). Prints results
// on stdout (`--json` for scripts), problems on stderr. Exit codes: 0 done, 1 failed, 2 usage.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../shared/domain/dossier.js';
import type { StoreApi, UserScopeInput } from './store-api.js';
import { createStore } from './core/store.js';
import { storeLocation } from './http/store-env.js';
import { sha256Hex, verifyStoredAudit } from './audit-verify.js';

export const USAGE = `Usage: npm run store:admin -- <command> [options]

Commands:
  association create <name>                 create an association (prints its id)
  association list                          list associations
  werkgebied create <assocId> <name>        create a werkgebied
  werkgebied list <assocId>                 list werkgebieden with their ids
  school import <assocId> <file.csv>        import schools (columns naam;brin;plaats;werkgebied);
                                            nothing is imported when any line has an error
  school list <assocId>                     list schools with their ids (for user create --school)
  user create <assocId> --name <name> --role <role> [--werkgebied <id>]… [--school <id>]
  user scope <userId> --role <role> [--werkgebied <id>]… [--school <id>]
                                            change role/scope (the user's devices re-sync)
  user list <assocId>                       list users with role and scope
  enroll-code <userId> [--ttl-minutes 60]   one-time enrolment code for a new device (shown once)
  device list <assocId>                     list devices
  device revoke <deviceId>                  revoke a device (its token stops working at once)
  audit verify <assocId>                    verify every device's audit hash chain (exit 1 on a break)

Roles: ${ROLES.join(', ')}. A consulent needs at least one --werkgebied, a school user one --school.
Options: --json (machine-readable output), --store-dir <dir>, -h/--help.
Database: DATABASE_URL (PostgreSQL) or VELDWERK_STORE_DIR (default ./store-data, SQLite).`;

class UsageError extends Error {}

const COMMANDS = new Set([
  'association create', 'association list', 'werkgebied create', 'werkgebied list', 'school import', 'school list', 'user create', 'user scope',
  'user list', 'enroll-code', 'device list', 'device revoke', 'audit verify',
]);

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const err = (line: string): void => void process.stderr.write(`${line}\n`);

type Values = {
  name?: string; role?: string; werkgebied?: string[]; school?: string; 'ttl-minutes'?: string; json?: boolean;
  help?: boolean; 'store-dir'?: string;
};

function parse(argv: string[]): { positionals: string[]; values: Values } {
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        role: { type: 'string' },
        werkgebied: { type: 'string', multiple: true },
        school: { type: 'string' },
        'ttl-minutes': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        'store-dir': { type: 'string' },
      },
    });
    return { positionals, values: values as Values };
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

function args(positionals: string[], count: number, what: string): string[] {
  const rest = positionals.slice(positionals[0] === 'enroll-code' ? 1 : 2);
  if (rest.length !== count || rest.some((a) => a.trim() === '')) throw new UsageError(`Expected ${what}`);
  return rest;
}

function scopeFrom(values: Values): UserScopeInput {
  const role = values.role as Role | undefined;
  if (!role || !ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const werkgebiedIds = values.werkgebied ?? [];
  const schoolId = values.school ?? null;
  if (role === 'consulent' && werkgebiedIds.length === 0) throw new UsageError('A consulent needs at least one --werkgebied');
  if (role === 'school' && !schoolId) throw new UsageError('A school user needs --school');
  if (role !== 'school' && schoolId) throw new UsageError('--school is only for the school role');
  if (role !== 'consulent' && werkgebiedIds.length > 0) throw new UsageError('--werkgebied is only for the consulent role');
  return { role, werkgebiedIds, schoolId };
}

/** English text for the school CSV's problem keys (shared/domain/csv.ts); unknown keys are printed as they are. */
const CSV_PROBLEMS: Record<string, string> = {
  csv_empty: 'the file has no school lines',
  csv_header: 'header must name the columns naam, brin and werkgebied (plaats optional)',
  csv_columns: 'wrong number of columns',
  csv_quote: 'a quote is opened but never closed',
  brin_invalid: 'BRIN must be 2 digits and 2 letters, e.g. 12AB',
  brin_duplicate_in_file: 'this BRIN appears earlier in the file',
  werkgebied_unknown: 'no werkgebied with this name; create it first',
  werkgebied_required: 'werkgebied is empty',
  required: 'a required cell is empty',
  too_long: 'a cell is too long',
};

type Action = (store: StoreApi) => Promise<number>;

/** Checks the arguments (throwing UsageError) before the database is opened; returns what to do. */
function plan(positionals: string[], values: Values): Action {
  const json = values.json === true;
  const show = (value: unknown, text: () => string[]): void => {
    if (json) out(JSON.stringify(value));
    else text().forEach(out);
  };
  const cmd = positionals.slice(0, positionals[0] === 'enroll-code' ? 1 : 2).join(' ');
  switch (cmd) {
    case 'association create': {
      const [name] = args(positionals, 1, 'association create <name>');
      return async ({ admin }) => {
        const r = await admin.createAssociation(name!);
        show(r, () => [`Association created: ${r.id}`]);
        return 0;
      };
    }
    case 'association list': {
      args(positionals, 0, 'association list');
      return async ({ admin }) => {
        const list = await admin.listAssociations();
        show(list, () => (list.length ? list.map((a) => `${a.id}\t${a.name}\tversion ${a.head}`) : ['(no associations)']));
        return 0;
      };
    }
    case 'werkgebied create': {
      const [assoc, name] = args(positionals, 2, 'werkgebied create <assocId> <name>');
      return async ({ admin }) => {
        const r = await admin.createWerkgebied(assoc!, name!);
        show(r, () => [`Werkgebied created: ${r.id}`]);
        return 0;
      };
    }
    case 'werkgebied list': {
      const [assoc] = args(positionals, 1, 'werkgebied list <assocId>');
      return async ({ admin }) => {
        const list = await admin.listWerkgebieden(assoc!);
        show(list, () => (list.length ? list.map((w) => `${w.id}\t${w.name}`) : ['(no werkgebieden)']));
        return 0;
      };
    }
    case 'school list': {
      const [assoc] = args(positionals, 1, 'school list <assocId>');
      return async ({ admin }) => {
        const list = await admin.listSchools(assoc!);
        show(list, () => (list.length ? list.map((x) => `${x.id}\t${x.brin}\t${x.name}\twerkgebied=${x.werkgebiedId}`) : ['(no schools)']));
        return 0;
      };
    }
    case 'school import': {
      const [assoc, file] = args(positionals, 2, 'school import <assocId> <file.csv>');
      return async ({ admin }) => {
        let csv: string;
        try {
          csv = readFileSync(file!, 'utf8');
        } catch {
          err(`Cannot read ${file}`);
          return 1;
        }
        const r = await admin.importSchools(assoc!, csv);
        if (r.errors.length > 0) {
          if (json) out(JSON.stringify(r));
          for (const e of r.errors) err(`line ${e.line}: ${CSV_PROBLEMS[e.key] ?? e.key} (${e.key})`);
          err(`${r.errors.length} error(s); nothing was imported`);
          return 1;
        }
        show(r, () => [`Schools imported: ${r.created} created, ${r.updated} updated`]);
        return 0;
      };
    }
    case 'user create': {
      const [assoc] = args(positionals, 1, 'user create <assocId> --name <name> --role <role>');
      const name = values.name?.trim();
      if (!name) throw new UsageError('user create needs --name');
      const scope = scopeFrom(values);
      return async ({ admin }) => {
        const r = await admin.createUser(assoc!, name, scope);
        show(r, () => [`User created: ${r.id} (${name})`]);
        return 0;
      };
    }
    case 'user scope': {
      const [userId] = args(positionals, 1, 'user scope <userId> --role <role>');
      const scope = scopeFrom(values);
      return async ({ admin }) => {
        await admin.setUserScope(userId!, scope);
        show({ ok: true }, () => ['Scope changed; the user\'s devices purge and re-sync at their next sync']);
        return 0;
      };
    }
    case 'user list': {
      const [assoc] = args(positionals, 1, 'user list <assocId>');
      return async ({ admin }) => {
        const list = await admin.listUsers(assoc!);
        show(list, () =>
          list.length
            ? list.map((u) => `${u.id}\t${u.name}\t${u.role}\twerkgebieden=${u.werkgebiedIds.join(',') || '-'}\tschool=${u.schoolId ?? '-'}`)
            : ['(no users)'],
        );
        return 0;
      };
    }
    case 'enroll-code': {
      const [userId] = args(positionals, 1, 'enroll-code <userId> [--ttl-minutes 60]');
      const ttlRaw = values['ttl-minutes'] ?? '60';
      const ttl = Number(ttlRaw);
      if (!/^\d{1,5}$/.test(ttlRaw) || ttl < 1 || ttl > 7 * 24 * 60) throw new UsageError('--ttl-minutes must be 1..10080');
      return async ({ admin }) => {
        const r = await admin.issueEnrollmentCode(userId!, ttl);
        show(r, () => [`Enrolment code (shown once): ${r.code}`, `Valid until: ${r.expiresAt}`]);
        return 0;
      };
    }
    case 'device list': {
      const [assoc] = args(positionals, 1, 'device list <assocId>');
      return async ({ admin }) => {
        const list = await admin.listDevices(assoc!);
        show(list, () =>
          list.length
            ? list.map((d) => `${d.id}\tuser=${d.userId}\t${d.name}\tcreated=${d.createdAt}\tlastSeen=${d.lastSeenAt ?? '-'}${d.revokedAt ? `\tREVOKED ${d.revokedAt}` : ''}`)
            : ['(no devices)'],
        );
        return 0;
      };
    }
    case 'device revoke': {
      const [deviceId] = args(positionals, 1, 'device revoke <deviceId>');
      return async ({ admin }) => {
        await admin.revokeDevice(deviceId!);
        show({ ok: true }, () => [`Device revoked: ${deviceId}`]);
        return 0;
      };
    }
    case 'audit verify': {
      const [assoc] = args(positionals, 1, 'audit verify <assocId>');
      return async ({ admin }) => {
        const r = verifyStoredAudit(await admin.auditEvents(assoc!), sha256Hex);
        show(r, () => [
          `Audit events: ${r.events} from ${r.devices} device(s)`,
          ...(r.breaks.length ? r.breaks.map((b) => `BROKEN\tdevice=${b.deviceId}\tfirst broken seq=${b.seq}\t(${b.reason})`) : ['All chains intact']),
        ]);
        return r.breaks.length ? 1 : 0;
      };
    }
    default:
      throw new UsageError(positionals.length ? `Unknown command: ${positionals.join(' ')}` : 'No command given');
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    err((e as Error).message);
    err(USAGE);
    return 2;
  }
  if (parsed.values.help) {
    out(USAGE);
    return 0;
  }
  const [first = '', second = ''] = parsed.positionals;
  if (!COMMANDS.has(first === 'enroll-code' ? first : `${first} ${second}`)) {
    err(parsed.positionals.length ? `Unknown command: ${parsed.positionals.join(' ')}` : 'No command given');
    err(USAGE);
    return 2;
  }
  let action: Action;
  try {
    action = plan(parsed.positionals, parsed.values);
  } catch (e) {
    err((e as Error).message);
    err('Run with --help for usage.');
    return 2;
  }
  const where = storeLocation(process.env, parsed.values['store-dir']);
  let store: StoreApi;
  try {
    store = await createStore(where.databaseUrl ? { databaseUrl: where.databaseUrl } : { sqliteFile: where.sqliteFile! });
  } catch (e) {
    err(`Cannot open the store database (${where.describe}): ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  try {
    return await action(store);
  } catch (e) {
    err(`Failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    await store.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
