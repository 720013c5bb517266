/** Navigation: section names, menu words, breadcrumbs and menu rows. */
import { countWords, endsLikeSentence } from './lines'

/** Section names and menu words that, alone on a line, are navigation. */
const SECTION_WORDS = new Set([
  'startseite',
  'home',
  'politik',
  'inland',
  'ausland',
  'wirtschaft',
  'finanzen',
  'börse',
  'sport',
  'kultur',
  'wissen',
  'gesundheit',
  'panorama',
  'regional',
  'lokales',
  'meinung',
  'video',
  'videos',
  'audio',
  'podcast',
  'podcasts',
  'reise',
  'auto',
  'digital',
  'netzwelt',
  'leben',
  'gesellschaft',
  'stil',
  'karriere',
  'bildung',
  'wetter',
  'service',
  'nachrichten',
  'news',
  'überregionales',
  'deutschland',
  'welt',
  'europa',
  'newsticker',
  'liveblog',
  'mediathek',
  'audiothek',
  'aktuelles',
  'presse',
  'pressemitteilungen',
  'termine',
  'veranstaltungen',
  'themen',
  'ressorts',
  'menü',
  'menu',
  'suche',
  'navigation',
  'hauptmenü',
  'anmelden',
  'login',
  'abmelden',
  'registrieren',
  'logo',
  'top',
  'nach oben',
  'zurück',
  'weiter',
  'drucken',
  'schließen',
  'mehr',
  'übersicht',
  'alle themen',
  'abo',
  'e-paper',
  'epaper',
  'shop',
  'jobs',
  'zum inhalt',
  'zum inhalt springen',
  'springe zum inhalt',
  'zur startseite',
  'zurück zur startseite',
  'zur übersicht',
  'zurück zur übersicht',
  'inhaltsverzeichnis',
  'mein konto',
  'zur navigation',
  'zur suche',
  'menü öffnen',
  'menü schließen',
  'seite drucken',
  'hauptnavigation',
])

const SKIP_LINK =
  /^(?:Direkt |Springe |Springen |Gehe |Weiter )?(?:zum|zur|zu den) (?:Inhalt|Hauptinhalt|Seiteninhalt|Artikel|Hauptmenü|Menü|Navigation|Hauptnavigation|Suche|Footer|Fußzeile|Seitenanfang)(?: springen| wechseln| gehen)?$/i

/** A section name or menu word alone on a line ("Politik", "2. Überregionales", "Logo"). */
export function isSectionWord(text: string): boolean {
  return SECTION_WORDS.has(
    text
      .replace(/^\d{1,2}\.\s*/, '')
      .trim()
      .toLowerCase(),
  )
}

/** Navigation and breadcrumbs: "1. Startseite", "Startseite > Politik > Ausland", "Logo". */
export function isNavigation(text: string): boolean {
  if (isSectionWord(text)) return true
  // skip links: "Direkt zum Inhalt", "Springe zur Hauptnavigation"
  if (SKIP_LINK.test(text)) return true
  // "zurück zur vorherigen Seite", "Zurück zum Artikel", "weiter zur Startseite"
  if (/^(?:zurück|weiter)\s+(?:zur|zum|zu den)\s+\S.{0,30}$/i.test(text) && !/[.!?]$/.test(text))
    return true
  const t = text.trim()
  // breadcrumb trails and menu rows: three or more short items between separators
  const items = t.split(/\s+(?:>|›|»|\/|\||·|•)\s+/)
  if (items.length >= 3 && items.every((i) => countWords(i) <= 4 && !endsLikeSentence(i)))
    return true
  if (items.length === 2 && SECTION_WORDS.has(items[0]!.toLowerCase())) return true
  // a menu row without separators: "Politik Wirtschaft Kultur Sport Meinung"
  const words = t.split(/\s+/)
  if (words.length >= 2 && words.every((w) => SECTION_WORDS.has(w.toLowerCase()))) return true
  return false
}
