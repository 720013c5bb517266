/**
 * Declined articles, pronouns and contractions, which dictionaries list only in one form: "des"
 * is der's genitive, "seinem" a form of sein (his), "zur" is zu + der. Among the corpus's most
 * frequent words they were found nowhere (des 4,295 times, zur 1,172, seiner 488, diesem 364).
 */

/** A preposition and an article run together ("zur": zu der). */
const CONTRACTIONS: Record<string, [string, string]> = {
  zur: ['zu', 'der'],
  zum: ['zu', 'dem'],
  vom: ['von', 'dem'],
  im: ['in', 'dem'],
  ins: ['in', 'das'],
  am: ['an', 'dem'],
  ans: ['an', 'das'],
  beim: ['bei', 'dem'],
  aufs: ['auf', 'das'],
  fürs: ['für', 'das'],
  durchs: ['durch', 'das'],
  ums: ['um', 'das'],
  übers: ['über', 'das'],
  unters: ['unter', 'das'],
  vors: ['vor', 'das'],
  hinters: ['hinter', 'das'],
}

/** What a contraction stands for ("zur = zu + der"), or null. */
export function contractionOf(key: string): string | null {
  const parts = CONTRACTIONS[key]
  return parts ? `${key} = ${parts[0]} + ${parts[1]}` : null
}

/** The article's forms, and personal pronouns' the dictionary lacks (as its headwords give them). */
const ARTICLES: Record<string, string> = {
  des: 'der',
  dem: 'der',
  den: 'der',
  ihnen: 'sie',
  dir: 'du',
}

/**
 * Stems declined like "dieser" (-e, -er, -en, -em, -es), and the headword the dictionary has
 * for each: "seinem" -> "seine", "diesem" -> "dieser", "anderen" -> "andere".
 */
const DECLINED: Record<string, string[]> = {
  ein: ['ein', 'eine'],
  kein: ['keine'],
  mein: ['mein', 'meine'],
  dein: ['dein', 'deine'],
  sein: ['seine'],
  ihr: ['ihre'],
  unser: ['unser', 'unsere'],
  eur: ['euer', 'eure'],
  dies: ['dieser', 'diese'],
  jen: ['jener', 'jene'],
  jed: ['jeder', 'jede'],
  ander: ['anderer'],
  beid: ['beide'],
  all: ['alle'],
  letzt: ['letzte', 'letzter'],
  manch: ['mancher', 'manche'],
  welch: ['welcher', 'welche'],
  solch: ['solcher', 'solche'],
}
const ENDING = /^(.+?)(?:e|er|en|em|es)?$/
const ARTICLE_STEMS = new Set(['ein', 'kein'])

/** Ordinals, declined like adjectives ("zweiten" -> "zweite"), with an ending only ("erst" is only). */
const ORDINALS = new Set(
  `erst zweit dritt viert fünft sechst siebt neunt zehnt elft zwölft zwanzigst dreißigst
  hundertst tausendst`.split(/\s+/),
)

/**
 * The headwords a declined article, pronoun or contraction is a form of, and whether they
 * count even beside a headword of its own ("den" is der's form far more often than the
 * relative pronoun; "welches", "aller", "dies" are headwords of their own); null for any
 * other word.
 */
export function determinerBases(key: string): { bases: string[]; always: boolean } | null {
  const contraction = CONTRACTIONS[key]
  if (contraction) return { bases: [contraction[0]], always: true }
  const article = ARTICLES[key]
  if (article) return { bases: [article], always: true }
  // the stem with its ending, or without one ("kein", "unser")
  const stem = ENDING.exec(key)![1]!
  for (const s of [key, stem]) {
    const heads = DECLINED[s]?.filter((h) => h !== key)
    // the article's forms are its own far more often than headwords of their own ("eines":
    // one thing)
    if (heads?.length) return { bases: heads, always: ARTICLE_STEMS.has(s) }
  }
  if (stem !== key && ORDINALS.has(stem) && key !== `${stem}e`)
    return { bases: [`${stem}e`], always: false }
  return null
}
