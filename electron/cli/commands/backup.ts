/** `backup`, `backups`, `restore`: copies of the library, and getting one back. */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { BackupInfo } from '../../../shared/contract/backup'
import { UserError } from '../../../shared/result'
import { restoreLibrary } from '../../core/backup/store'
import type { Cli } from '../context'

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`

export function registerBackupCommands(cli: Cli): void {
  const { program } = cli
  program
    .command('backup')
    .description("copy the library to FILE (default: a new file in the library's backups/ folder)")
    .argument('[file]', 'where to write the copy (must not exist yet)')
    .action(async (file?: string) => {
      const made = await cli.call('backup.create', file ? { path: resolve(file) } : {})
      cli.print(made, () => `Backed up the library to ${made.path} (${mb(made.bytes)}).`)
    })

  program
    .command('backups')
    .description("list the backups in the library's backups/ folder, newest first")
    .action(async () => {
      const status = await cli.call('backup.status', {})
      cli.print(status, () => formatBackups(status.backups, status.backupsDir))
    })

  program
    .command('restore')
    .description(
      'replace the library with a backup (a file, or a name from: lesesaal backups); the current library is kept as a backup first',
    )
    .argument('<file>', 'a backup file, or the name of one in the backups folder')
    .action(async (file: string) => {
      const byName = /^[^/\\]+\.sqlite$/.test(file) && !/[/\\]/.test(file)
      const input = byName && !existsSync(resolve(file)) ? { name: file } : { path: resolve(file) }
      let result
      try {
        cli.open()
        result = await cli.call('backup.restore', input)
      } catch (err) {
        // a library that cannot even be opened can still be replaced by a backup
        if (!(err instanceof UserError) || !/library_(unreadable|damaged)/.test(err.code)) throw err
        if (!('path' in input) || !input.path) throw err
        result = await restoreLibrary(cli.libraryPath(), input.path)
      }
      cli.print(
        result,
        () =>
          `Restored ${result.restored.name}.${result.kept ? ` The library as it was is kept in ${result.kept.path}.` : ''}`,
      )
    })
}

function formatBackups(backups: BackupInfo[], dir: string | null): string {
  if (backups.length === 0) return `No backups yet${dir ? ` (they go to ${dir})` : ''}.`
  return [
    ...backups.map(
      (b) => `${b.createdAt.slice(0, 19).replace('T', ' ')}  ${mb(b.bytes).padStart(9)}  ${b.name}`,
    ),
    `${backups.length} backup${backups.length === 1 ? '' : 's'} in ${dir}.`,
  ].join('\n')
}
