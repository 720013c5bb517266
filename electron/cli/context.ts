/** What every command of the CLI is written against: the open library, calls, printing. */
import type { Command } from 'commander'
import type { ApiResults, MethodName } from '../../shared/contract'
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

/** Parses a whole-number argument, or throws one clear sentence. */
export function wholeNumber(value: string, what: string): number {
  if (!/^\d+$/.test(value))
    throw new CliError('invalid_input', `${what} must be a whole number, not "${value}".`)
  return Number(value)
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
