// An in-memory Transport for component tests: handlers per method, every call recorded.
import type { Input, Method, Output } from '../../../shared/contract/index.js';
import { ContractError, type Transport } from '../transport/transport.js';

type Handler<M extends Method> = (input: Input<M>, callIndex: number) => Output<M> | Promise<Output<M>>;
export type FakeHandlers = { [M in Method]?: Handler<M> };

export interface FakeTransport extends Transport {
  calls: { method: Method; input: unknown }[];
  inputsOf<M extends Method>(method: M): Input<M>[];
}

export function fakeTransport(handlers: FakeHandlers): FakeTransport {
  const calls: { method: Method; input: unknown }[] = [];
  const counts = new Map<Method, number>();
  return {
    calls,
    inputsOf<M extends Method>(method: M) {
      return calls.filter((c) => c.method === method).map((c) => c.input as Input<M>);
    },
    async call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
      calls.push({ method, input: structuredClone(input) });
      const n = counts.get(method) ?? 0;
      counts.set(method, n + 1);
      const handler = handlers[method] as Handler<M> | undefined;
      if (!handler) throw new ContractError('not_supported', `no fake for ${method}`);
      return handler(input, n);
    },
  };
}

export function validationError(fields: { path: string; key: string }[], lines?: { line: number; path: string; key: string }[]) {
  return new ContractError('validation', 'Niet alles is goed ingevuld.', fields, lines);
}

export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
