/**
 * The unit the cleanup rules work on: one line of a scraped page (or one block element of an
 * HTML page), with whether a blank line separated it from the one before.
 */
export interface Line {
  text: string
  /** A blank line (or a block boundary) came before this line. */
  blankBefore: boolean
  /** The markup said this is a heading (HTML h1–h6, Markdown #). */
  heading?: boolean
  /** Share of the text inside links (HTML only; undefined where the format has no links). */
  links?: number
  /** An item of a list (its bullet removed): never a subheading. */
  listItem?: boolean
  /** A data table's row, its cells joined (HTML): never a subheading, a date line or a byline. */
  tableRow?: boolean
}

/** True when the line is link text (HTML), or may be (formats without link information). */
export function mayBeLink(line: Line): boolean {
  return line.links === undefined || line.links > 0.5
}

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g

/** Normalises one line of imported text: NFC, no invisible characters, single spaces. */
export function normalizeLineText(text: string): string {
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
    .replace(LEADING_EMOJI, '')
}

/** A list item's bullet ("• Erneuerung des Dachs: …"), as word processors and pages copy it. */
export const BULLET = /^[•◦▪‣∙]\s+/

/** Emoji that decorate a line's start ("⚡️ Stromausfall …", "🔗 Mehr: …"); not "©". */
const LEADING_EMOJI = /^(?:(?![©®™])\p{Extended_Pictographic}[\uFE0F\u200D]*)+\s*/u

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu
// The rules ask for the same lines' word counts many times over.
const wordCounts = new Map<string, number>()

/** Number of words (letters or digits, with inner hyphens and apostrophes). */
export function countWords(text: string): number {
  // long texts are counted, not cached (hashing them costs as much as counting)
  if (text.length > 400) return text.match(WORD)?.length ?? 0
  let n = wordCounts.get(text)
  if (n === undefined) {
    n = text.match(WORD)?.length ?? 0
    if (wordCounts.size > 5000) wordCounts.clear()
    wordCounts.set(text, n)
  }
  return n
}

const CLOSERS = `"'»«“”’‘)]`
const TERMINAL = /[.!?…:;]$/

/** True when the line ends like a sentence ("…gelöst.", "…gesagt.«", "…?“"). */
export function endsLikeSentence(text: string): boolean {
  let t = text.trimEnd()
  while (t.length > 1 && CLOSERS.includes(t[t.length - 1]!)) t = t.slice(0, -1).trimEnd()
  return TERMINAL.test(t) && !(t.endsWith(':') && /\b(?:Foto|Bild|Quelle)\s*:$/i.test(t))
}

/** A line that reads like running text: a sentence of some length. */
export function isProse(text: string): boolean {
  // (a line of more than 120 characters has six words; counting them is not needed)
  return endsLikeSentence(text) && (text.length > 120 || countWords(text) >= 6)
}

/** A line that reads like a headline or subheading: short, no sentence ending. */
export function isHeadingLike(text: string): boolean {
  if (text.length > 140) return false
  if (endsLikeSentence(text) && !text.endsWith(':')) return false
  if (text.endsWith(':')) return false
  const words = countWords(text)
  return words >= 1 && words <= 18 && text.length <= 140 && /^[\p{Lu}\p{N}„"«»“'‚(]/u.test(text)
}

/** A letter's signature: "Gerda Fink, Lübeck", "Holger Martens, Bad Schwartau". */
const SIGNATURE =
  /^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,2},\s\p{Lu}[\p{L}.]*(?:[ -]\p{L}[\p{L}.]*){0,3}$/u

/** Whether a line signs a letter (its writer and town): never a heading, never a link. */
export function isSignature(text: string): boolean {
  return text.length <= 80 && SIGNATURE.test(text)
}

/** "KRANZOW" -> "Kranzow", "HAFFLAND-ZEITUNG" -> "Haffland-Zeitung"; other text as it is. */
export function titleCaseIfShouting(text: string): string {
  return /\p{Ll}/u.test(text)
    ? text
    : text
        .toLowerCase()
        .replace(/(^|[\s/-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())
}

/** An entry of a list of dates: "So, 16.03. 10:00 Uhr Gottesdienst in Hausen". */
export const DATED_ENTRY =
  /^(?:(?:Mo|Di|Mi|Do|Fr|Sa|So)\.?,?\s+)?\d{1,2}\.\s?\d{1,2}\.(?:\d{2,4})?\s/

/** The start of a letter's salutation: "Liebe Leserinnen und Leser,", "Sehr geehrte …". */
export const SALUTATION_START =
  /^(?:Hallo|Hi|Hey|Moin|Servus|Liebe[rs]?|Guten (?:Morgen|Tag|Abend)|Sehr geehrte[rs]?)\b/

/** The first line of the text itself: untagged prose that is no heading (a dek is one). */
export function firstTextLine(lines: Line[], tags: readonly unknown[]): number {
  return lines.findIndex((l, i) => tags[i] === null && !l.heading && isProse(l.text))
}
