/**
 * `lesesaal [--library PATH] COMMAND [--json]`: the command line over the same core and
 * handler table as the app. With --json, stdout carries exactly one JSON document.
 * User errors exit 1 with one line on stderr; never a stack trace.
 *
 * Each room's commands live in `commands/<room>.ts` and register themselves on the program.
 */
import { Command, CommanderError } from 'commander'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ApiResults, MethodName } from '../../shared/contract'
import { UserError } from '../../shared/result'
import pkg from '../../package.json' with { type: 'json' }
import { createCore, type Core } from '../core'
import { defaultLibraryPath } from '../core/paths'
import { registerAlignCommands } from './commands/align'
import { registerBackupCommands } from './commands/backup'
import { registerFurnitureCommands } from './commands/furniture'
import { registerLexiconCommands } from './commands/lexicon'
import { registerLibraryCommands } from './commands/library'
import { registerNotesCommands } from './commands/notes'
import { registerSearchCommands } from './commands/search'
import { registerStudyCommands } from './commands/study'
import { registerStoryCommands } from './commands/stories'
import { registerVersionsCommands } from './commands/versions'
import { CliError, type Cli } from './context'

/**
 * The resources folder (built-in glossary), two levels up from here in the sources
 * (electron/cli). Built, this module is a chunk one level further down: the entry passes it.
 */
const RESOURCES = join(dirname(fileURLToPath(import.meta.url)), '../../resources')

interface GlobalOptions {
  library?: string
  json?: boolean
}

export async function main(
  argv: string[],
  options: { resourcesPath?: string } = {},
): Promise<number> {
  // The core logs diagnostics (with stacks) for the app's log; on the command line stderr is
  // the user's screen: one line per error, the details only with LESESAAL_DEBUG=1.
  if (!process.env.LESESAAL_DEBUG) console.error = () => {}
  let core: Core | null = null
  let json = argv.includes('--json')
  let exitCode = 0

  const program = new Command()
    .name('lesesaal')
    .description('Lesesaal: a reading room for German news, on the command line.')
    .option(
      '--library <path>',
      "library file (default: the desktop app's library, or $LESESAAL_LIBRARY)",
    )
    .option('--json', 'print one JSON document on stdout')
    .version(pkg.version, '-V, --version', 'print the version')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeErr: () => {}, // commander's own messages are reported below as one line
      // --version --json prints {"version": …}
      writeOut: (text) =>
        process.stdout.write(
          json && text.trim() === pkg.version
            ? `${JSON.stringify({ version: pkg.version })}\n`
            : text,
        ),
    })

  const libraryPath = () => {
    const opts = program.opts<GlobalOptions>()
    return opts.library ? resolve(opts.library) : defaultLibraryPath()
  }
  const open = (): Core => {
    if (core) return core
    core = createCore({
      libraryPath: libraryPath(),
      mode: 'browser',
      canImportPaths: true,
      resourcesPath: options.resourcesPath ?? RESOURCES,
    })
    // a damaged or read-only library is still read; say so once, on stderr
    const health = core.health()
    if (health.reason)
      process.stderr.write(
        `lesesaal: note: ${health.reason}${health.state === 'damaged' ? ' (see: lesesaal backups, then lesesaal restore NAME)' : ''}\n`,
      )
    return core
  }
  const cli: Cli = {
    program,
    open,
    libraryPath,
    call: async <M extends MethodName>(method: M, input: unknown): Promise<ApiResults[M]> => {
      const result = await open().invoke(method, input)
      if (!result.ok) throw new CliError(result.error.code, result.error.message)
      return result.value as ApiResults[M]
    },
    print: (value, text) => {
      process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`)
    },
    setExitCode: (code) => {
      exitCode = code
    },
    json: () => json,
  }

  registerLibraryCommands(cli)
  registerSearchCommands(cli)
  registerLexiconCommands(cli)
  registerStudyCommands(cli)
  registerStoryCommands(cli)
  registerAlignCommands(cli)
  registerBackupCommands(cli)
  registerFurnitureCommands(cli)
  registerNotesCommands(cli)
  registerVersionsCommands(cli)

  try {
    await program.parseAsync(argv, { from: 'user' })
    json = Boolean(program.opts<GlobalOptions>().json) || json
    return exitCode
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0
      if (err.code === 'commander.help' || err.exitCode === 0) return 0
      return reportError(
        json,
        'invalid_input',
        `${err.message.replace(/^error: /, '')} (see: lesesaal --help)`,
      )
    }
    if (err instanceof CliError || err instanceof UserError)
      return reportError(json, err.code, err.message)
    // a bug: one sentence for the user, the details on stderr only when asked for
    if (process.env.LESESAAL_DEBUG) console.error(err)
    return reportError(
      json,
      'internal',
      'Lesesaal stopped because of an unexpected problem (set LESESAAL_DEBUG=1 to see the details).',
    )
  } finally {
    ;(core as Core | null)?.close()
  }
}

function reportError(json: boolean, code: string, message: string): number {
  const line = message.replace(/\s*\n\s*/g, ' ').trim()
  process.stderr.write(`lesesaal: ${line}\n`)
  if (json) process.stdout.write(`${JSON.stringify({ error: { code, message: line } })}\n`)
  return 1
}
