/**
 * Where a looked-up word occurs in the library: the popover's "occurs in N articles" and the
 * articles it lists. The search index finds candidates by stem ("rund" and "Runde" share one,
 * and so do "Möglichkeit" and "mögliche"); each candidate is then checked by its profile, the
 * lemma analysis the reader's tints and the word list's frequency use, so the word counts, not
 * its stem. Articles not analysed yet are analysed while the popover can wait (the study room
 * does it); the rest are estimated from those told.
 */
import { studyKey } from '../../../shared/lemmas'
import type { WordInfo } from '../../../shared/types'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import type { SearchIndex } from '../search'
import { isStopword, keysOfWord } from '../search/analyzer'
import { foldPrefix } from '../search/query'
import { bareVerb } from './known'
import { PARTICLES } from './particles'
import { lexiconKey } from './store'

/** The articles' lemma profiles (the study room keeps them). */
export interface LemmaProfiles {
  /** For each article, how often the lemma key occurs in it, or -1 when it is not analysed. */
  lemmaCounts(key: string, articleIds: readonly number[]): number[]
}

/** Articles listed under the count. */
const LISTED = 5
/**
 * Candidates checked one by one at most; beyond (and for articles not analysed in time), the
 * count is the share found among those checked, applied to all (and said to be about so many).
 */
const CHECKED = 4000

type Occurrences = WordInfo['occurrences']

/**
 * Where the word occurs: `lemma` as the lexicon gives it, `pos` its part of speech, `form`
 * the word as it was clicked, `article` the article it was clicked in.
 */
export async function findOccurrences(
  db: Db,
  search: SearchIndex,
  profiles: LemmaProfiles | null,
  word: {
    lemma: string
    pos: string | null
    form: string
    /** The forms the dictionary lists for the lemma ("ging", "gab"). */
    forms: readonly string[]
    article?: number
  },
  limits: { checked?: number } = {},
): Promise<Occurrences> {
  // counted as the reader counts it: a headword with its objects as its verb ("etw. sagen"),
  // a two-part conjunction or a pair by the word clicked ("zwar …, aber …", "ein paar")
  const key = studyKey(word.lemma)
  const form = lexiconKey(word.form)
  const countable = !key.includes(' ') || key.includes('…') || key.endsWith(` ${form}`)
  const lemma = !countable ? word.lemma : key.includes(' ') ? form : key
  // the index leaves stopwords out: "soll" is not rare, it is uncounted
  if (lemma.split(/\s+/).every(isStopword)) return { total: 0, articles: [], common: true }
  // a name as clicked, by the index: the profiles leave names out ("Merkel" in 44 articles, not 0)
  if (word.pos === 'name') return bySearch(db, search, lexiconKey(word.form))
  if (!profiles || !countable) return bySearch(db, search, lemma)
  const keys = candidateKeys({ ...word, lemma })
  const candidates = (await search.articlesWithTerms(keys)).sort((a, b) => b - a)
  const checked = candidates.slice(0, limits.checked ?? CHECKED)
  const counts = profiles.lemmaCounts(key, checked)
  const found: { id: number; count: number }[] = []
  let told = 0
  counts.forEach((count, i) => {
    if (count >= 0) told++
    if (count > 0) found.push({ id: checked[i]!, count })
  })
  let total: number
  let approximate = false
  if (told === 0) {
    // nothing could be told (a name): as the index says
    for (const id of checked) found.push({ id, count: 1 })
    total = candidates.length
  } else {
    // the articles not told (beyond the checked, or not analysed yet): by the share of those told
    const untold = candidates.length - told
    total = found.length + Math.round((found.length / told) * untold)
    approximate = untold > 0
  }
  // the article it was clicked in has it, whatever its clause made of it there ("in Auftrag
  // gab": the phrase in the popover, geben in the profile)
  if (word.article !== undefined && !found.some((f) => f.id === word.article)) {
    found.push({ id: word.article, count: 1 })
    total++
  }
  // the articles that use the word most, then the newest
  found.sort((a, b) => b.count - a.count || b.id - a.id)
  return {
    total,
    ...(approximate ? { approximate } : {}),
    articles: titled(
      db,
      found.slice(0, LISTED).map((f) => f.id),
    ),
  }
}

/**
 * The index keys under which the lemma's forms may stand: its stem, the stem of the form as
 * met, the forms the dictionary lists ("ging" for gehen), a suffix after a number by itself
 * ("jährig" for "64-jährige", any age), and for a verb every key its stem
 * begins, with and without ge- and a separable particle ("sagte", "gesagt"; "kündigte",
 * "angekündigt"), as the index stems past tenses apart from the infinitive.
 */
function candidateKeys(word: {
  lemma: string
  pos: string | null
  form: string
  forms: readonly string[]
}) {
  const keys = new Set<string>()
  for (const w of [word.lemma, word.form, ...word.forms]) {
    const key = keysOfWord(w)[0]
    if (key) keys.add(key)
  }
  // a suffix after a number ("…-jährig" for "64-jährige"): the index has it as the last part
  const suffix = word.lemma.startsWith('…-') ? keysOfWord(word.form).at(-1) : null
  if (suffix) keys.add(suffix)
  const base =
    word.pos === 'verb' ? /^(\p{L}{2,}?)(?:e?n)$/u.exec(lexiconKey(word.lemma))?.[1] : null
  if (base) {
    const particle = [...PARTICLES].find((p) => base.startsWith(p) && base.length - p.length >= 3)
    const rest = particle ? base.slice(particle.length) : null
    for (const prefix of [base, `ge${base}`, ...(rest ? [rest, `${particle}ge${rest}`] : [])])
      keys.add(`${foldPrefix(prefix)}*`)
  }
  return [...keys]
}

/** By the search alone (a phrase, or no profiles to check against). */
async function bySearch(db: Db, search: SearchIndex, lemma: string): Promise<Occurrences> {
  const outcome = await search.search(lemma.includes(' ') ? `"${lemma}"` : lemma, {}, LISTED, 0)
  if (outcome.hits.length === 0) return { total: 0, articles: [] }
  return {
    total: outcome.total,
    articles: titled(
      db,
      outcome.hits.map((h) => h.articleId),
    ),
  }
}

function titled(db: Db, ids: number[]): Occurrences['articles'] {
  const get = stmt(
    db,
    'SELECT a.title, (SELECT name FROM outlets WHERE id = a.outlet_id) AS outlet FROM articles a WHERE a.id = ?',
  )
  return ids.map((id) => ({ id, ...(get.get(id) as { title: string; outlet: string | null }) }))
}

/**
 * The single-word forms the dictionary lists for a lemma's entries, those written with their
 * objects included ("gab" for "etw. geben"); `lookUp` gives a key's entries.
 */
export function listedForms(
  db: Db,
  lookUp: (key: string) => { entry: { id: number }; via: string }[],
  lemma: string,
): string[] {
  const key = lexiconKey(lemma)
  const ids = lookUp(bareVerb(key) ?? key).flatMap((r) => (r.via === 'lemma' ? [r.entry.id] : []))
  const forms = stmt(db, 'SELECT key FROM lexicon_forms WHERE entry_id = ?').pluck()
  const out = new Set<string>()
  for (const id of ids.slice(0, 50))
    for (const f of forms.all(id) as string[]) if (!f.includes(' ')) out.add(f)
  return [...out]
}
