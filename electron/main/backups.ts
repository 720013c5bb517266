/**
 * Backups from the desktop app's menu, and the way back when the library cannot be opened:
 * native dialogs around the core's backup methods.
 */
import { dialog, type BrowserWindow } from 'electron'
import type { ApiResults } from '../../shared/contract'
import type { Core } from '../core'
import { backupsDir, listBackups, restoreLibrary } from '../core/backup/store'

type T = (de: string, en: string) => string

/** "Back up…": a copy wherever the user chooses. */
export async function backupFromMenu(core: Core, win: BrowserWindow | null, t: T): Promise<void> {
  const stamp = new Date().toISOString().slice(0, 10)
  const options = {
    title: t('Sicherung anlegen', 'Back up the library'),
    defaultPath: `lesesaal-${stamp}.sqlite`,
    filters: [{ name: 'Lesesaal', extensions: ['sqlite'] }],
  }
  const chosen = win
    ? await dialog.showSaveDialog(win, options)
    : await dialog.showSaveDialog(options)
  if (chosen.canceled || !chosen.filePath) return
  const r = await core.invoke('backup.create', { path: chosen.filePath })
  const message = r.ok
    ? t(
        `Die Bibliothek wurde gesichert: ${chosen.filePath}`,
        `The library was backed up to ${chosen.filePath}`,
      )
    : r.error.message
  await show(win, { type: r.ok ? 'info' : 'error', message })
}

/** "Restore…": a backup file, after asking; the current library is kept as a backup first. */
export async function restoreFromMenu(
  core: Core,
  libraryPath: string,
  win: BrowserWindow | null,
  t: T,
): Promise<void> {
  const options = {
    title: t('Aus Sicherung wiederherstellen', 'Restore from a backup'),
    defaultPath: backupsDir(libraryPath),
    properties: ['openFile' as const],
    filters: [{ name: 'Lesesaal', extensions: ['sqlite'] }],
  }
  const chosen = win
    ? await dialog.showOpenDialog(win, options)
    : await dialog.showOpenDialog(options)
  const file = chosen.filePaths[0]
  if (chosen.canceled || !file) return
  const sure = await show(win, {
    type: 'question',
    message: t(
      'Die Bibliothek durch diese Sicherung ersetzen? Die jetzige Bibliothek wird vorher selbst gesichert.',
      'Replace the library with this backup? The current library is backed up first.',
    ),
    detail: file,
    buttons: [t('Wiederherstellen', 'Restore'), t('Abbrechen', 'Cancel')],
    defaultId: 1,
    cancelId: 1,
  })
  if (sure !== 0) return
  const r = await core.invoke('backup.restore', { path: file })
  await show(win, {
    type: r.ok ? 'info' : 'error',
    message: r.ok
      ? t('Die Sicherung wurde wiederhergestellt.', 'The backup was restored.')
      : r.error.message,
    detail: r.ok ? (r.value as ApiResults['backup.restore']).kept?.path : undefined,
  })
}

/**
 * The library cannot be opened at all: offer its newest backup. Resolves true when a backup
 * was restored (the caller opens the library again).
 */
export async function offerRestore(libraryPath: string, reason: string, t: T): Promise<boolean> {
  const newest = listBackups(libraryPath)[0]
  if (!newest) {
    dialog.showErrorBox('Lesesaal', reason)
    return false
  }
  const answer = await dialog.showMessageBox({
    type: 'error',
    title: 'Lesesaal',
    message: reason,
    detail: t(
      `Die neueste Sicherung ist vom ${new Date(newest.createdAt).toLocaleString('de-DE')}. Die jetzige Datei wird vorher aufbewahrt.`,
      `The newest backup is from ${new Date(newest.createdAt).toLocaleString('en-GB')}. The current file is kept first.`,
    ),
    buttons: [
      t('Neueste Sicherung wiederherstellen', 'Restore the newest backup'),
      t('Beenden', 'Quit'),
    ],
    defaultId: 0,
    cancelId: 1,
  })
  if (answer.response !== 0) return false
  try {
    await restoreLibrary(libraryPath, newest.path)
    return true
  } catch (err) {
    dialog.showErrorBox('Lesesaal', (err as Error).message)
    return false
  }
}

async function show(
  win: BrowserWindow | null,
  options: Electron.MessageBoxOptions,
): Promise<number> {
  const r = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options)
  return r.response
}
