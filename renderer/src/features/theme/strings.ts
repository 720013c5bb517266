/** Strings of the theme switch. */
import type { Widen } from '../../i18n/types'

export const themeDe = {
  theme: {
    label: 'Farbschema',
    system: 'Wie System',
    light: 'Hell',
    dark: 'Dunkel',
  },
} as const

export const themeEn: Widen<typeof themeDe> = {
  theme: {
    label: 'Colour scheme',
    system: 'As system',
    light: 'Light',
    dark: 'Dark',
  },
}
