/** The backup methods of the handler table: the library's health, backing up, restoring. */
import { join, resolve } from 'node:path'
import { UserError } from '../../../shared/result'
import type { CoreContext } from '../context'
import type { HandlersOf } from '../handlers'
import { backupNow, backupsDir, backupTo, listBackups, restoreLibrary } from './store'

export function backupHandlers(
  ctx: CoreContext,
): HandlersOf<'backup.status' | 'backup.create' | 'backup.restore'> {
  const { options } = ctx
  const path = options.libraryPath
  const inMemory = path === ':memory:'
  const noBackups = () =>
    new UserError('unsupported', 'A library that only lives in memory has no backups.')
  return {
    'backup.status': () => {
      const health = ctx.health()
      return {
        state: health.state,
        reason: health.reason,
        libraryPath: path,
        backupsDir: inMemory ? null : backupsDir(path),
        backups: inMemory ? [] : listBackups(path),
      }
    },
    'backup.create': async ({ path: target }) => {
      if (inMemory) throw noBackups()
      if (target === undefined) return backupNow(ctx.db, path, 'manual')
      if (!options.canImportPaths)
        throw new UserError(
          'unsupported',
          'Saving a backup to a path is not available here; make it in the backups folder.',
        )
      return backupTo(ctx.db, resolve(target))
    },
    'backup.restore': async ({ name, path: source }) => {
      if (inMemory) throw noBackups()
      let from: string
      if (name !== undefined) {
        const known = listBackups(path).find((b) => b.name === name)
        if (!known) throw new UserError('not_found', `There is no backup called ${name}.`)
        from = join(backupsDir(path), known.name)
      } else {
        if (!options.canImportPaths)
          throw new UserError(
            'unsupported',
            'Restoring from a path is not available here; choose a backup from the list.',
          )
        from = resolve(source!)
      }
      return ctx.withLibraryClosed(() => restoreLibrary(path, from))
    },
  }
}
