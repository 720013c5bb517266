/** Strings of the settings menu in the top bar. */
import type { Widen } from '../../i18n/types'

export const settingsDe = {
  settings: {
    label: 'Einstellungen',
    backups: 'Sicherungen …',
  },
} as const

export const settingsEn: Widen<typeof settingsDe> = {
  settings: {
    label: 'Settings',
    backups: 'Backups …',
  },
}
