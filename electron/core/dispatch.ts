import {
  isMethodName,
  schemas,
  type ApiResults,
  type Handlers,
  type MethodName,
} from '../../shared/contract'
import { fail, ok, UserError, type Result } from '../../shared/result'
import { databaseError } from './db/errors'

/** A method name as the user sent it, whatever it is (a BigInt cannot be JSON). */
function describeName(method: unknown): string {
  try {
    return oneLine(JSON.stringify(method) ?? String(method)).slice(0, 100)
  } catch {
    return typeof method
  }
}

/** Messages cross the doors as one line. */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim()
}

/**
 * The one door-keeper every transport calls: checks the method name, validates the input
 * against its schema, runs the handler and turns every outcome into a Result value.
 */
export async function dispatch(
  handlers: Handlers,
  method: unknown,
  input: unknown,
): Promise<Result<ApiResults[MethodName]>> {
  if (!isMethodName(method))
    return fail('unknown_method', `There is no method called ${describeName(method)}.`)
  const parsed = schemas[method].safeParse(input ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
    return fail(
      'invalid_input',
      `Invalid input for ${method}: ${where}${issue?.message ?? 'not accepted'}.`,
    )
  }
  try {
    const handler = handlers[method] as (input: unknown) => unknown
    return ok((await handler(parsed.data)) as ApiResults[MethodName])
  } catch (err) {
    if (err instanceof UserError) return fail(err.code, oneLine(err.message))
    // the library's own troubles (read-only, busy, full, damaged) are the user's to know
    const known = databaseError(err)
    if (known) {
      console.error(`[lesesaal] ${method}: ${(err as Error).message}`)
      return fail(known.code, known.message)
    }
    // An internal error: the user gets a sentence, the log (stderr) gets the details.
    console.error(`[lesesaal] ${method} failed:`, err)
    return fail(
      'internal',
      `Lesesaal could not finish this (${method}) because of an unexpected problem; the details are in the log.`,
    )
  }
}
