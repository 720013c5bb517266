/** What every command of the CLI is written against: the open library, calls, printing. */
import type { Command } from 'commander'
import type { ApiResults, MethodName } from '../../shared/contract'
import { dateProblemSentence, parseTypedDate } from '../../shared/dates'
import type { Core } from '../core'

/** A user error of the CLI itself (bad arguments); reported as one line, exit code 1. */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export interface Cli {
  program: Command
  /** Opens the library named by --library, $LESESAAL_LIBRARY or the app's default (once). */
  open: () => Core
  /** The library file the command works on (without opening it). */
  libraryPath: () => string
  /** Calls one API method; a failed call becomes a CliError. */
  call: <M extends MethodName>(method: M, input: unknown) => Promise<ApiResults[M]>
  /** Prints JSON with --json, else the text. */
  print: (value: unknown, text: () => string) => void
  /** Sets the exit code (1 when a command's outcome is a failure, e.g. nothing imported). */
  setExitCode: (code: number) => void
  /** Whether --json was given. */
  json: () => boolean
}

/** A whole number of at least `min` from an option, or one sentence saying what is wrong. */
export function wholeNumber(text: string, option: string, min = 0): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < min)
    throw new CliError(
      'invalid_input',
      `${option} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, not "${text}".`,
    )
  return Number(text)
}

/** A date option as typed (2019-04-20, 20.04.2019, 2019-04, April 2019), checked. */
export function typedDate(option: string, text: string | undefined): string | null {
  if (text === undefined) return null
  const parsed = parseTypedDate(text)
  if ('date' in parsed) return parsed.date
  throw new CliError('invalid_input', `${option} ${dateProblemSentence(text, parsed.problem)}`)
}

/** The outlet exists in the library, or one sentence naming the ones that do. */
export async function knownOutlet(cli: Cli, name: string): Promise<void> {
  const names = (await cli.call('library.outlets', {})).map((o) => o.name)
  if (names.includes(name)) return
  const near = names.find((n) => n.toLowerCase() === name.toLowerCase())
  throw new CliError(
    'not_found',
    near
      ? `There is no outlet "${name}" in the library; did you mean "${near}"?`
      : names.length
        ? `There is no outlet "${name}" in the library; the outlets are: ${names.join(', ')}.`
        : `There is no outlet "${name}" in the library: no article has an outlet yet.`,
  )
}

/** Parses an id argument (articles, stories, highlights …). */
export function idArgument(value: string, kind = 'article', hint = 'lesesaal list'): number {
  if (!/^\d+$/.test(value) || Number(value) === 0)
    throw new CliError(
      'invalid_input',
      `"${value}" is not ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} id; ids are whole numbers (see: ${hint}).`,
    )
  return Number(value)
}
