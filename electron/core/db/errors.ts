/**
 * Database errors a user can understand and act on, as one sentence each. Everything else
 * is a bug: logged with its details, and reported as one sentence without them.
 */
import { UserError } from '../../../shared/result'

/** The user's sentence for a SQLite error that is about the library, or null for other errors. */
export function databaseError(err: unknown): UserError | null {
  if (err instanceof UserError) return err
  const code = String((err as { code?: unknown })?.code ?? '')
  if (!code.startsWith('SQLITE_')) return null
  if (code.startsWith('SQLITE_READONLY'))
    return new UserError(
      'library_read_only',
      'The library is open read-only, so nothing can be changed (see the notice about the library).',
    )
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new UserError(
      'library_busy',
      'Another program is writing to the library right now; try again in a moment.',
    )
  if (code === 'SQLITE_FULL')
    return new UserError('disk_full', 'The disk is full; nothing was saved.')
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return new UserError(
      'library_damaged',
      'The library file is damaged; restore a backup (lesesaal restore FILE, or from the menu).',
    )
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN'))
    return new UserError(
      'io_error',
      'The library file could not be read or written (a disk or permission problem).',
    )
  return null
}
