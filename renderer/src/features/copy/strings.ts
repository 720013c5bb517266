/** Strings of copying: "copy with citation". */
import type { Widen } from '../../i18n/types'

export const copyDe = {
  copy: {
    cite: 'Mit Quelle kopieren',
    citeHint:
      'Kopiert den markierten Text mit Medium, Titel, Datum und Adresse (ohne Markierung nur die Quelle)',
    copied: 'Kopiert',
    failed: 'Die Zwischenablage ist hier nicht verfügbar.',
  },
} as const

export const copyEn: Widen<typeof copyDe> = {
  copy: {
    cite: 'Copy with citation',
    citeHint:
      'Copies the selected text with outlet, title, date and address (without a selection, just the source)',
    copied: 'Copied',
    failed: 'The clipboard is not available here.',
  },
}
