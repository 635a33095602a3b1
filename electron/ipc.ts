// The IPC registration wrapper: one `ipcMain.handle` per contract method, each checking who calls
// (our own top-level app:// page) and parsing the argument with the method's zod schema before the
// core sees it. Errors come back as envelopes, never as thrown exceptions (those would carry a
// stack trace into the renderer).
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { contract, METHODS, type Envelope, type Method } from '../shared/contract/index.js';
import { issuesOf } from '../shared/domain/validation.js';
import { message } from '../shared/i18n/index.js';
import { isAppUrl } from './app-url.js';

export interface ContractOptions {
  /** Receives only parsed input of a known method from a vetted sender. */
  call: (method: Method, input: unknown) => Promise<Envelope<unknown>>;
  /** Gets the method name and the kind of failure only; inputs may hold personal data. */
  log?: (line: string) => void;
}

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/** Only the app's own page in the top frame may call the core; iframes and foreign pages may not. */
export function isTrustedSender(event: SenderEvent | null | undefined): boolean {
  const frame = event?.senderFrame;
  if (!frame) return false;
  return frame.parent === null && isAppUrl(frame.url);
}

const forbidden = (): Envelope<never> => ({
  ok: false,
  error: { code: 'forbidden', message: message('errors.forbidden') },
});

export async function handleCall(
  method: Method,
  event: SenderEvent,
  raw: unknown,
  opts: ContractOptions,
): Promise<Envelope<unknown>> {
  if (!isTrustedSender(event)) {
    opts.log?.(`[ipc] ${method}: forbidden sender`);
    return forbidden();
  }
  // Absent arguments mean "no options" (e.g. `vault:status`), like the core does.
  const parsed = contract[method].input.safeParse(raw ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'validation', message: message('errors.validation'), fields: issuesOf(parsed.error) },
    };
  }
  try {
    return await opts.call(method, parsed.data);
  } catch {
    opts.log?.(`[ipc] ${method}: call failed`);
    return { ok: false, error: { code: 'internal', message: message('errors.internal') } };
  }
}

/** Registers every contract method; returns the channel names registered (for the contract test). */
export function registerContract(ipcMain: Pick<IpcMain, 'handle'>, opts: ContractOptions): Method[] {
  const registered: Method[] = [];
  for (const method of METHODS) {
    ipcMain.handle(method, (event, raw: unknown) => handleCall(method, event, raw, opts));
    registered.push(method);
  }
  return registered;
}
