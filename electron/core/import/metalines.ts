/**
 * Metadata read from the lines of a page: dates (with their labels), bylines, agency lines,
 * the programme a broadcaster names, and outlets named by copyright and republication lines.
 * Lines that are metadata are tagged so they leave the text.
 */
import type { PartialDate } from '../../../shared/types'
import { readBroadcastNote } from './bylines'
import { readDateLine } from './dates'
import type { Line } from './lines'
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
  }
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text
    if (tags[i] !== null) {
      const holder = tags[i] === 'copyright' ? readCopyrightHolder(text) : null
      if (holder) m.outlets.push(holder)
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
  return m
}
