import type { TFunction } from 'i18next'
import { ApiCallError } from '../../api/client'
import { errorText } from '../../components/errorText'

/** A failed call as one sentence in the UI language (the core's message for unknown codes). */
export function describeError(t: TFunction, err: unknown): string {
  const e =
    err instanceof ApiCallError
      ? err
      : { code: 'internal', message: err instanceof Error ? err.message : String(err) }
  return errorText(t, e)
}
