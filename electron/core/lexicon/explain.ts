/**
 * What the popover shows, built from a lexicon entry or from a derivation: headword with its
 * article, plural, gloss, explanation. Nominalised adjectives are shown as they stand after
 * "der" (der Abgeordnete, der Angehörige), not in their strong form (Abgeordneter).
 */
import { GENDER_ARTICLE as ARTICLE, type Gender, type WordInfo } from '../../../shared/types'
import { NEWS_AGENCIES } from '../import/agencies'
import { ADJ, NOUN, VERB } from './known'
import { pronounAsNoun } from './pronouns'
import type { Entry } from './readings'

export function emptyInfo(query: string): WordInfo {
  return {
    query,
    found: false,
    lemma: null,
    pos: null,
    gender: null,
    article: null,
    plural: null,
    genitive: null,
    gloss: null,
    explanation: null,
    domain: null,
    parts: [],
    source: null,
    via: null,
    separable: null,
    entryId: null,
    more: [],
    note: null,
    occurrences: { total: 0, articles: [] },
  }
}

/**
 * The headword of a noun entry: a masculine nominalised adjective ("Abgeordneter",
 * "Angehöriger", "Deutscher": an adjective or participle + -er, plural in -en) as it stands
 * after "der" ("Abgeordnete").
 */
export function nounLemma(entry: Entry, flags: (key: string) => number): string {
  const lemma = entry.lemma
  if (entry.gender !== 'm' || !lemma.endsWith('er') || lemma.includes(' ')) return lemma
  const stem = lemma.slice(0, -2).toLowerCase()
  if (stem.length < 3) return lemma
  // "Forscher" is not the strong form of "forsch": the weak form must be a noun of its own,
  // or the plural weak ("Beamte" -> die Beamten)
  const weakPlural = entry.plural?.toLowerCase() === `${stem}en`
  const weak = (s: string) => (flags(`${s}e`) & NOUN && flags(s) & (ADJ | VERB)) !== 0
  // also as the end of a compound: "Bundestagsabgeordneter" ends in "abgeordnet"
  let weakNoun = weak(stem)
  for (let i = 1; !weakNoun && i <= stem.length - 6; i++) weakNoun = weak(stem.slice(i))
  return weakPlural || weakNoun ? lemma.slice(0, -1) : lemma
}

export function explainEntry(
  query: string,
  entry: Entry,
  via: NonNullable<WordInfo['via']>,
  lemma: string,
): WordInfo {
  const adjectival = lemma !== entry.lemma
  // "sie {pl}: they" is a pronoun, shown without an article or a plural
  const pronoun = pronounAsNoun(entry)
  return {
    ...emptyInfo(query),
    found: true,
    lemma,
    pos: pronoun ? 'other' : entry.pos,
    gender: pronoun ? null : entry.gender,
    article: entry.gender && !pronoun ? ARTICLE[entry.gender] : null,
    // the strong plural of a nominalised adjective ("Abgeordnete") is "die Abgeordneten"
    plural: adjectival ? `${lemma}n` : pronoun ? null : entry.plural,
    genitive: adjectival ? `${lemma}n` : entry.genitive,
    gloss: entry.gloss,
    explanation: entry.explanation,
    domain: entry.domain,
    source: entry.source,
    via,
    entryId: entry.id,
  }
}

/**
 * A word the lexicon has only as its base: an agent noun ("Politiker" from Politik), a
 * nominalised verb ("das Vorgehen") or adjective ("die Arbeitslosen"). It keeps its own
 * headword; the gloss is the base's, said to be so.
 */
export function explainDerived(
  query: string,
  d: {
    lemma: string
    gender: Gender
    plural: string | null
    base: Entry | null
    parts: string[]
    more: WordInfo['more']
  },
): WordInfo {
  const base = d.base
  return {
    ...emptyInfo(query),
    found: true,
    lemma: d.lemma,
    pos: 'noun',
    gender: d.gender,
    article: ARTICLE[d.gender],
    plural: d.plural,
    gloss: base ? `(${base.lemma}) ${base.gloss}` : null,
    explanation: base ? `Abgeleitet von „${base.lemma}“.` : null,
    domain: base?.domain ?? null,
    source: base?.source ?? null,
    via: 'derived',
    entryId: base?.id ?? null,
    parts: d.parts,
    more: d.more,
  }
}

/**
 * An adjective made from a town's name, before its noun ("die Kieler Woche", "der Kölner Dom",
 * "Münchner Polizei"): "of Kiel", not "(Kiel) quill" or "inhabitant of Cologne". Null unless
 * the word less -er names a town or city the lexicon has (Kiel, Köln; Brem-er: Bremen;
 * Münchn-er: München); a country's or a region's -er word is its people's noun (der
 * Österreicher, die Kärntner), as the lexicon has it.
 */
export function placeAdjective(query: string, lookUp: (key: string) => Entry[]): WordInfo | null {
  if (!/^\p{Lu}\p{Ll}+er$/u.test(query)) return null
  const stem = query.slice(0, -2).toLowerCase()
  for (const key of [stem, `${stem}en`, `${stem.slice(0, -1)}en`]) {
    const place = lookUp(key).find((e) => e.domain === 'geogr.' && CITY.test(e.gloss))
    if (!place) continue
    // the English name, as described ("Bruxelles; Brussels (capital of Belgium)"), without
    // what the lexicon adds ("Frankfurt an der Oder" is Frankfurt)
    const names = place.gloss.split(';')
    const name = (names.find((n) => n.includes('(')) ?? names[0]!).replace(/\s*\(.*$/, '').trim()
    const shown = name.startsWith(`${place.lemma} `) ? place.lemma : name
    return {
      ...emptyInfo(query),
      found: true,
      lemma: query,
      pos: 'adj',
      gloss: `of ${shown}; ${shown} (before a noun)`,
      explanation: `Adjektiv zum Ortsnamen „${place.lemma}“.`,
      source: place.source,
      via: 'derived',
      entryId: place.id,
    }
  }
  return null
}

/** A town's or a city's gloss ("Kiel (city in Germany)", "Graz (capital of Styria)"). */
const CITY = /\((?:capital|city|town)\b/

/** News agencies named as written ("Reuters", "dpa", "AFP"); not those that are words ("Pool"). */
const AGENCIES = new Set(
  NEWS_AGENCIES.filter((a) => a.length >= 3 && /^[^\s]+$/.test(a) && a !== 'Pool'),
)

/** A news agency's name: "Reuters" is no plural of Reuter (a hay drying frame). */
export function agencyName(query: string): WordInfo | null {
  if (!AGENCIES.has(query)) return null
  return {
    ...emptyInfo(query),
    found: true,
    lemma: query,
    pos: 'name',
    gloss: 'news agency',
    explanation: 'Eine Nachrichtenagentur.',
    via: 'name',
  }
}

/** Feminine singular articles and determiners before a nominalised adjective in -e. */
const FEMININE_BEFORE = /^(?:die|eine|keine|diese|jede|jene|welche)$/i

/**
 * A nominalised adjective the lexicon gives as masculine (der Abgeordnete, der …-Jährige),
 * after a feminine singular article, is a woman: "eine 72-Jährige", "die Abgeordnete" (the
 * plural would end in -en: "die Abgeordneten"). The headword stays.
 */
export function womanByArticle(info: WordInfo, query: string, before: string): WordInfo {
  if (info.pos !== 'noun' || info.gender !== 'm' || !info.lemma) return info
  if (info.plural !== `${info.lemma}n` || !query.endsWith('e') || !FEMININE_BEFORE.test(before))
    return info
  return { ...info, gender: 'f', article: ARTICLE.f }
}
