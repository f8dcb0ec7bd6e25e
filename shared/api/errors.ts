/** Error codes of the IPC contract (spec/encounter-api.md), shared by every transport. */
/**
 * `busy`: the request was refused because of work in progress (a restore replacing the database);
 * nothing was changed and the same request succeeds once that work is over.
 */
export const ERROR_CODES = ['invalid', 'not-found', 'conflict', 'locked', 'exists', 'io', 'forbidden', 'busy', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  readonly code: ErrorCode;
  /** One sentence a clinician understands. */
  readonly message: string;
  /** Dotted path of the offending field, for `invalid`. */
  readonly path?: string;
}

export type Envelope<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiErrorBody };

/** Thrown by services and by the client; carries the contract's error code. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly path: string | undefined;
  constructor(code: ErrorCode, message: string, path?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.path = path;
  }
  toBody(): ApiErrorBody {
    return this.path === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, path: this.path };
  }
}
