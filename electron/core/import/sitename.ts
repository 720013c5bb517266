/** The site's name from the first line of a scraped page. */
import { countWords, endsLikeSentence, type Line } from './lines'
import { OUTLET_NAME } from './metalines'
import { isSectionWord, type RuleName } from './rules'

/**
 * The page's name when its first line is a short name that the page repeats further down
 * ("Heidekurier" … "Printausgabe des Heidekurier"; "Stadt Grünthal" … "Stadt Grünthal,
 * Pressestelle").
 */
export function siteNameFromFirstLine(lines: Line[], tags: (RuleName | null)[]): string | null {
  // (a rule of "=====" over it is no line of text)
  const at = lines.findIndex((l) => /[\p{L}\p{N}]/u.test(l.text))
  const first = lines[at]?.text
  if (
    !first ||
    tags[at] === 'title' ||
    tags[at] === 'metadata' ||
    first.length > 40 ||
    countWords(first) > 4
  )
    return null
  if (!/^\p{Lu}/u.test(first) || endsLikeSentence(first) || isSectionWord(first)) return null
  if (!/\p{Ll}/u.test(first)) return null
  // a municipality over its own document ("Gemeinde Brackwede-Süd", "Stadt Lindenau")
  if (
    /^(?:Stadt|Gemeinde|Markt|Landkreis|Kreis|Amt|Verbandsgemeinde|Samtgemeinde)\s+\p{Lu}/u.test(
      first,
    )
  )
    return first
  // named like a paper or a news channel ("Rheintal Bote", "Nordheider Bote Eilmeldungen")
  if (OUTLET_NAME.test(first) || first.split(' ').some((w) => OUTLET_WORDS.has(w))) return first
  const lower = first.toLowerCase()
  return lines.slice(1).some((l) => l.text.toLowerCase().includes(lower)) ? first : null
}

/** Words that name a paper or a news channel when they stand in a site's name. */
const OUTLET_WORDS = new Set(
  'Zeitung Anzeiger Kurier Bote Tagblatt Rundschau Nachrichten Tageblatt Tagespost Volksstimme Eilmeldungen Gemeindebrief Pfarrbrief Mitteilungsblatt Amtsblatt Rundbrief'.split(
    ' ',
  ),
)
