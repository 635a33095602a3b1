// The typed contract between the renderer and the core. Names are `domain:action`.
import type { z } from 'zod';
import { appContract } from './app.js';
import { arrangementsContract } from './arrangements.js';
import { auditContract } from './audit.js';
import { beheerContract } from './beheer.js';
import { commissionContract } from './commission.js';
import { dossiersContract } from './dossiers.js';
import { exportContract } from './export.js';
import { kindgesprekContract } from './kindgesprek.js';
import { lockContract } from './lock.js';
import { mdoContract } from './mdo.js';
import { retentionContract } from './retention.js';
import { syncContract } from './sync.js';
import { termijnenContract } from './termijnen.js';
import { tlvContract } from './tlv.js';

export const contract = {
  ...appContract,
  ...beheerContract,
  ...dossiersContract,
  ...mdoContract,
  ...kindgesprekContract,
  ...arrangementsContract,
  ...tlvContract,
  ...termijnenContract,
  ...syncContract,
  ...lockContract,
  ...commissionContract,
  ...retentionContract,
  ...auditContract,
  ...exportContract,
} as const;
export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export const METHODS = Object.keys(contract) as Method[];
// Who may call what: shared/contract/roles.ts, imported from there (not re-exported here, so the renderer's
// start-up chunk can use the table without building every schema of the contract before zod-config.ts runs).
export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Methods that work before the database is unlocked. */
export const PRE_UNLOCK_METHODS: readonly Method[] = ['vault:status', 'vault:create', 'vault:unlock'];

export * from './common.js';
export * from './app.js';
export * from './beheer.js';
export * from './dossiers.js';
export * from './mdo.js';
export * from './kindgesprek.js';
export * from './arrangements.js';
export * from './tlv.js';
export * from './termijnen.js';
export * from './sync.js';
export * from './lock.js';
export * from './commission.js';
export * from './retention.js';
export * from './export.js';
export * from './audit.js';
