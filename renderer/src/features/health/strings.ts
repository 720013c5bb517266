/** The library's health and its backups, and running jobs: German and English. */
import type { Widen } from '../../i18n/types'

export const healthDe = {
  health: {
    readOnly:
      'Die Bibliothek ist schreibgeschützt: Sie können lesen und suchen, aber nichts ändern.',
    damaged:
      'Die Bibliothek hat ihre Prüfung nicht bestanden und ist nur lesbar geöffnet, damit nichts schlimmer wird.',
    restoreOffer: 'Aus einer Sicherung wiederherstellen …',
    backups: 'Sicherungen',
    backupsTitle: 'Sicherungen der Bibliothek',
    intro:
      'Lesesaal sichert die Bibliothek vor jedem Update und einmal täglich, solange die App läuft. Die Sicherungen liegen im Ordner {{dir}}.',
    libraryFile: 'Bibliothek: {{path}}',
    backupNow: 'Jetzt sichern',
    backingUp: 'Sichere …',
    made: 'Gesichert: {{name}}',
    none: 'Noch keine Sicherungen.',
    restore: 'Wiederherstellen',
    restoring: 'Stelle wieder her …',
    confirmRestore:
      'Die Bibliothek durch die Sicherung vom {{date}} ersetzen? Die jetzige Bibliothek wird vorher selbst gesichert.',
    restored: 'Wiederhergestellt: {{name}}. Die vorige Bibliothek ist als {{kept}} gesichert.',
    inMemory: 'Diese Bibliothek liegt nur im Arbeitsspeicher und hat keine Sicherungen.',
    reasons: {
      daily: 'täglich',
      manual: 'von Hand',
      'before-restore': 'vor einer Wiederherstellung',
      'before-upgrade': 'vor einem Update',
    },
    size: '{{mb}} MB',
  },
  jobs: {
    cancel: 'Abbrechen',
    cancelling: 'Breche ab …',
    progress: '{{done}} von {{total}}',
    cancelled: 'Abgebrochen: {{done}} von {{total}} Dateien wurden bearbeitet, der Rest nicht.',
  },
  errorsMore: {
    not_a_file: 'Das ist keine Datei (ein Gerät, eine Pipe, ein Socket oder ein toter Link).',
    permission_denied: 'Keine Berechtigung, das zu lesen.',
    too_deep: 'Zu tief verschachtelt, um als Artikel gelesen zu werden.',
    library_read_only: 'Die Bibliothek ist nur lesbar geöffnet; nichts wurde geändert.',
    library_damaged: 'Die Bibliothek ist beschädigt; bitte aus einer Sicherung wiederherstellen.',
    library_busy:
      'Ein anderes Programm schreibt gerade in die Bibliothek; bitte gleich noch einmal.',
    disk_full: 'Die Festplatte ist voll; nichts wurde gespeichert.',
    cancelled: 'Abgebrochen.',
    internal: 'Etwas ist unerwartet schiefgegangen; Einzelheiten stehen im Protokoll.',
  },
  warnings: {
    invalid_bytes: 'Einige Bytes waren ungültig und wurden durch � ersetzt.',
  },
} as const

export const healthEn: Widen<typeof healthDe> = {
  health: {
    readOnly: 'The library is read-only: you can read and search, but not change anything.',
    damaged: 'The library failed its check and is open read-only, so that nothing makes it worse.',
    restoreOffer: 'Restore from a backup …',
    backups: 'Backups',
    backupsTitle: 'Backups of the library',
    intro:
      'Lesesaal backs up the library before every update and once a day while the app runs. The backups are in {{dir}}.',
    libraryFile: 'Library: {{path}}',
    backupNow: 'Back up now',
    backingUp: 'Backing up …',
    made: 'Backed up: {{name}}',
    none: 'No backups yet.',
    restore: 'Restore',
    restoring: 'Restoring …',
    confirmRestore:
      'Replace the library with the backup of {{date}}? The current library is backed up first.',
    restored: 'Restored: {{name}}. The previous library is kept as {{kept}}.',
    inMemory: 'This library lives in memory only and has no backups.',
    reasons: {
      daily: 'daily',
      manual: 'by hand',
      'before-restore': 'before a restore',
      'before-upgrade': 'before an update',
    },
    size: '{{mb}} MB',
  },
  jobs: {
    cancel: 'Cancel',
    progress: '{{done}} of {{total}}',
    cancelling: 'Cancelling …',
    cancelled: 'Cancelled: {{done}} of {{total}} files were handled, the rest were not.',
  },
  errorsMore: {
    not_a_file: 'This is not a file (a device, a pipe, a socket or a broken link).',
    permission_denied: 'No permission to read it.',
    too_deep: 'Nested too deeply to be read as an article.',
    library_read_only: 'The library is open read-only; nothing was changed.',
    library_damaged: 'The library is damaged; please restore it from a backup.',
    library_busy: 'Another program is writing to the library right now; please try again.',
    disk_full: 'The disk is full; nothing was saved.',
    cancelled: 'Cancelled.',
    internal: 'Something went wrong unexpectedly; the details are in the log.',
  },
  warnings: {
    invalid_bytes: 'Some bytes were invalid and were replaced by �.',
  },
}
