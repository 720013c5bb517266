import { homedir } from 'node:os'
import { join } from 'node:path'

/** The application's name as Electron derives its user-data folder from it. */
export const APP_NAME = 'Lesesaal'
export const LIBRARY_FILE = 'library.sqlite'

/**
 * The desktop app's user-data folder, computed exactly as Electron's `app.getPath('userData')`
 * does, so the CLI finds the app's library without loading Electron.
 */
export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME)
}

/** The library the desktop app uses, and the CLI's default. `LESESAAL_LIBRARY` overrides it. */
export function defaultLibraryPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.LESESAAL_LIBRARY || join(userDataDir(process.platform, env), LIBRARY_FILE)
}
