// Command-line flags of the web host (`node dist/host/web-host.mjs --help`).
import { parseArgs } from 'node:util';

export interface CliOptions {
  port: number;
  dataDir: string | undefined;
  open: boolean;
  verbose: boolean;
  help: boolean;
}

/** The message key of what is wrong, or the options. */
export function parseCliArgs(argv: string[]): CliOptions | { error: string } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        open: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch {
    return { error: 'host.bad_args' };
  }
  const rawPort = values.port as string | undefined;
  const port = rawPort === undefined ? 0 : Number(rawPort);
  if (!/^\d{1,5}$/.test(rawPort ?? '0') || !Number.isInteger(port) || port > 65535) return { error: 'host.bad_port' };
  return {
    port,
    dataDir: (values['data-dir'] as string | undefined) || undefined,
    open: values.open === true,
    verbose: values.verbose === true,
    help: values.help === true,
  };
}
