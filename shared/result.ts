/**
 * Results and errors as they cross every door (IPC, HTTP, CLI): values, never stack traces.
 */

/** Machine-readable error codes. The renderer maps them to localised sentences. */
export const errorCodes = [
  'invalid_input',
  'unknown_method',
  'unauthorized',
  'not_found',
  'unsupported',
  'unsupported_type',
  'empty_file',
  'binary_file',
  'too_large',
  'no_text',
  'decode_failed',
  'io_error',
  'not_a_file',
  'permission_denied',
  'too_deep',
  'library_too_new',
  'library_unreadable',
  'library_read_only',
  'library_damaged',
  'library_busy',
  'disk_full',
  'cancelled',
  'internal',
] as const

export type ErrorCode = (typeof errorCodes)[number]

/** An error as a value: a code for programs and a one-line message for people. */
export interface ApiError {
  code: ErrorCode
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** Wraps a value as a successful result. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value })

/** Wraps an error code and message as a failed result. */
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
})

/**
 * An error that is the user's to fix (bad input, a broken file, a newer library).
 * Thrown inside handlers; the dispatcher turns it into `{ ok: false, error }`.
 */
export class UserError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'UserError'
    this.code = code
  }
}

/** True when `value` has the shape of a Result (used when reading untrusted transport data). */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false
  const v = value as { ok: unknown; error?: unknown }
  if (v.ok === true) return 'value' in value
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false
  const e = v.error as { code?: unknown; message?: unknown }
  return typeof e.code === 'string' && typeof e.message === 'string'
}
