// How a device reaches a store. The app uses the HTTP implementation (db/sync/http-transport.ts);
// property and fault tests wrap the store in-process and drop, repeat or reorder deliveries.
import type {
  BlobStatus, EnrollRequest, EnrollResponse, HealthResponse, PullRequest, PullResponse, PushRequest, PushResponse,
  StoreErrorCode, TlvNumbersRequest, TlvNumbersResponse,
} from './protocol.js';

export interface StoreTransport {
  health(): Promise<HealthResponse>;
  enroll(req: EnrollRequest): Promise<EnrollResponse>;
  push(req: PushRequest): Promise<PushResponse>;
  pull(req: PullRequest): Promise<PullResponse>;
  blobStatus(sha256: string): Promise<BlobStatus | null>;
  blobAppend(sha256: string, size: number, offset: number, chunk: Uint8Array): Promise<BlobStatus>;
  /** The bytes from `from` to the end. */
  blobGet(sha256: string, from: number): Promise<Uint8Array>;
  /** Reserves a block of TLV numbers for this device (secretaris only); a replayed requestId returns the same block. */
  reserveTlvNumbers(req: TlvNumbersRequest): Promise<TlvNumbersResponse>;
}

/** A failed call: a store error code, or `offline` when the store could not be reached or the reply was cut. */
export class TransportError extends Error {
  constructor(
    readonly code: StoreErrorCode | 'offline',
    message = code,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}
