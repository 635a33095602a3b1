// The renderer's one door to the core. Which implementation sits behind it is decided in main.tsx.
import { createContext, useContext } from 'react';
import type { ContractErrorData, Envelope, ErrorCode, Input, Method, Output } from '../../../shared/contract/index.js';

export interface Transport {
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
}

/** `network`: the core could not be reached at all (no envelope came back). */
export type ClientErrorCode = ErrorCode | 'network';

/** An `ok:false` envelope (or a failed connection) as a thrown error. */
export class ContractError extends Error {
  readonly code: ClientErrorCode;
  readonly fields: { path: string; key: string }[];
  readonly lines: { line: number; path: string; key: string }[];

  /** The i18n key of a message more specific than the code's own, when the core sent one. */
  readonly key: string | undefined;

  constructor(
    code: ClientErrorCode, message: string, fields?: ContractErrorData['fields'], lines?: ContractErrorData['lines'], key?: string,
  ) {
    super(message);
    this.key = key;
    this.name = 'ContractError';
    this.code = code;
    this.fields = fields ?? [];
    this.lines = lines ?? [];
  }

  static from(data: ContractErrorData): ContractError {
    return new ContractError(data.code, data.message, data.fields, data.lines, data.key);
  }
}

/** Turns an envelope into its value or a thrown ContractError. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope && typeof envelope === 'object' && 'ok' in envelope) {
    if (envelope.ok) return envelope.value;
    throw ContractError.from(envelope.error);
  }
  throw new ContractError('internal', 'invalid envelope');
}

export const TransportContext = createContext<Transport | null>(null);

export function useTransport(): Transport {
  const t = useContext(TransportContext);
  if (!t) throw new Error('No Transport provided');
  return t;
}
