import { BULLET, DATED_ENTRY, type Line } from './lines'
import { tableRows } from './tablerows'

/**
 * Plain text to lines. Scraped pages put one paragraph on a line; texts written in an editor
 * or mail program are hard-wrapped at ~70 columns. The second kind is detected and unwrapped
 * (with hyphenated line breaks rejoined), so both end up one paragraph per line.
 */
export function plainTextLines(text: string): Line[] {
  const raw = text.replace(/\r\n?/g, '\n').split('\n')
  const blocks: string[][] = [[]]
  for (const l of raw) {
    const t = l.trim()
    if (t) blocks[blocks.length - 1]!.push(t)
    else if (blocks[blocks.length - 1]!.length) blocks.push([])
  }
  const width = wrapWidth(blocks)
  // a table's rows ("Hertha BSC Berlin - 1. FC Kaiserslautern 3:0 (1:0)") are lines of their own
  const flat = blocks.flat()
  const rows = width ? tableRows(flat) : []
  const rowTexts = new Set(flat.filter((_, i) => rows[i]))
  // A page copied from a PDF: its running header ("DIENSTAG, 4. MÄRZ 2025 | ZEITUNG | SEITE 3")
  // and page numbers stand in the middle of sentences. The header's first appearance stays as
  // a line of its own (it names the date and the paper); its repeats and the numbers go.
  const headers = width ? runningHeaders(blocks.flat()) : new Set<string>()
  const seenHeaders = new Set<string>()
  const lines: Line[] = []
  for (const block of blocks) {
    // the previous line as it stood in the text (a joined paragraph is longer than any line)
    let above = ''
    block.forEach((t, k) => {
      const prev = lines[lines.length - 1]
      const prevRaw = above
      const header = headers.size > 0 && headers.has(pageless(t))
      if (header && seenHeaders.has(pageless(t))) return
      if (header) seenHeaders.add(pageless(t))
      if (width && /^\d{1,3}$/.test(t) && k > 0) return
      // (a page's repeated header and its number, skipped, are not the line above)
      above = t
      if (
        k > 0 &&
        width &&
        prev &&
        !header &&
        !(headers.size > 0 && headers.has(pageless(prev.text))) &&
        !BYLINE.test(t) &&
        // a rule of dashes or equals signs stands alone, and so does what follows it
        !RULE.test(t) &&
        !RULE.test(prevRaw) &&
        // an entry of a list of dates ("So, 16.03. 10:00 Uhr Gottesdienst") starts its line
        !DATED_ENTRY.test(t) &&
        !rowTexts.has(t) &&
        // a short labelled line ("Priorität: 4") is a field of its own
        !(LABELLED.test(t) && t.length < width * 0.75) &&
        !rowTexts.has(prevRaw) &&
        // an address or phone line stands alone, and so does the next one
        !CONTACT.test(t) &&
        !CONTACT.test(prevRaw) &&
        // a copyright line starts a line; a line longer than the column was not wrapped
        !/^(?:©|\(c\)\s|Copyright\b)/i.test(t) &&
        prevRaw.length <= width * 1.1 &&
        // a row ("Seite 7 | Lokales | Donnerstag, …") and a caption's credit end their line
        !prevRaw.includes(' | ') &&
        !prevRaw.includes(' · ') &&
        !CREDIT_AT_END.test(prevRaw) &&
        (prevRaw.length >= width * 0.6 || /\p{L}-$/u.test(prevRaw)) &&
        // a paragraph's last line: a sentence's end short of the column's width
        !(/[.!?:"“”»«]$/u.test(prevRaw) && prevRaw.length < width * 0.8) &&
        // a short line after a sentence's end is a label or heading ("Kurz notiert")
        !(/[.!?"“”»«]$/u.test(prevRaw) && t.length < width * 0.6 && !/[.!?,;-]$/.test(t))
      ) {
        prev.text = joinWrapped(prev.text, t)
      } else if (!width && k > 0 && prev && goesOn(prevRaw, t, block.slice(k))) {
        // a text of unwrapped paragraphs with one wrapped by hand (a lead typed into a form)
        prev.text = joinWrapped(prev.text, t)
      } else {
        const item = BULLET.test(t)
        lines.push(
          item
            ? { text: t.replace(BULLET, ''), blankBefore: k === 0, listItem: true }
            : { text: t, blankBefore: k === 0 },
        )
      }
    })
  }
  return lines
}

/** The column a hard-wrapped text is wrapped at, or 0 when lines are paragraphs. */
function wrapWidth(blocks: string[][]): number {
  const all = blocks.flat()
  // a few long lines (a footer's imprint, a list of dates) do not make a text unwrapped
  if (all.length < 4 || all.filter((l) => l.length > 110).length > all.length * 0.05) return 0
  // the paragraphs decide, not a header of short labelled lines or a list: blocks whose inner
  // lines are long, holding most of the text's lines
  const prose = blocks.filter((b) => {
    const inner = b.slice(0, -1)
    return inner.length >= 2 && inner.filter((l) => l.length >= 35).length / inner.length >= 0.7
  })
  const inner = prose.flatMap((b) => b.slice(0, -1))
  if (inner.length < 3 || prose.flat().length < all.length * 0.5) return 0
  const sorted = prose
    .flat()
    .map((l) => l.length)
    .sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length * 0.9)]!
}

/**
 * Whether a line continues the sentence of the line above it, in a text that is not wrapped as
 * a whole: the line above is long, has lower-case words (prose, not a row of names) and stops
 * short of a sentence's or clause's end; this one starts with a lower-case word, or with a
 * bracket and then one ("(LUN) in allen Kreisen …"); and the sentence ends within the block
 * (the items of a list without bullets end none). An agency's mark ("dpa Berlin") starts a
 * line of its own.
 */
function goesOn(above: string, line: string, rest: string[]): boolean {
  return (
    above.length >= 40 &&
    /\s\p{Ll}/u.test(above) &&
    !/[.!?:;"“”»«|]$/u.test(above) &&
    rest.some((l) => /[.!?"“”»«]$/u.test(l)) &&
    line.split(/\s+/).length >= 3 &&
    (/^\p{Ll}/u.test(line) || /^\([^()]{1,40}\)\s+\p{Ll}/u.test(line)) &&
    !AGENCY_MARK.test(line) &&
    // a row of the page's data under a headline: "vor 3 Stunden · 4 Min. Lesezeit"
    !RELATIVE_TIME.test(line) &&
    ![above, line].some((t) => / [·|•] /.test(t))
  )
}

/** "vor 3 Stunden", "gestern, 18:05": when a page says it was posted. */
const RELATIVE_TIME =
  /^(?:vor\s+(?:\d+|einer?|wenigen)\s|heute\b|gestern\b|zuletzt\b|aktualisiert\b)/i

/** Agencies that write their names in lower case at a line's start. */
const AGENCY_MARK = /^(?:dpa|afp|ap|rtr|kna|epd|sid|apa|ots|dts|ddp|idea|kap)\b/i

function joinWrapped(a: string, b: string): string {
  // "Verkehrs-" + "minister" -> "Verkehrsminister"; "Atom-" + "Programm" keeps its hyphen;
  // "Sport-" + "und Freizeitbecken" is a shortened compound: "Sport- und Freizeitbecken".
  if (/\p{L}-$/u.test(a) && /^(?:und|oder|bzw\.|bis|sowie)\s/u.test(b)) return `${a} ${b}`
  if (/\p{L}-$/u.test(a) && /^\p{Ll}/u.test(b)) return a.slice(0, -1) + b
  if (/\p{L}-$/u.test(a)) return a + b
  return `${a} ${b}`
}

const BYLINE = /^(?:Von|VON|Text:)\s+\p{Lu}/u
const LABELLED = /^\p{Lu}[\p{L}-]{1,20}(?: [\p{L}-]{1,20})?:\s+\S/u
/** A phone number, a mail address, a postcode and town: a contact block's line. */
const CONTACT =
  /\b(?:Tel(?:efon)?\.?|Fax|Mobil)\s*:?\s*[+\d(]|\bE-?Mail\s*:|^[\w.+-]+@[\w-]+\.|^(?:D-)?\d{5}\s+\p{Lu}|,\s*(?:D-)?\d{5}\s+\p{Lu}/u
/** A line drawn across the text: "-----", "=====", "* * *". */
const RULE = /^(?:[-=_~*#•·.]\s?){3,}$/
/** A caption's credit at a line's end: "… ruhen derzeit die Bauarbeiten. Foto: Tim Roth". */
const CREDIT_AT_END = /\b(?:Fotos?|Bild|Grafik|Quelle):\s*[^.!?:]{2,60}$/u
/** A line without its numbers: the same header on every page. */
const pageless = (t: string) => t.replace(/\d+/g, '#')

/** Lines in capitals that stand in the text twice or more, page numbers aside. */
function runningHeaders(all: string[]): Set<string> {
  const count = new Map<string, number>()
  for (const t of all) {
    if (t.length < 12 || t.length > 120 || /\p{Ll}/u.test(t)) continue
    const key = pageless(t)
    count.set(key, (count.get(key) ?? 0) + 1)
  }
  return new Set([...count].filter(([, n]) => n >= 2).map(([k]) => k))
}
