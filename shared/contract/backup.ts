/** The library's health and backups: the integrity check's verdict, backing up, restoring. */
import { z } from 'zod'

/** Why a backup was made: daily, on request, before an upgrade to format N, before a restore. */
export type BackupReason = 'daily' | 'manual' | 'before-restore' | `before-upgrade-${number}`

export interface BackupInfo {
  /** The file name (backups in the library's `backups/` folder are restored by name). */
  name: string
  path: string
  reason: string
  /** ISO time the backup was made. */
  createdAt: string
  bytes: number
}

/**
 * `ok`; `readOnly` (the file may not be written: read and search only); `damaged` (it failed
 * its integrity check and is open read-only, so nothing makes it worse, until a backup is
 * restored).
 */
export interface LibraryHealthInfo {
  state: 'ok' | 'readOnly' | 'damaged'
  /** One English sentence (the UI has its own per state); null when ok. */
  reason: string | null
  libraryPath: string
  /** Where backups are kept; null for a library in memory. */
  backupsDir: string | null
  /** Newest first. */
  backups: BackupInfo[]
}

const fileName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\]+\.sqlite$/, 'a backup file name from the list')

export const backupSchemas = {
  'backup.status': z.strictObject({}),
  /** Without a path: into the library's `backups/` folder. A path only where hosts allow it. */
  'backup.create': z.strictObject({ path: z.string().min(1).max(4096).optional() }),
  /** A backup from the list (by name), or a file by path where hosts allow paths. */
  'backup.restore': z
    .strictObject({
      name: fileName.optional(),
      path: z.string().min(1).max(4096).optional(),
    })
    .refine((x) => (x.name === undefined) !== (x.path === undefined), {
      message: 'give either the name of a backup or a path',
    }),
} as const

export interface BackupResults {
  'backup.status': LibraryHealthInfo
  'backup.create': BackupInfo
  'backup.restore': { restored: BackupInfo; kept: BackupInfo | null }
}

export interface BackupEvents {
  /** The library's health changed (a restore, damage found while working). */
  'backup.health': { state: LibraryHealthInfo['state']; reason: string | null }
}
