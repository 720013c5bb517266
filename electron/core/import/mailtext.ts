/**
 * An article forwarded by e-mail and pasted: the forward's header ("Von:", "Betreff:" …), the
 * sender's greeting and note above the headline, the link, and the sign-off below go. The
 * note may name the paper ("das stand gestern im Lindenauer Tageblatt"): the outlet; the
 * link alone on a line is the article's address.
 */
import { isHttpUrl } from '../../../shared/urls'
import { findDate } from './dates'
import { countWords, SALUTATION_START } from './lines'
import { OUTLET_NAME } from './metalines'

const FORWARD =
  /^(?:-{2,}\s*)?(?:Weitergeleitete Nachricht|Original-?Nachricht|Ursprüngliche Nachricht|Forwarded message|Original Message|Begin forwarded message:?)(?:\s*-{2,})?$/i
const HEADER =
  /^(?:Von|From|An|To|Cc|Kopie|Datum|Date|Gesendet|Sent|Betreff|Subject|Antwort an|Reply-To):\s/i
const GREETING = new RegExp(`${SALUTATION_START.source}[^.!?]{0,40}[,!]?$`, 'i')
const SIGN_OFF =
  /^(?:(?:Viele|Liebe|Beste|Herzliche|Schöne|Freundliche|Mit freundlichen) Grüßen?|Grüße|Gruß|LG|VG|MfG|Bis bald|Ciao|Tschüss)\b[^.]{0,40}$/i
const SENT_FROM = /^(?:Gesendet (?:von|mit) |Von meinem .{1,40} gesendet|Sent from my )/i
/** "… im Lindenauer Tageblatt", "… in der Heide-Zeitung": a paper named in the note. */
const NAMED_PAPER =
  /\b(?:im|in der|in|aus dem|aus der|vom|von der|bei)\s+((?:\p{Lu}[\p{L}-]+\s){0,2}\p{Lu}[\p{L}-]+)/gu

/** "Rheinstadt-Anzeiger <morgenlage@rheinstadt-anzeiger.example>": a mail client's sender. */
const SENDER = /^(\p{Lu}[^<>@]{1,60}?)\s*<[^<>\s@]+@[^<>\s]+>$/u
/** The mail client's "to me" under the sender. */
const TO_ME = /^(?:an mich|to me|an Sie|an dich)\b/i
/** "Ihre Lena Brandt": a newsletter's signature, its writer. */
const SIGNED =
  /^(?:Ihre?|Euer|Eure|Dein|Deine|Yours,?)\s+(\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,2})$/u

export interface MailArticle {
  text: string
  outlet: string | null
  url: string | null
  title?: string
  author?: string
  published?: string
}

/** The article of a forwarded e-mail or a newsletter, or null when the text is no mail. */
export function mailText(text: string): MailArticle | null {
  // most texts are no mail: one look for a header or an address before reading lines
  if (!/(?:Von|From|Betreff|Subject):\s|@/.test(text)) return null
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const top = lines.slice(0, 20).map((l) => l.trim())
  const headers = top.filter((l) => HEADER.test(l)).length
  const forwarded = headers >= 3 || (headers >= 2 && top.some((l) => FORWARD.test(l)))
  // a newsletter as a mail client shows it: subject, sender, date, "an mich"
  const senders = top.slice(0, 4).map((l) => SENDER.exec(l))
  const newsletter = senders.some(Boolean) && top.slice(0, 6).some((l) => TO_ME.test(l))
  if (newsletter) return newsletterText(lines, senders.find(Boolean)![1]!.trim())
  if (!forwarded) return null

  const out: string[] = []
  let outlet: string | null = null
  let url: string | null = null
  // the sender's part: from the top to the first headline-like line after a greeting
  let sender = true
  let greeted = false
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim()
    if (SIGN_OFF.test(t) || SENT_FROM.test(t)) break
    if (FORWARD.test(t) || HEADER.test(t)) continue
    if (/^https?:\/\/\S+$/.test(t)) {
      if (isHttpUrl(t)) url ??= t
      continue
    }
    if (sender) {
      if (!t) {
        out.push(t)
        continue
      }
      if (GREETING.test(t)) {
        greeted = true
        continue
      }
      const next =
        lines
          .slice(i + 1)
          .find((l) => l.trim())
          ?.trim() ?? ''
      const headline =
        t.length <= 140 && !/[.!?…:,;]$|\p{Extended_Pictographic}/u.test(t) && next.length > 0
      if (!headline && greeted) {
        for (const m of t.matchAll(NAMED_PAPER)) if (OUTLET_NAME.test(m[1]!)) outlet ??= m[1]!
        continue
      }
      sender = false
    }
    out.push(t)
  }
  return { text: out.join('\n'), outlet, url }
}

/**
 * A newsletter: the subject is the title; the sender's name the outlet; the date under it the
 * date; the masthead, the greeting and the letter's introduction go, and so do the sign-off,
 * its writer (the author) and the footer. Bold lines ("*Regen bis Sonntag*") are headings.
 */
function newsletterText(lines: string[], from: string): MailArticle {
  const t = lines.map((l) => l.trim())
  const subject = t.find((l) => l) ?? ''
  const greeting = t.findIndex((l, i) => i < 25 && GREETING.test(l))
  let published: string | undefined
  for (const l of t.slice(0, 6)) published ??= l.length <= 60 ? findDate(l)?.date : undefined
  const out: string[] = []
  let author: string | undefined
  // after the greeting, the introduction runs to the first heading-like line
  let i = greeting >= 0 ? greeting + 1 : t.findIndex((l) => TO_ME.test(l)) + 1
  while (i < t.length && (t[i] === '' || !isBoldLine(t[i]!))) i++
  for (; i < t.length; i++) {
    const l = t[i]!
    const signed = SIGNED.exec(l)
    if (signed) {
      author = signed[1]!
      // the farewell above the signature ("Kommen Sie gut durch den Tag!") goes with it
      while (out.length && (out[out.length - 1] === '' || /!$/.test(out[out.length - 1]!))) {
        if (out[out.length - 1] !== '' && countWords(out[out.length - 1]!) > 10) break
        out.pop()
      }
      break
    }
    out.push(isBoldLine(l) ? l.slice(1, -1).trim() : l)
  }
  return {
    text: out.join('\n'),
    outlet: from,
    url: null,
    ...(subject ? { title: subject } : {}),
    ...(author ? { author } : {}),
    ...(published ? { published } : {}),
  }
}

/** "*Regen bis Sonntag*" or "**Regen bis Sonntag**": a heading in a plain-text mail. */
function isBoldLine(l: string): boolean {
  return /^\*{1,2}[^*]{2,120}\*{1,2}$/.test(l)
}
