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

/** A core error in the UI language: known codes get their own sentence, others the core's message. */
export function errorText(t: TFunction, error: { code: string; message: string }): string {
  return LOCALISED.has(error.code)
    ? t(`errors.${error.code}` as 'errors.empty_file')
    : error.message
}
