/**
 * The dateline at the start of the text: "Berlin (dpa) – …" (with the agency), "Kiel. Die
 * Nachricht kam …" and "Wendelsheim – Ein Jahr …" as regional papers write it.
 */
import { readAgencyLine } from './bylines'
import { isProse, titleCaseIfShouting } from './lines'

const DATELINE =
  /^(?<place>\p{Lu}[\p{L}.'’-]*(?:[ /-]\p{Lu}?[\p{L}.'’-]+){0,3})\s*(?:\/\s*\p{Lu}[\p{L}-]+\s*)?\((?<agency>[^()]{1,40})\)\s*[-–—]\s+/u

/** A dateline without an agency, as regional papers write it: "Kiel. Die Nachricht kam …". */
const PLACE_DOT = /^(?<place>\p{Lu}[\p{Ll}]{2,}(?:[ -]\p{Lu}[\p{Ll}]+)?)\.\s+(?=[„"»\p{Lu}])/u

/** … or with a dash: "Wendelsheim – Ein Jahr und acht Monate auf Bewährung …". */
const PLACE_DASH = /^(?<place>\p{Lu}\p{Ll}{2,}(?:[ -]\p{Lu}\p{Ll}+)?)\s+[–—]\s+(?=[„"»\p{Lu}])/u
const NOT_PLACES = new Set(
  'Ja Nein Doch Gut Okay Danke Bitte Stop Prof Dipl Ing Abs Art Bsp Tel Fax Nr Str Hrsg Jan Feb Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez Mo Di Mi Do Fr Sa So Dr St'.split(
    ' ',
  ),
)

/** "Rechtsanwalt Dr. Meier …" is no dateline: a place's last word is no title or abbreviation. */
const notPlace = (place: string) =>
  NOT_PLACES.has(place) || NOT_PLACES.has(place.split(/[ -]/).pop()!)

/**
 * The place (and agency) of the dateline of one of the first paragraphs that are no
 * subheadings, or null.
 */
export function readDateline(
  paragraphs: readonly string[],
  headings: readonly number[],
): { place: string; agency: string | null } | null {
  for (const [k, p] of paragraphs.slice(0, 4).entries()) {
    if (headings.includes(k)) continue
    const m = DATELINE.exec(p)
    if (m?.groups) {
      // "Berlin (dpa) –": the brackets name the agency. "Breslau (Wroclaw) –": another name
      // of the place, part of the dateline and never the author.
      const inBrackets = m.groups.agency!.trim()
      const agency = readAgencyLine(inBrackets)
      const otherName =
        !agency && /^\p{Lu}[\p{L}.' -]*$/u.test(inBrackets) ? ` (${inBrackets})` : ''
      return { place: titleCaseIfShouting(m.groups.place!.trim()) + otherName, agency }
    }
    const dot = PLACE_DOT.exec(p)
    if (dot?.groups && (k > 0 || isProse(p)) && !notPlace(dot.groups.place!))
      return { place: dot.groups.place!, agency: null }
    // (in running text only: "Eintracht Frankfurt – Bayern München 1:2" is a result)
    const dash = PLACE_DASH.exec(p)
    if (dash?.groups && !notPlace(dash.groups.place!) && isProse(p))
      return { place: dash.groups.place!, agency: null }
  }
  return null
}
