import type { TFunction } from 'i18next'

const LOCALISED = new Set([
  'empty_file',
  'binary_file',
  'unsupported_type',
  'too_large',
  'no_text',
  'decode_failed',
  'io_error',
  'not_found',
])

/** Codes whose sentences live in the health room's table (`features/health/strings.ts`). */
const LOCALISED_MORE = new Set([
  'not_a_file',
  'permission_denied',
  'too_deep',
  'library_read_only',
  'library_damaged',
  'library_busy',
  'disk_full',
  'cancelled',
  'internal',
])

/** A core error in the UI language: known codes get their own sentence, others the core's message. */
export function errorText(t: TFunction, error: { code: string; message: string }): string {
  if (LOCALISED.has(error.code)) return t(`errors.${error.code}` as 'errors.empty_file')
  if (LOCALISED_MORE.has(error.code))
    return t(`errorsMore.${error.code}` as 'errorsMore.not_a_file')
  return error.message
}
