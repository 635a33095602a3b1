// The boundary step shared by every transport: parse the input with the contract's schema, run the
// handler, and turn any failure into an Envelope with a Dutch message.
import { contract, isMethod, type Envelope, type Method } from '../shared/contract/index.js';
import { issuesOf } from '../shared/domain/validation.js';
import { CoreError } from './errors.js';

export interface DispatchOptions {
  checkOutputs?: boolean;
  log: (line: string) => void;
}

export async function dispatch(
  method: string,
  raw: unknown,
  run: (method: Method, input: unknown) => unknown,
  opts: DispatchOptions,
): Promise<Envelope<unknown>> {
  if (!isMethod(method)) return { ok: false, error: new CoreError('bad_request').toData() };
  const def = contract[method];
  const parsed = def.input.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, error: new CoreError('validation', issuesOf(parsed.error)).toData() };
  try {
    const value = await run(method, parsed.data);
    if (opts.checkOutputs) def.output.parse(value);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof CoreError) return { ok: false, error: err.toData() };
    // Log what went wrong without personal data: the method and the error's kind, not its message.
    const kind = err instanceof Error ? `${err.name}${'code' in err ? ` ${String(err.code)}` : ''}` : typeof err;
    opts.log(`[core] ${method} failed: ${kind}`);
    return { ok: false, error: new CoreError('internal').toData() };
  }
}
