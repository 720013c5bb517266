/**
 * Readers for the lines that carry metadata: bylines, agency lines, copyright lines. They run
 * on untrusted text and only ever read it.
 */
import { AGENCY_SET, PHOTO_SET } from './agencies'
import { countWords } from './lines'

export const COPYRIGHT = /^(?:©|ⓒ|\(c\)|Copyright\b\s*(?:©|\(c\))?)\s*/i

/**
 * A byline made of agency names and editors' initials: "dpa", "asc/AFP/dpa", "(AFP)", "rtr/dpa",
 * "rst/mis mit Material von dpa" (-> "rst/mis/dpa"). At least one part must be a known
 * agency; the others may be 2–5 letter initials.
 */
export function readAgencyLine(text: string): string | null {
  const t = text.replace(/^\(|\)$/g, '').trim()
  const material = MATERIAL.exec(t)
  if (material) {
    const agencies = material[2]!.split(/\s*(?:,|und|&|\/)\s*/).filter(Boolean)
    if (!agencies.length || !agencies.every((a) => AGENCY_SET.has(a.toLowerCase()))) return null
    const initials = material[1] ? material[1].split('/') : []
    return [...initials, ...agencies].join('/')
  }
  if (t.length > 40 || !/^[\p{L}-]+(?:\s*[/,]\s*[\p{L}-]+)*$/u.test(t)) return null
  const parts = t.split(/\s*[/,]\s*/)
  let agencies = 0
  for (const p of parts) {
    if (AGENCY_SET.has(p.toLowerCase())) agencies++
    else if (!/^[a-zäöü]{2,5}$/.test(p)) return null
  }
  return agencies > 0 ? t : null
}

const MATERIAL =
  /^(?:([a-zäöü]{2,5}(?:\/[a-zäöü]{2,5})*)\s+)?(?:[Mm]it|[Uu]nter Verwendung von) Material (?:von|der|des)\s+(?:(?:den )?Nachrichtenagentur(?:en)?\s+)?([\p{L}-]+(?:\s*(?:,|und|&|\/)\s*[\p{L}-]+)*)\.?$/u

/**
 * "Von Katrin Albers", "VON Tilda Brenner", "Ein Kommentar von Anna Beck, Brüssel",
 * "Autorin: Jana Ott", "Das Gespräch führte Jana Ott." -> the name.
 */
export function readAuthorLine(text: string): string | null {
  // "Text: Judith Anselm · Fotos: Paul Wiedeking": the text's author
  const credits = /^(Text:\s*[^·|]+?)\s*[·|]\s*(?:Fotos?|Bilder?|Illustrationen?|Grafik):/.exec(
    text,
  )
  if (credits) text = credits[1]!
  const m =
    /^(?:[Vv]on|VON|By|Autor(?:in)?:?|Text(?:\s*(?:und|&|\/)\s*Fotos?)?:|Ein(?:e)? (?:Kommentar|Bericht|Beitrag|Film|Video|Analyse|Gastbeitrag|Reportage|Interview|Kolumne) von|Das (?:Gespräch|Interview) führten?|Schriftführung:|Protokoll:|Protokollführ(?:er|erin):)\s+(?:(?:Pfarrer(?:in)?|Pastor(?:in)?|Diakon(?:in)?|Bürgermeister(?:in)?|Ortsvorsteher(?:in)?|Landrat|Landrätin)\s+)?(\p{Lu}[\p{L}.'-]*(?:\s+(?:(?:und|&|von|van|de|zu)\s+)?\p{Lu}[\p{L}.'-]*){1,5})(?:\s*,\s*(?:\p{Lu}[\p{L} -]{1,40}))?\.?$/u.exec(
      text.trim(),
    )
  if (!m) return null
  // a sentence's full stop is not the name's ("… führte Jana Ott."); an initial's is ("Ralf K.")
  const name = m[1]!.trim().replace(/(?<!\b\p{Lu})\.$/u, '')
  return countWords(name) >= 2 && countWords(name) <= 8 ? name : null
}

/**
 * A broadcaster's note naming the programme that reported:
 * "Über dieses Thema berichtete Weserland Aktuell am 02.10.2023 um 19:30 Uhr." -> "Weserland Aktuell".
 */
export function readBroadcastNote(text: string): string | null {
  const m =
    /^(?:Über )?(?:dieses|das) Thema (?:berichtete(?:n)?|im Programm:?)\s+(?:auch\s+)?(?:die |der |das )?(.{2,60}?)(?:\s+(?:am|im|in|um|vom|heute|gestern)\b.*|\s*[|,].*|\.)?$/i.exec(
      text.trim(),
    )
  // "Diese Nachricht wurde am 14.03.2025 im Programm Radio Elbland gesendet."
  const sent =
    /^(?:Diese|Die) (?:Nachricht|Meldung|Sendung|Presseschau|Beitrag)\s+wurde\s+am\s+.{6,40}?\s+(?:im Programm|in|bei|auf)\s+(\p{Lu}.{1,50}?)\s+(?:gesendet|ausgestrahlt|veröffentlicht)\.?$/u.exec(
      text.trim(),
    )
  if (sent) return sent[1]!.trim()
  if (!m || text.length > 200) return null
  const name = m[1]!.trim()
  return /^\p{Lu}/u.test(name) && countWords(name) <= 6 ? name : null
}

/** Legal forms and generic words that follow an outlet's name in a copyright line. */
const LEGAL_FORM =
  /(?:,?\s+(?:GmbH\s*&\s*Co\.?\s*KG(?:aA)?|GmbH|gGmbH|mbH|AG|KG|KGaA|SE|OHG|e\.\s?V\.?|eG|Ltd\.?|Inc\.?|S\.A\.))+$/
const PUBLISHER_WORD =
  /(?:\s+|-)(?:Verlag|Verlagsgesellschaft|Verlagshaus|Zeitungsverlag|Medien|Mediengruppe|Medienhaus|Media|Digital)$/

/** "Heidekurier Verlag GmbH" -> "Heidekurier": the name a reader knows an outlet by. */
export function outletName(holder: string): string {
  let name = holder.trim()
  // "… Verlag GmbH & Co. KG, Brakenfeld": the seat after the legal form
  const seat = /,\s*\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?$/u.exec(name)
  if (seat && LEGAL_FORM.test(name.slice(0, seat.index))) name = name.slice(0, seat.index)
  name = name.replace(LEGAL_FORM, '').trim()
  // "dpa Deutsche Presse-Agentur": the short name its full name spells
  const short = /^(\p{L}{2,5})\s+(\p{Lu}.+)$/u.exec(name)
  if (short) {
    const initials = short[2]!
      .split(/[\s-]+/)
      .map((w) => w[0]!)
      .join('')
    if (initials.toLowerCase() === short[1]!.toLowerCase()) return short[1]!
  }
  const shorter = name.replace(PUBLISHER_WORD, '').trim()
  if (shorter && shorter !== name && countWords(shorter) >= 1) name = shorter
  return name
}

/** "© Tagesblick 2025" -> "Tagesblick"; null for other lines. */
export function readCopyrightHolder(text: string): string | null {
  const m = COPYRIGHT.exec(text)
  if (!m || text.length > 140) return null
  let holder = text.slice(m[0].length)
  holder = holder
    // "© 2024 Balkongrün · Stolz präsentiert von WordPress": the name ends at a separator
    .split(/\s+[·|•–—]\s+|\s+-\s+|(?<!\bCo)\.\s+(?=\p{Lu})/u)[0]!
    // copyright years (a founding year like "1921" in a club's name stays)
    .replace(/\b(?:199\d|20\d{2})(?:\s*[-–]\s*(?:(?:199\d|20\d{2})|\d{2}))?\b/g, ' ')
    .replace(/[,|–-]?\s*(?:Alle Rechte vorbehalten|All rights reserved)\.?/i, ' ')
    .replace(/\s{2,}/g, ' ')
    .replace(/^[\s,.|:–-]+|[\s,|:–-]+$/g, '')
  holder = holder.replace(/(?<!\b[eV]|\b\p{Lu})\.$/u, '').trim()
  if (!holder || countWords(holder) > 6) return null
  if (PHOTO_SET.has(holder.toLowerCase()) || holder.includes('/')) return null
  return outletName(holder) || null
}
