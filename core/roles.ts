// The role gate: every contract call is checked against the declared table (shared/contract/roles.ts)
// before its input is parsed or its handler runs, so a caller learns nothing about a method it may
// not use. The role is read from the database on every call: a role changed by the store counts at once.
import { isMethod } from '../shared/contract/index.js';
import { mayCall, type Caller } from '../shared/contract/roles.js';
import { CoreError } from './errors.js';

export interface RoleGate {
  /** The `forbidden` error when the current user may not call `method`, else null. */
  refusal(method: string): CoreError | null;
}

export function createRoleGate(caller: () => Caller): RoleGate {
  return {
    refusal(method) {
      if (!isMethod(method)) return null; // unknown methods are the dispatcher's bad_request
      return mayCall(method, caller()) ? null : new CoreError('forbidden');
    },
  };
}
