/**
 * Cleanup rules that need a line's neighbours: captions above credits, repeated captions,
 * gallery titles, related-link lists, contact blocks.
 */
import {
  countWords,
  DATED_ENTRY,
  endsLikeSentence,
  isHeadingLike,
  isProse,
  mayBeLink,
  SALUTATION_START,
  type Line,
} from './lines'
import { readDateLine } from './dates'
import { readAgencyLine, readAuthorLine, readRelatedMarker, type RuleName } from './rules'
import { isContactLabel, isContactLine } from './teasers'
import { simplify } from './title'

/** Rules that need a line's neighbours: captions and their credits, repeats, related links. */
export function applyContextRules(lines: Line[], tags: (RuleName | null)[], end: number): void {
  const texts = lines.map((l) => l.text)
  const sameBlock = (i: number) => i > 0 && !lines[i]!.blankBefore
  tagPreface(lines, tags, end)
  // Agencies under a date line ("11.06.2025, 12:30 Uhr" / "dpa/AFP") are the byline, not a
  // photo credit; and a date line is never a caption.
  for (let i = 1; i < end; i++)
    if (
      tags[i] === 'photo_credit' &&
      sameBlock(i) &&
      readAgencyLine(texts[i]!) !== null &&
      readDateLine(texts[i - 1]!) !== null
    )
      tags[i] = null
  const captionBeforeCredit = () => {
    for (let i = 1; i < end; i++) {
      if (tags[i] !== 'photo_credit' || !sameBlock(i)) continue
      const prev = i - 1
      if (tags[prev] === null && texts[prev]!.length < 400 && readDateLine(texts[prev]!) === null)
        tags[prev] = 'caption'
    }
  }
  captionBeforeCredit()

  // The same line twice: a caption repeated (near a credit or near its copy), or a repeat.
  const seen = new Map<string, number[]>()
  for (let i = 0; i < end; i++) {
    if ((tags[i] !== null && tags[i] !== 'caption') || texts[i]!.length < 12) continue
    // long lines repeat verbatim; only short ones need the forgiving comparison
    const key = texts[i]!.length > 300 ? texts[i]! : simplify(texts[i]!)
    seen.set(key, [...(seen.get(key) ?? []), i])
  }
  const isCreditish = (i: number) =>
    i >= 0 &&
    i < end &&
    (tags[i] === 'photo_credit' || tags[i] === 'caption' || readAgencyLine(texts[i]!) !== null)
  for (const copies of seen.values()) {
    if (copies.length < 2) continue
    const near = copies.some((c, k) => k > 0 && c - copies[k - 1]! <= 3)
    const credited = copies.some((c) => isCreditish(c - 1) || isCreditish(c + 1))
    if (near || credited) for (const c of copies) tags[c] = 'caption_repeated'
    else for (const c of copies.slice(1)) tags[c] = 'duplicate_line'
  }

  // An agency name right under a caption is its credit ("Dpa"), not the byline.
  for (let i = 1; i < end; i++) {
    if (tags[i] !== null || !sameBlock(i) || !readAgencyLine(texts[i]!)) continue
    if (tags[i - 1] === 'caption' || tags[i - 1] === 'caption_repeated') tags[i] = 'photo_credit'
  }
  captionBeforeCredit()

  // Gallery items: a short title line directly above a caption.
  for (let i = 1; i < end; i++) {
    if (tags[i] !== 'caption' || !sameBlock(i)) continue
    const prev = i - 1
    // (a byline over a photo's caption is the author's: "Von Jonas Pfeiffer")
    if (
      tags[prev] === null &&
      texts[prev]!.length <= 70 &&
      isHeadingLike(texts[prev]!) &&
      readAuthorLine(texts[prev]!) === null
    )
      tags[prev] = 'gallery_title'
  }

  // A consent notice too long for the banner rule, right above its buttons ("Alle akzeptieren")
  for (let i = 0; i + 1 < end; i++) {
    if (tags[i] !== null || tags[i + 1] !== 'consent_banner' || texts[i + 1]!.length > 40) continue
    if (texts[i]!.length <= 1000 && CONSENT_WORDS.test(texts[i]!)) tags[i] = 'consent_banner'
  }
  tagConsentWalls(texts, tags, end)

  // A digest of other news after the text ("Kurz notiert", then other items): not the article's.
  const begun = texts.findIndex((t, i) => i < end && tags[i] === null && isProse(t))
  for (let i = begun + 1; begun >= 0 && i < end; i++) {
    if (tags[i] !== null || !DIGEST.test(texts[i]!)) continue
    for (let j = i; j < end; j++) tags[j] ??= 'related_links'
    break
  }

  // "Mehr zum Thema" and the headlines listed under it.
  for (let i = 0; i < end; i++) {
    if (tags[i] !== null) continue
    const marker = readRelatedMarker(texts[i]!)
    if (!marker) continue
    // "Hintergrund" over paragraphs of sentences is the text's own section
    const next = i + 1 < end ? lines[i + 1]! : null
    if (
      marker.rest === '' &&
      SECTION_MARKER.test(texts[i]!) &&
      next &&
      tags[i + 1] === null &&
      isProse(next.text) &&
      !(next.links !== undefined && next.links > 0.5)
    )
      continue
    tags[i] = 'related_links'
    // in plain text the list is the lines right under its marker: a blank line ends it, and a
    // marker with its headline beside it ("Lesen Sie auch: …") has no list
    const plain = lines[i]!.links === undefined
    const inline = countWords(marker.rest) >= 3 || /:\s*\S/.test(texts[i]!)
    for (let j = i + 1; j < end && (tags[j] === null || tags[j] === 'related_links'); j++) {
      if (isProse(texts[j]!) && lines[j]!.blankBefore) break
      if (plain && lines[j]!.blankBefore && (inline || j > i + 1)) break
      if (!mayBeLink(lines[j]!)) break
      if (!isHeadingLike(texts[j]!) && countWords(texts[j]!) > 20) break
      tags[j] = 'related_links'
    }
  }

  // A one-word "button" directly over a paragraph is its section's title ("Folgen" over the
  // consequences of a fire, not "follow us").
  for (let i = 0; i + 1 < end; i++) {
    if (tags[i] !== 'share_rating' || countWords(texts[i]!) !== 1) continue
    if (tags[i + 1] === null && !lines[i + 1]!.blankBefore && isProse(texts[i + 1]!)) tags[i] = null
  }

  // An advert under its label ("Anzeige" / "Jetzt Depot eröffnen und 100 € sichern!") and a
  // newsletter box's promise beside its button: short promotional lines next to furniture.
  for (let i = 1; i < end; i++) {
    // only next to furniture, and the cheap tests first: this runs over every line
    if (tags[i] !== null || (tags[i - 1] === null && (i + 1 >= end || tags[i + 1] === null)))
      continue
    const t = texts[i]!
    const label = tags[i - 1] === 'page_furniture' && AD_LABEL.test(texts[i - 1]!)
    if (label && PROMO.test(t) && countWords(t) <= 15) tags[i] = 'page_furniture'
    else if (t.length <= 300 && NEWSLETTER_PROMISE.test(t) && countWords(t) <= 30)
      tags[i] = 'page_furniture'
  }
}

/** Words of a consent wall's paragraphs and the purposes it lists. */
const WALL_WORDS =
  /\b(?:Cookies?|Zustimmung|zustimmen|Einwilligung|Partner|Anbieter|Datenschutz\p{L}*|Tracking|personalisiert\p{L}*|Endgerät\p{L}*|Einstellungen|widersprechen|Werbung)\b/iu

/**
 * A consent wall over a page copied whole: paragraphs about cookies and partners, a list of
 * purposes ("… (138 Anbieter)") and short headings ("Zwecke"), up to its buttons. From each
 * button line the wall is followed upwards while its lines speak of consent or are short;
 * two or more that speak of it make it a wall.
 */
function tagConsentWalls(texts: string[], tags: (RuleName | null)[], end: number): void {
  for (let b = 1; b < end; b++) {
    if (tags[b] !== 'consent_banner' || texts[b]!.length > 40) continue
    const wall: number[] = []
    let speaking = 0
    for (let i = b - 1; i >= 0; i--) {
      if (tags[i] === 'consent_banner') continue
      if (tags[i] !== null) break
      const t = texts[i]!
      const about = WALL_WORDS.test(t) && t.length <= 1200
      if (!about && (t.length > 40 || countWords(t) > 5)) break
      wall.push(i)
      if (about) speaking++
    }
    if (speaking >= 2) for (const i of wall) tags[i] = 'consent_banner'
  }
}

const SALUTATION = new RegExp(`${SALUTATION_START.source}.{0,100},$`)
const SIGN_OFF =
  /^(?:Ihr(?:e)?|Euer|Eure|Herzlich(?:e|st)?|Viele Grüße|Herzliche Grüße|Mit (?:herzlichen|freundlichen) Grüßen)\b.{0,50}$/

/**
 * An issue's greeting over its first article ("Liebe Leserinnen und Leser," … "Ihr
 * Redaktionsteam", then a headline and its text): the newsletter's, not the article's.
 */
function tagPreface(lines: Line[], tags: (RuleName | null)[], end: number): void {
  const open = lines.findIndex(
    (l, i) => i < Math.min(end, 15) && tags[i] === null && SALUTATION.test(l.text),
  )
  if (open < 0) return
  for (let j = open + 1; j < end && j <= open + 8; j++) {
    if (!SIGN_OFF.test(lines[j]!.text) || isProse(lines[j]!.text)) continue
    // the article follows: prose after the sign-off
    const after = lines
      .slice(j + 1, end)
      .filter((l, k) => tags[j + 1 + k] === null && isProse(l.text))
    if (after.length < 3) return
    for (let k = open; k <= j; k++) tags[k] ??= 'boilerplate'
    return
  }
}

/** Related-article labels that also head a section of the text itself. */
const SECTION_MARKER = /^(?:Hintergrund|Zum Hintergrund|Zum Thema|Mehr dazu)\s*:?$/i

const DIGEST =
  /^(?:Notizblock|Hinweis(?:e)? für (?:die )?Redaktion(?:en)?|Die folgenden Informationen sind nicht zur Veröffentlichung bestimmt|Kurz notiert|Kurz gemeldet|Kurz berichtet|In Kürze|Kurznachrichten|Nachrichten in Kürze|Meldungen in Kürze)$/i
const CONSENT_WORDS = /\b(?:Cookies?|Einwilligung|Datenschutz\p{L}*|Tracking)\b/iu
const AD_LABEL = /^(?:Anzeige|Werbung|Sponsored|Gesponsert)$/i
const PROMO = /!$|\b(?:jetzt|hier|gratis|kostenlos|sichern|testen)\b/i
/** "Die wichtigsten Nachrichten … jeden Freitag kostenlos in Ihr Postfach." */
const NEWSLETTER_PROMISE =
  /\b(?:in Ihr(?:em)? (?:E-Mail-)?Postfach|per E-Mail|Newsletter)\b.*\b(?:kostenlos|gratis|täglich|wöchentlich|jeden (?:Morgen|Abend|Tag|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)|abonnieren|anmelden|bestellen)\b|\b(?:kostenlos|gratis|täglich|wöchentlich|jeden (?:Morgen|Abend|Tag|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag))\b.*\b(?:in Ihr(?:em)? (?:E-Mail-)?Postfach|per E-Mail)\b/i

const BLOCK_TAGS = new Set<RuleName>(['contact', 'duplicate_line', 'boilerplate', 'page_furniture'])

/** A list of dates after the text ("Termine", then "So, 16.03. 10:00 Uhr Gottesdienst …"). */
const DATES_LABEL =
  /^(?:Termine|Termine und Veranstaltungen|Veranstaltungen|Terminkalender|Veranstaltungskalender|Gottesdienste|Termine im Überblick)\s*:?$/i

/** Tags such a list of dates, its label and its entries, when two or more entries follow. */
export function tagDateLists(lines: Line[], tags: (RuleName | null)[], end: number): void {
  for (let i = 1; i < end; i++) {
    if (!DATES_LABEL.test(lines[i]!.text)) continue
    let j = i + 1
    while (j < end && DATED_ENTRY.test(lines[j]!.text)) j++
    if (j - i - 1 < 2) continue
    for (let k = i; k < j; k++) tags[k] = 'related_links'
    i = j - 1
  }
}

/** "Pressekontakt:" and the address, phone and mail lines under it. */
export function tagContactBlocks(lines: Line[], tags: (RuleName | null)[], end: number): void {
  for (let i = 0; i < end; i++) {
    // ("Kontakt" may already be taken for a footer's link)
    if ((tags[i] !== null && tags[i] !== 'copyright') || !isContactLabel(lines[i]!.text)) continue
    tags[i] = 'contact'
    for (let j = i + 1; j < end; j++) {
      const t = lines[j]!.text
      // (the sender's name may already be known as a repeated line, the office as furniture)
      if (tags[j] !== null && BLOCK_TAGS.has(tags[j]!)) continue
      if (tags[j] !== null) break
      // the block under its label, also when a blank line separates them
      const inBlock = !lines[j]!.blankBefore || j === i + 1
      if (isContactLine(t) || (inBlock && !isProse(t) && t.length <= 80)) tags[j] = 'contact'
      else break
    }
  }
}

/** A box about a person or a thing set beside the text ("Zur Person Anna Berg", "Steckbrief"). */
const BOX_LABEL =
  /^(?:Zur Person|Steckbrief|Zur Sache|Fakten(?:box)?|Info(?:box|kasten)?)\b.{0,60}$/i

/**
 * Such a box's label and its lines: the short, unpunctuated lines under it ("220px",
 * "Stellvertretende Vorsitzende der Fraktion …", "Mitglied des Haushaltsausschusses"), up to
 * the text's next sentence, which must follow. A box with sentences in it is left to the text.
 */
export function tagFactBoxes(lines: Line[], tags: (RuleName | null)[], end: number): void {
  for (let i = 0; i < end; i++) {
    if (tags[i] !== null || !BOX_LABEL.test(lines[i]!.text) || endsLikeSentence(lines[i]!.text))
      continue
    let j = i + 1
    while (j < end && j <= i + 8) {
      const t = lines[j]!.text
      if (t.length > 80 || endsLikeSentence(t) || isProse(t)) break
      j++
    }
    // at least one line under the label, and prose after the box (a new paragraph)
    if (j === i + 1 || j >= end || !lines[j]!.blankBefore || !isProse(lines[j]!.text)) continue
    for (let k = i; k < j; k++) tags[k] ??= 'boilerplate'
    i = j - 1
  }
}

/** "Originalpublikation:", "Weitere Informationen:": a labelled reference under the text. */
const REFERENCE_LABEL =
  /^(?:Originalpublikation(?:en)?|Originalveröffentlichung(?:en)?|Originalarbeit|Originalstudie|Fachpublikation|Fachartikel|Publikation|Literatur(?:hinweise?)?|Weitere Informationen|Mehr Informationen|Weiterführende (?:Informationen|Links)|Zur Studie)\s*:$/i
/** A citation or a link: a DOI, an address on the web, "et al.", a year in brackets. */
const REFERENCE = /\bdoi\b|\b10\.\d{4,}\/|https?:\/\/|\bwww\.|\bet al\.|\((?:19|20)\d{2}\)/i

/** A labelled reference after the text has begun ("Originalpublikation:" and the citation). */
export function tagReferences(lines: Line[], tags: (RuleName | null)[], end: number): void {
  const begun = lines.findIndex((l, i) => i < end && tags[i] === null && isProse(l.text))
  for (let i = begun + 1; begun >= 0 && i < end; i++) {
    if (tags[i] !== null || !REFERENCE_LABEL.test(lines[i]!.text)) continue
    tags[i] = 'related_links'
    for (let j = i + 1; j < end && j <= i + 3; j++) {
      const t = lines[j]!.text
      if (tags[j] !== null) break
      if (REFERENCE.test(t) || (!isProse(t) && t.length <= 100)) tags[j] = 'related_links'
      else break
    }
  }
}

/**
 * Pull quotes: a sentence of the text repeated as a display quote ("„Ein Baum, den keiner
 * schneidet, vergreist.“" next to the paragraph that says it).
 */
export function tagPullQuotes(lines: Line[], tags: (RuleName | null)[], end: number): void {
  const core = (t: string) =>
    simplify(t)
      .replace(/^[\s.,;:!?]+|[\s.,;:!?]+$/g, '')
      .trim()
  // only inside the text (a headline repeated by the lead is no pull quote), and only sentences
  const start = lines.findIndex((l, i) => tags[i] === null && isProse(l.text))
  const candidates: number[] = []
  for (let i = start + 1; start >= 0 && i < end; i++) {
    const t = lines[i]!.text
    if (tags[i] !== null || t.length > 300 || countWords(t) < 6) continue
    if (endsLikeSentence(t) || /^[„"»«‚]/.test(t)) candidates.push(i)
  }
  if (candidates.length === 0) return
  const bodies: string[] = []
  for (let i = 0; i < end; i++) if (tags[i] === null) bodies.push(simplify(lines[i]!.text))
  for (const i of candidates) {
    const quote = core(lines[i]!.text)
    const own = simplify(lines[i]!.text)
    if (bodies.some((b) => b !== own && b.length > quote.length + 20 && b.includes(quote)))
      tags[i] = 'pull_quote'
  }
}
