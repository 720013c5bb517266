import type { z } from 'zod'
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
 * against its schema, runs the handler and turns every outcome into a Result value. Messages
 * speak of what the user gave (the search, the start date), never of method names: the CLI,
 * the app and scripts all show them to people.
 */
export async function dispatch(
  handlers: Handlers,
  method: unknown,
  input: unknown,
): Promise<Result<ApiResults[MethodName]>> {
  if (!isMethodName(method))
    return fail('unknown_method', `There is no method called ${describeName(method)}.`)
  const parsed = schemas[method].safeParse(input ?? {})
  if (!parsed.success) return fail('invalid_input', describeIssue(parsed.error.issues[0], input))
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
      'Lesesaal could not finish this because of an unexpected problem; the details are in the log.',
    )
  }
}

/** What each input is called where a person reads about it. */
const LABELS: Record<string, string> = {
  query: 'search',
  limit: 'number of results',
  offset: 'number of results to skip',
  from: 'start date',
  to: 'end date',
  outlet: 'outlet',
  tag: 'tag',
  story: 'story',
  id: 'article number',
  url: 'link',
  paths: 'list of paths',
  files: 'list of files',
  text: 'text',
  title: 'title',
  word: 'word',
  sort: 'sort order',
  order: 'order',
  name: 'name',
  path: 'path',
  data: 'file data',
  filter: 'filter',
  source: 'source',
  lemma: 'headword',
  gloss: 'translation',
  note: 'note',
  entry: 'entry',
  asYouType: 'typing flag',
}

/** The value the issue is about, as the caller sent it. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<PropertyKey, unknown>)[key]
  }
  return v
}

function shown(value: unknown): string {
  if (typeof value === 'string')
    return value.length > 60 ? ` "${value.slice(0, 57)}…"` : ` "${value}"`
  if (typeof value === 'number' || typeof value === 'boolean') return ` ${value}`
  return ''
}

/** One sentence about the first thing wrong with an input, in the words of its reader. */
function describeIssue(issue: z.core.$ZodIssue | undefined, input: unknown): string {
  if (!issue) return 'The input was not accepted.'
  const field = [...issue.path].reverse().find((k) => typeof k === 'string') as string | undefined
  if (issue.path.length === 0) {
    if (issue.code === 'unrecognized_keys')
      return `Unknown input: ${issue.keys.map((k) => `"${k}"`).join(', ')}.`
    return 'The input must be an object of named values.'
  }
  const label = field ? (LABELS[field] ?? field) : 'value'
  const value = valueAt(input, issue.path)
  // a sentence written for the field (a date that does not exist, an empty search), which
  // names the value: it is told which field it was
  if (issue.code === 'custom' || /^[A-Z"].*\.$/.test(issue.message))
    return typeof value === 'string' && issue.message.startsWith(`"${value}"`)
      ? `The ${label} ${issue.message}`
      : issue.message
  const subject = `The ${label}${shown(value)}`
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined
        ? `The ${label} is missing.`
        : `${subject} is not ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}.`
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) <= 1
          ? `The ${label} is empty.`
          : `${subject} is too short (at least ${issue.minimum} characters).`
        : issue.origin === 'array'
          ? `The ${label} is empty.`
          : `${subject} is too small (at least ${issue.minimum}).`
    case 'too_big':
      return issue.origin === 'string'
        ? `The ${label} is too long (at most ${issue.maximum} characters).`
        : issue.origin === 'array'
          ? `The ${label} has too many items (at most ${issue.maximum}).`
          : `${subject} is too large (at most ${issue.maximum}).`
    case 'invalid_value':
      return `${subject} is not one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`
    case 'unrecognized_keys':
      return `Unknown input: ${issue.keys.map((k) => `"${k}"`).join(', ')}.`
    case 'invalid_format':
      // a pattern says in its own message what it wants ("an id of 8 to 100 letters, …")
      if (issue.format === 'regex')
        return `${subject} is not ${/^Invalid/.test(issue.message) ? 'in the expected form' : oneLine(issue.message)}.`
      return `${subject} is not ${issue.format === 'base64' ? 'Base64 data' : `a valid ${issue.format}`}.`
    default:
      return `${subject} is not accepted: ${oneLine(issue.message)}.`
  }
}
