/** Strings of page furniture and re-extraction (the reader's "Aufräumen …" dialog). */
import type { Widen } from '../../i18n/types'

export const furnitureDe = {
  furniture: {
    open: 'Aufräumen …',
    openTitle: 'Zeilen entfernen, die nicht zum Artikel gehören',
    title: 'Gehört nicht zum Artikel',
    hint: 'Menüs, Werbung und Hinweise, die mit dem Artikel importiert wurden: Lesesaal entfernt die Zeile aus allen Artikeln, die sie haben, und merkt sich das für künftige Importe.',
    forOutlet: 'entfernen bei {{outlet}}',
    forOutletTitle: 'Aus diesem und allen Artikeln von {{outlet}} entfernen',
    everywhere: 'überall entfernen',
    everywhereTitle: 'Aus allen Artikeln entfernen, egal von welchem Medium',
    changed_one: 'Aus {{count}} Artikel entfernt. Lesesaal merkt sich das.',
    changed_other: 'Aus {{count}} Artikeln entfernt. Lesesaal merkt sich das.',
    undo: 'Rückgängig',
    undone_one: 'Zurückgenommen; {{count}} Artikel hat die Zeile wieder.',
    undone_other: 'Zurückgenommen; {{count}} Artikel haben die Zeile wieder.',
    reextract: 'Neu extrahieren',
    reextracted: 'Neu extrahiert: {{added}} Absätze neu, {{removed}} entfernt.',
    reextractUnchanged: 'Neu extrahiert: nichts hat sich geändert.',
    reextractFailed: 'Neu extrahieren ging nicht: {{message}}',
    reextractSelection_one: '{{count}} Artikel neu extrahieren',
    reextractSelection_other: '{{count}} Artikel neu extrahieren',
    reextractReport:
      'Neu extrahiert: {{changed}} geändert, {{unchanged}} unverändert, {{failed}} nicht möglich.',
    reextractCancelled: 'Abgebrochen nach {{done}} Artikeln: {{changed}} geändert.',
    outdated_one:
      '{{n}} Artikel wurde mit einer älteren Textbereinigung importiert. Die neue kann ihn aus dem gespeicherten Original besser lesen; Notizen und Markierungen gehen mit.',
    outdated_other:
      '{{n}} Artikel wurden mit einer älteren Textbereinigung importiert. Die neue kann sie aus den gespeicherten Originalen besser lesen; Notizen und Markierungen gehen mit.',
    outdatedRun: 'Neu extrahieren',
  },
} as const

export const furnitureEn: Widen<typeof furnitureDe> = {
  furniture: {
    open: 'Clean up …',
    openTitle: 'Remove lines that are not part of the article',
    title: 'Not part of the article',
    hint: 'Menus, ads and notices that came with the article: Lesesaal removes the line from every article that has it and remembers it for later imports.',
    forOutlet: 'remove at {{outlet}}',
    forOutletTitle: 'Remove from this and every article of {{outlet}}',
    everywhere: 'remove everywhere',
    everywhereTitle: 'Remove from every article, whatever the outlet',
    changed_one: 'Removed from {{count}} article. Lesesaal will remember it.',
    changed_other: 'Removed from {{count}} articles. Lesesaal will remember it.',
    undo: 'Undo',
    undone_one: 'Undone; {{count}} article has the line again.',
    undone_other: 'Undone; {{count}} articles have the line again.',
    reextract: 'Extract again',
    reextracted: 'Extracted again: {{added}} paragraphs new, {{removed}} removed.',
    reextractUnchanged: 'Extracted again: nothing changed.',
    reextractFailed: 'Could not extract again: {{message}}',
    reextractSelection_one: 'Extract {{count}} article again',
    reextractSelection_other: 'Extract {{count}} articles again',
    reextractReport:
      'Extracted again: {{changed}} changed, {{unchanged}} unchanged, {{failed}} not possible.',
    reextractCancelled: 'Cancelled after {{done}} articles: {{changed}} changed.',
    outdated_one:
      '{{n}} article was imported by an older cleanup. The new one can read it better from the stored original; notes and highlights go with it.',
    outdated_other:
      '{{n}} articles were imported by an older cleanup. The new one can read them better from the stored originals; notes and highlights go with them.',
    outdatedRun: 'Extract again',
  },
}
