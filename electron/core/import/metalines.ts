/**
 * Metadata read from the lines of a page: dates (with their labels), bylines, agency lines,
 * the programme a broadcaster names, and outlets named by copyright and republication lines.
 * Lines that are metadata are tagged so they leave the text.
 */
import type { PartialDate } from '../../../shared/types'
import { readBroadcastNote } from './bylines'
import { findDate, readDateLine } from './dates'
import {
  countWords,
  endsLikeSentence,
  firstTextLine,
  isProse,
  titleCaseIfShouting,
  type Line,
} from './lines'
import { isSectionWord } from './navigation'
import { readAgencyLine, readAuthorLine, readCopyrightHolder, type RuleName } from './rules'
import { readRepublicationNote } from './teasers'

export interface LineMetadata {
  dates: { date: PartialDate; label: string }[]
  /** Outlets named by copyright lines, most trusted first. */
  outlets: string[]
  /** Outlets only hinted at (an app's name, terms of use, a print edition). */
  weakOutlets: string[]
  person: string | null
  agency: string | null
  /** The programme a broadcaster says reported ("Über dieses Thema berichtete …"). */
  programme: string | null
  /** The publication a post on a platform appeared in ("Veröffentlicht in Stadtnotizen"). */
  publication: string | null
}

/** Reads and tags the metadata lines. */
export function readMetadataLines(
  lines: Line[],
  tags: (RuleName | null)[],
  inBody: (i: number) => boolean,
): LineMetadata {
  const m: LineMetadata = {
    dates: [],
    outlets: [],
    weakOutlets: [],
    person: null,
    agency: null,
    programme: null,
    publication: null,
  }
  const firstProse = lines.findIndex((l, i) => tags[i] === null && isProse(l.text))
  // (a dek under the headline is prose, but no text yet)
  const firstText = firstTextLine(lines, tags)
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text
    // a press release names who issued it: "Original-Content von: Polizei X, übermittelt durch …"
    const issuer = text.startsWith('Original-Content') ? ISSUED_BY.exec(text) : null
    if (issuer) m.outlets.unshift(issuer[1]!)
    // a table's row is the text's, whatever dates it holds
    if (lines[i]!.tableRow) continue
    // a block of labelled fields over the text, as an archive or a wire service exports it
    // ("Kennung: dpa 0412 …", "Ressort: Vermischtes", "Datum: 14.03.2025 11:47")
    // (only over everything: fields under a headline are a record's, "Sitzungstag: …")
    if (i < firstProse && tags[i] === null && fieldBlockAt(lines, i) && atTop(lines, tags, i)) {
      // the service's name right over them ("dpa-Nachrichten")
      const name = lines[i - 1]?.text ?? ''
      const service = name.length <= 30 && countWords(name) <= 3 && !lines[i]!.blankBefore
      if (service && tags[i - 1] === null) tags[i - 1] = 'metadata'
      for (let j = i; j < lines.length && FIELD.test(lines[j]!.text); j++) {
        const dated = readDateLine(lines[j]!.text)
        if (dated) m.dates.push({ date: dated.date, label: dated.label })
        m.person ??= readAuthorLine(lines[j]!.text)
        tags[j] = 'metadata'
        i = j
      }
      continue
    }
    // a platform's post in a publication: "Veröffentlicht in" over "Stadtnotizen"
    const inPublication = PUBLISHED_IN.exec(text)
    if (inPublication && i < firstText) {
      const name = inPublication[1] ?? lines[i + 1]?.text
      tags[i] = 'metadata'
      if (name && PUBLICATION_NAME.test(name)) {
        m.publication ??= name
        if (!inPublication[1]) tags[i + 1] = 'metadata'
      }
      continue
    }
    // a profile's name over a post, twice as a network's page copies it (the picture's text,
    // then the name), and the job under it: "Leiterin Kommunikation bei Stadtwerke Sandwehr"
    if (i < firstProse && text === lines[i + 1]?.text && PERSON.test(text)) {
      m.person ??= text
      tags[i] = tags[i + 1] = 'metadata'
      if (JOB.test(lines[i + 2]?.text ?? '')) tags[i + 2] = 'metadata'
      i++
      continue
    }
    // a feed's or site's name with its section over everything: "Lauterbrück Online – Lokales"
    const site = i === 0 ? readSiteAndSection(text) : null
    if (site) {
      m.weakOutlets.unshift(site)
      tags[i] = 'metadata'
      continue
    }
    // "Geteilt über die App von Pfälzer Talbote", wherever it stands and whatever tagged it
    const shared = SHARED_VIA.exec(text)
    if (shared) {
      m.weakOutlets.push(shared[1]!)
      tags[i] = 'metadata'
      continue
    }
    // an official notice's signature: "Der Bürgermeister" over the name
    const next = lines[i + 1]?.text
    if (next && SIGNING_OFFICE.test(text) && SIGNER.test(next)) {
      m.person ??= next
      tags[i] = 'metadata'
      tags[i + 1] = 'metadata'
      i++
      continue
    }
    // an archive's source line: "Quelle: Marschland-Kurier, 14.03.1998, Lokales, S. 7"
    const source = readSourceLine(text)
    if (source) {
      m.outlets.push(source.outlet)
      m.dates.push({ date: source.date, label: '' })
      tags[i] = 'metadata'
      continue
    }
    // a date line over the text that the word-counting classifier took ("Ausgabe: 14.03.1998")
    const header = tags[i] === 'boilerplate' && i < firstProse ? readDateLine(text) : null
    if (header && !header.rest.match(/[.!?]$/)) {
      m.dates.push({ date: header.date, label: header.label })
      tags[i] = 'metadata'
      continue
    }
    // "Text: Judith Anselm · Fotos: Paul Wiedeking", whatever took it for a photo credit
    if (/^Text\s*:/.test(text) && text.length <= 100) {
      const by = readAuthorLine(text)
      if (by) {
        m.person ??= by
        tags[i] = 'metadata'
        continue
      }
    }
    if (tags[i] !== null) {
      // the copyright line, also when it is a row of footer links ("© 2024 Name | Impressum")
      const holder =
        tags[i] === 'copyright' || /^(?:©|\(c\)|Copyright)/i.test(text)
          ? readCopyrightHolder(text)
          : null
      if (holder) m.outlets.push(holder)
      // a row of links that is a page's date line ("DIENSTAG, 4. MÄRZ 2025 | ZEITUNG | SEITE 3")
      const row = tags[i] === 'navigation' && inBody(i) ? readMetaRow(text) : null
      if (row) {
        m.dates.push({ date: row.date, label: '' })
        if (row.outlet) m.outlets.push(row.outlet)
        tags[i] = 'metadata'
        continue
      }
      const printed = tags[i] === 'republication_note' ? readRepublicationNote(text) : null
      if (printed) m.weakOutlets.push(printed)
      const named =
        /Nutzungsbedingungen (?:des|der|von) (\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*){0,3})\.?$/u.exec(
          text,
        ) ??
        /\bMein (\p{Lu}{2,}[\p{L}-]*)!/u.exec(text) ??
        /\b(?:die|der) (\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*){0,2})[ -]App\b/u.exec(text)
      if (named) m.weakOutlets.push(named[1]!)
      continue
    }
    if (!inBody(i)) continue
    const row = readMetaRow(text)
    if (row) {
      m.dates.push({ date: row.date, label: '' })
      if (row.author) m.person ??= row.author
      if (row.outlet) m.outlets.push(row.outlet)
      tags[i] = 'metadata'
      continue
    }
    const date = readDateLine(text)
    if (date) {
      m.dates.push({ date: date.date, label: date.label })
      const rest = date.rest.replace(/^ⓒ\s*/, '© ')
      const holder = rest ? readCopyrightHolder(rest) : null
      if (holder) m.outlets.push(holder)
      // "Veröffentlicht am 28.04.2024 von Stefan Kramer", "… · Von Jonas Feldkamp"
      const byline = rest ? readAuthorLine(rest.replace(/^[·|•,–-]\s*/, '')) : null
      if (byline) m.person ??= byline
      tags[i] = 'metadata'
      continue
    }
    // "Sendung: Regionalmagazin „Westland am Abend“ vom 04.02.2025 19:30 Uhr"
    const aired = AIRED.exec(text)
    const airedOn = aired ? findDate(aired[2]!) : null
    if (aired && airedOn) {
      m.dates.push({ date: airedOn.date, label: 'sendung' })
      m.programme ??= /[„"»](.+?)[“"«]/.exec(aired[1]!)?.[1] ?? aired[1]!
      tags[i] = 'metadata'
      continue
    }
    const programme = readBroadcastNote(text)
    if (programme) {
      m.programme ??= programme
      tags[i] = 'metadata'
      continue
    }
    const byline = readAuthorLine(text)
    const agencyLine = byline ? null : readAgencyLine(text)
    if (byline) m.person ??= byline
    if (agencyLine) m.agency ??= agencyLine
    if (byline || agencyLine) tags[i] = 'metadata'
  }
  // the author's note after the text: "Peter Lindner schreibt jeden Samstag über …"
  const person = m.person
  if (person)
    for (let i = lines.length - 1, seen = 0; i >= 0 && seen < 3; i--) {
      const t = lines[i]!.text
      // (the teasers and buttons under it are not tagged yet: only sentences count)
      if (!inBody(i) || tags[i] !== null || !isProse(t)) continue
      seen++
      // (any of the authors: "Jana Wilkens ist …" under "Jana Wilkens und Tobias Brede")
      const name = person.split(/\s+und\s+|,\s*/).find((n) => t.startsWith(`${n} `))
      if (name && t.length <= 400 && AUTHOR_NOTE.test(t.slice(name.length))) tags[i] = 'boilerplate'
    }
  return m
}

/** What an author's note says after the name: "… schreibt jeden Samstag über …". */
const AUTHOR_NOTE = /^ (?:schreibt|ist|lebt|arbeitet|leitet|berichtet|kommentiert|war|studierte)\b/

/** A field of an export's header: "Ressort: Vermischtes", "Wörter: 255". */
const FIELD = /^\p{Lu}[\p{L}-]{1,20}(?: [\p{L}-]{1,20})?:\s+\S.{0,100}$/u
/** Three or more fields in a row from line `i`. */
function fieldBlockAt(lines: Line[], i: number): boolean {
  let n = 0
  while (i + n < lines.length && FIELD.test(lines[i + n]!.text)) n++
  return n >= 3
}
/** Nothing but one name line (or lines already known as furniture) stands before line `i`. */
function atTop(lines: Line[], tags: (RuleName | null)[], i: number): boolean {
  const open = lines.slice(0, i).filter((_, k) => tags[k] === null)
  return open.length <= 1
}
const PERSON = /^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,2}$/u
const JOB = /^[^.!?]{2,60}\s(?:bei|@|at)\s+\p{Lu}[^.!?]{1,60}$/u
const PUBLISHED_IN = /^(?:Veröffentlicht|Erschienen|Published) in(?:\s+(\S.{0,60}))?$/
const PUBLICATION_NAME = /^\p{Lu}[\p{L}\d.&'-]*(?:\s+[\p{L}\d.&'-]+){0,4}$/u

/**
 * The author's name alone on a line over the text (beside an avatar and a "Folgen" button):
 * it is metadata, as "Von …" would be.
 */
export function tagAuthorLines(
  lines: Line[],
  tags: (RuleName | null)[],
  author: string | null,
  end: number,
): void {
  if (!author) return
  // (a dek under the headline is no text yet)
  const start = firstTextLine(lines, tags)
  for (let i = 0; i < Math.min(end, start < 0 ? end : start); i++)
    if (tags[i] === null && lines[i]!.text === author) tags[i] = 'metadata'
}

/**
 * A row over the text made of a date, a time or a reading time and a few words of label
 * ("Online seit 18.09.2024, 08:12 Uhr, Lokalteil"): the page's metadata, whatever its labels;
 * its date is the article's when no other line gave one. A headline with a date in it has
 * more words than that.
 */
export function tagHeaderDates(lines: Line[], tags: (RuleName | null)[], m: LineMetadata): void {
  const start = firstTextLine(lines, tags)
  // (the first line left is the headline's place: "BVG streikt ab 5. März 2008" is one)
  const first = tags.indexOf(null)
  for (let i = first + 1; i < (start < 0 ? lines.length : start); i++) {
    const t = lines[i]!.text
    if (tags[i] !== null || t.length > 120 || lines[i]!.heading || endsLikeSentence(t)) continue
    // a whole day or a time of day ("2005-06" in "Saison 2005-06" is neither)
    const found = findDate(t)
    const date = found && found.date.length === 10 ? found : null
    if (!date && !HEADER_TIME.test(t)) continue
    const rest = (date ? t.slice(0, date.index) + ' ' + t.slice(date.index + date.length) : t)
      .replace(new RegExp(HEADER_TIME.source, 'g'), ' ')
      .replace(/\b\d{1,2}[:.]\d{2}\b/g, ' ')
    if (countWords(rest.replace(/[^\p{L}\d\s-]/gu, ' ')) > 4) continue
    if (date && m.dates.length === 0) m.dates.push({ date: date.date, label: '' })
    tags[i] = 'metadata'
  }
}
const HEADER_TIME =
  /\b\d{1,2}:\d{2}\s*Uhr\b|\b\d{1,2}\s*(?:Min\.|Minuten)(?:\s*(?:Lesezeit|Lesedauer))?/

/** A programme and the day it aired: "Sendung: Regionalmagazin „…“ vom 04.02.2025 19:30 Uhr". */
const AIRED = /^(?:Sendung|Ausstrahlung|Gesendet)\s*:\s*(.{2,80}?)\s+(?:vom|am)\s+(.{6,40})$/

/** "Lauterbrück Online – Lokales" -> "Lauterbrück Online": a name, a separator, a section word. */
function readSiteAndSection(text: string): string | null {
  const parts = text.split(/\s+[–—|·-]\s+|:\s+/)
  if (parts.length !== 2 || !isSectionWord(parts[1]!)) return null
  const name = parts[0]!.trim()
  return /^\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,3}$/u.test(name) && !isSectionWord(name)
    ? name
    : null
}

/** "Quelle: Marschland-Kurier, 14.03.1998, Lokales, S. 7": an archive's or database's source. */
const SOURCE_LINE =
  /^Quelle\s*:\s*(\p{Lu}[\p{L}.&'-]*(?:\s+\p{Lu}[\p{L}.&'-]*){0,4})\s*,\s*(?:vom\s+)?(.{6,90})$/u

function readSourceLine(text: string): { outlet: string; date: PartialDate } | null {
  const m = SOURCE_LINE.exec(text)
  if (!m) return null
  const date = findDate(m[2]!)
  // a whole day, right after the name
  return date && date.index === 0 && date.date.length === 10
    ? { outlet: m[1]!, date: date.date }
    : null
}

/** "Original-Content von: Polizeipräsidium Kesselbach, übermittelt durch news aktuell" */
const ISSUED_BY = /^Original-Content von:?\s+(\p{Lu}[^,]{2,80}?),\s*übermittelt durch\b/u

/** An office that signs an official notice, and the name under it. */
const SIGNING_OFFICE =
  /^(?:Der|Die) (?:Ober)?(?:Bürgermeister(?:in)?|Landrat|Landrätin|Amtsdirektor(?:in)?|Verbandsvorsteher(?:in)?|Präsident(?:in)?|Vorsitzende[r]?)$/
const SIGNER = /^(?:(?:Dr|Prof)\.\s+)*\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,2}$/u

/** A text shared from an outlet's app: "Geteilt über die App von Pfälzer Talbote". */
const SHARED_VIA =
  /^(?:Geteilt|Gesendet|Geschickt|Shared)\b.{0,30}\bApp (?:von|der|des|of) (\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*){0,3})\.?$/u

const BY_DATE =
  /^(?:[Vv]on|VON|By)\s+(\p{Lu}.{2,60}?)\s*(?:,|\bam\b|\||·|•|–)\s*(.{0,60}\d{4}.{0,60})$/u

/** "Von Martina Huber 12.03.2025, 17:45 …": the name, then the date without a separator. */
const BY_NAME_DATE =
  /^(?:[Vv]on|VON|By)\s+(\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,2}(?:\s+(?:und|&)\s+\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,2})?)\s+(\d{1,2}\.\s?\d{1,2}\.\s?\d{4}.{0,100})$/u

/**
 * A row of page metadata: "von Anja Beck am 14. Mai 2014, 15:40 Uhr", "Freitag | 14. Juni
 * 2019 | 15:49 VON Tilda Brenner IN Fashion | 0 COMMENTS". Returns the date and the author.
 */
export function readMetaRow(
  text: string,
): { date: PartialDate; author: string | null; outlet?: string } | null {
  if (text.length > 160) return null
  for (const by of [BY_DATE.exec(text), BY_NAME_DATE.exec(text)]) {
    if (!by) continue
    const date = findDate(by[2]!)
    const author = readAuthorLine(`Von ${by[1]!.trim()}`)
    if (date && author) return { date: date.date, author }
  }
  // "Tessy Kremer Veröffentlicht am 11. Juni 2025 um 08:45": a name, then a labelled date
  const named = NAME_THEN_DATE.exec(text)
  const labelled = named ? readDateLine(named[2]!) : null
  if (labelled && labelled.label && !labelled.rest)
    return { date: labelled.date, author: named![1]! }
  const parts = text.split(/\s*[|·•]\s*/).filter(Boolean)
  // a separator alone ("·") is no row
  if (parts.length === 0) return null
  const pair = parts.length === 2 ? nameAndDate(parts) : null
  if (pair) return pair
  // a length at the end ("· 2 Min.") is no sentence's full stop
  const last = parts[parts.length - 1]!.replace(DURATION, '')
  if (
    parts.length < 3 ||
    parts.some((p) => countWords(p) > 8) ||
    (last !== '' && endsLikeSentence(text))
  )
    return null
  const date = findDate(text)
  if (!date) return null
  const byName =
    /(?:^|\s)(?:[Vv]on|VON|By|BY)\s+(\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){1,3})/u.exec(text)
  // "Nordost-Journal · 14.05.2025 · 2 Min.": a part named like a newspaper or programme
  const outlet = parts
    .map(titleCaseIfShouting)
    .find((p) => OUTLET_NAME.test(p) && countWords(p) <= 4)
  return { date: date.date, author: byName ? byName[1]! : null, ...(outlet ? { outlet } : {}) }
}

const NAME_THEN_DATE =
  /^(\p{Lu}\p{Ll}[\p{L}.'-]*(?:\s+\p{Lu}\p{Ll}[\p{L}.'-]*){1,3})\s*[,|·•–-]?\s+((?:Veröffentlicht|Aktualisiert|Erschienen|Publiziert|Stand)\b.*)$/u

const DURATION = /^(?:ca\.\s*)?\d{1,3}\s*(?:Min\.?|Minuten|Sek\.?|min)$/
/** The head words of German outlets' names: "…-Journal", "Kieler Abendblatt", "Landbote". */
export const OUTLET_NAME =
  /^\p{Lu}[\p{L}\s-]*(?:Zeitung|Journal|Anzeiger|Kurier|Bote|Blatt|Tagblatt|Abendblatt|Post|Rundschau|Nachrichten|Echo|Funk|Rundfunk|Fernsehen|Magazin|Presse|Allgemeine|Express|Spiegel|Wochenspiegel|Landbote|Tageblatt|Tagespost|Volksstimme)$/u

/** "Sabine Fetzer | 06.10.2024, 17:20 Uhr" (or the other way round): a name and a date. */
function nameAndDate(
  parts: string[],
): { date: PartialDate; author: string | null; outlet?: string } | null {
  for (const [a, b] of [parts, [...parts].reverse()] as [string, string][]) {
    const d = readDateLine(b)
    if (!d || d.label || d.rest) continue
    // "Von Peter Hallmann" is a byline: its name
    const byline = readAuthorLine(a)
    if (byline) return { date: d.date, author: byline }
    // "Krähenfelder Zeitung · 12.03.2025": a paper's name is no author
    if (OUTLET_NAME.test(a)) return { date: d.date, author: null, outlet: a }
    if (/^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,2}$/u.test(a)) return { date: d.date, author: a }
  }
  return null
}
