/** The app itself: what the host can do, and links to the outside. */
import { z } from 'zod'
import type { AppInfo } from '../types'

export const appSchemas = {
  'app.info': z.strictObject({}),
  'app.openExternal': z.strictObject({ url: z.string().min(1).max(4096) }),
} as const

export interface AppResults {
  'app.info': AppInfo
  'app.openExternal': { opened: boolean }
}

export interface AppEvents {
  /** A menu command from the desktop shell. */
  'app.command': { command: 'import' | 'paste' | 'library' | 'backups' }
}
