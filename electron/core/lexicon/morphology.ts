/**
 * German inflection, read backwards: which dictionary words a written form can come from.
 * Verbs (present, past, participles, zu-infinitives, with or without a separable prefix, strong
 * verbs through the forms the dictionary lists), nouns (case and plural endings, nominalised
 * adjectives, agent nouns) and adjectives (endings, comparison). Every candidate is checked
 * against the lexicon's word list; nothing here guesses a word the lexicon does not have.
 */
import { ADJ, NOUN, NOUN_LEMMA, PLURAL, VERB, VERB_BASE, VERB_LEMMA } from './known'
import { PARTICLES } from './particles'

export { PARTICLES }

export type Flags = (key: string) => number

/** Longest first, so "hinaus" is tried before "hin". */
const PARTICLE_MAX = Math.max(...[...PARTICLES].map((p) => p.length))
/** An infinitive the lexicon has, or the simple verb inside a separable one it has. */
const INFINITIVE = VERB_LEMMA | VERB_BASE

/** The most frequent verbs are the least regular: their forms, written out. */
const IRREGULAR: Record<string, string> = {}
for (const [infinitive, forms] of [
  ['sein', 'bin bist ist sind seid war warst waren wart sei seiest seien wäre wärst wären gewesen'],
  ['haben', 'habe hast hat habt hatte hattest hatten hattet hätte hättest hätten hättet gehabt'],
  [
    'werden',
    'werde wirst wird werdet wurde wurdest wurden wurdet würde würdest würden würdet geworden worden',
  ],
  ['können', 'kann kannst könnt konnte konntest konnten konntet könnte könnten gekonnt'],
  ['müssen', 'muss musst müsst musste musstest mussten musstet müsste müssten gemusst'],
  ['sollen', 'soll sollst sollt sollte solltest sollten solltet gesollt'],
  ['wollen', 'will willst wollt wollte wolltest wollten wolltet gewollt'],
  ['dürfen', 'darf darfst dürft durfte durftest durften durftet dürfte dürften gedurft'],
  ['mögen', 'mag magst mögt mochte mochtest mochten mochtet möchte möchtest möchten gemocht'],
  ['wissen', 'weiß weißt wisst wusste wusstest wussten wusstet wüsste wüssten gewusst'],
] as const)
  for (const form of forms.split(' ')) IRREGULAR[form] = infinitive

/** Comparatives and superlatives that do not follow the rules (höchsten -> hoch). */
const IRREGULAR_COMPARISON: Record<string, string> = {
  // (and the declined positive: "hohe", "hohen")
  hoh: 'hoch',
  höher: 'hoch',
  höchst: 'hoch',
  besser: 'gut',
  best: 'gut',
  mehr: 'viel',
  meist: 'viel',
  näher: 'nah',
  nächst: 'nah',
  lieber: 'gern',
  liebst: 'gern',
  größer: 'groß',
  größt: 'groß',
}

/** How a verb form was read. */
export type VerbKind = 'as-is' | 'present' | 'past' | 'participle' | 'zu-infinitive' | 'form'

export interface VerbReading {
  /** The infinitive's key ("unterstreichen"), or for kind "form" a listed form ("gab"). */
  key: string
  kind: VerbKind
  /** A separable prefix written together with the verb ("preis" in "preisgab"). */
  particle: string
}

const ADJECTIVE_ENDINGS = ['e', 'en', 'er', 'es', 'em']
const PERSON_ENDINGS = ['en', 'n', 'st', 'est', 't', 'et', 'e']
const PAST_ENDINGS = ['eten', 'etet', 'etest', 'ete', 'ten', 'tet', 'test', 'te']
const PRESENT_ENDINGS = ['est', 'st', 'et', 't', 'e']

/**
 * The verbs a lower-case word can be a form of. Readings of kind "form" name a form the
 * dictionary lists (strong verbs: "gaben" -> "gab"); the others an infinitive it has.
 */
export function verbReadings(word: string, flags: Flags): VerbReading[] {
  const out: VerbReading[] = []
  const irregular = IRREGULAR[word]
  if (irregular) out.push({ key: irregular, kind: 'present', particle: '' })
  for (const r of simpleReadings(word, flags)) addReading(out, r.key, r.kind, '')
  // the particles the word starts with, longest first (a look-up per length, not per particle)
  for (let n = Math.min(PARTICLE_MAX, word.length - 3); n >= 2; n--) {
    const particle = word.slice(0, n)
    if (!PARTICLES.has(particle)) continue
    const rest = word.slice(n)
    // "vorzugehen", "abzuschätzen": particle + zu + infinitive
    if (rest.startsWith('zu') && rest.length > 4 && rest.endsWith('n'))
      for (const r of simpleReadings(rest.slice(2), flags))
        if (r.kind === 'as-is') addReading(out, r.key, 'zu-infinitive', particle)
    // "abgelehnt", "stattfanden", "preisgab": particle + participle or finite form
    for (const r of simpleReadings(rest, flags)) addReading(out, r.key, r.kind, particle)
  }
  return out
}

function addReading(out: VerbReading[], key: string, kind: VerbKind, particle: string): void {
  for (const r of out) if (r.key === key && r.particle === particle) return
  out.push({ key, kind, particle })
}

/** The infinitive of a stem the lexicon has ("bezeichn" -> "bezeichnen", "forder" -> "fordern"). */
function addInfinitive(
  out: { key: string; kind: VerbKind }[],
  flags: Flags,
  stem: string,
  kind: VerbKind,
): void {
  if (stem.length < 2) return
  const en = `${stem}en`
  if (flags(en) & INFINITIVE) out.push({ key: en, kind })
  const n = `${stem}n`
  if (flags(n) & INFINITIVE) out.push({ key: n, kind })
}

/** Whether a word can be a verb form without a separable prefix ("gaben", "klagen"). */
export function mayBeVerbForm(word: string, flags: Flags): boolean {
  return IRREGULAR[word] !== undefined || simpleReadings(word, flags).length > 0
}

/** Verbs whose participle has no ge-: an inseparable prefix, or -ieren. */
const WITHOUT_GE =
  /^(?:be|ver|er|ent|zer|emp|miss|ge|über|unter|hinter|wider|durch|um)\p{L}{2,}|iert$/u

/** Readings of a form without a separable prefix. */
function simpleReadings(w: string, flags: Flags): { key: string; kind: VerbKind }[] {
  const out: { key: string; kind: VerbKind }[] = []
  const own = flags(w)
  if (own & VERB) out.push({ key: w, kind: own & VERB_LEMMA ? 'as-is' : 'form' })
  // strong verbs: a listed form plus a person ending ("gab" + "en", "rief" + "en", "fand" + "st")
  for (const ending of PERSON_ENDINGS) {
    if (!w.endsWith(ending)) continue
    const base = w.slice(0, -ending.length)
    const f = flags(base)
    if (base.length >= 2 && f & VERB && !(f & VERB_LEMMA)) out.push({ key: base, kind: 'form' })
  }
  // participles: ge…t, ge…et, ge…en; as adjectives with an ending ("beschädigten")
  for (let e = -1; e < ADJECTIVE_ENDINGS.length; e++) {
    const ending = e < 0 ? '' : ADJECTIVE_ENDINGS[e]!
    if (ending && !w.endsWith(ending)) continue
    const form = ending ? w.slice(0, -ending.length) : w
    const f = ending ? flags(form) : own
    if (form.startsWith('ge') && form.length > 4) {
      const inner = form.slice(2)
      if (inner.endsWith('et')) addInfinitive(out, flags, inner.slice(0, -2), 'participle')
      if (inner.endsWith('t')) addInfinitive(out, flags, inner.slice(0, -1), 'participle')
      if (inner.endsWith('en') && flags(inner) & INFINITIVE)
        out.push({ key: inner, kind: 'participle' })
    }
    if (ending && f & VERB && !(f & VERB_LEMMA)) out.push({ key: form, kind: 'form' })
    // verbs without ge- (be-, ver-, -ieren …): "betont", "verstärkt", "kritisiert"; not
    // others ("fügte" is fügen's past, not a participle "fügt" with an ending)
    if (WITHOUT_GE.test(form)) {
      if (form.endsWith('et')) addInfinitive(out, flags, form.slice(0, -2), 'participle')
      if (form.endsWith('t')) addInfinitive(out, flags, form.slice(0, -1), 'participle')
    }
  }
  // weak past: -te, -test, -ten, -tet, with -e- after d/t ("endeten", "bezeichneten")
  for (const ending of PAST_ENDINGS) {
    if (w.endsWith(ending)) addInfinitive(out, flags, w.slice(0, -ending.length), 'past')
  }
  // present: -e, -st, -t, -et, -est, -en, -n ("klagen", "fordert", "ruft")
  for (const ending of PRESENT_ENDINGS) {
    if (w.endsWith(ending)) addInfinitive(out, flags, w.slice(0, -ending.length), 'present')
  }
  if (own & INFINITIVE) out.push({ key: w, kind: 'as-is' })
  return out
}

export interface NounReading {
  /** A key the lexicon has: a noun's lemma, or a plural form ("nachbarländer"). */
  key: string
  /** "ending": case or plural ending; "dative": plural + -n; "adjective": nominalised. */
  kind: 'ending' | 'dative' | 'adjective'
}

/**
 * Nouns a capitalised word can be a form of: case and plural endings the lexicon does not
 * list ("Demonstranten" -> Demonstrant, "Klimawandels" -> Klimawandel), a dative plural of a
 * listed plural ("Nachbarländern" -> Nachbarländer), a nominalised adjective ("Abgeordneten"
 * -> Abgeordnete). Never -er: "Politiker" is not a form of "Politik".
 */
export function nounReadings(key: string, flags: Flags): NounReading[] {
  const out: NounReading[] = []
  for (const ending of ['s', 'es', 'n', 'en', 'e', 'ns', 'nen']) {
    if (!key.endsWith(ending)) continue
    const base = key.slice(0, -ending.length)
    if (base.length < 3) continue
    if (flags(base) & NOUN_LEMMA) out.push({ key: base, kind: 'ending' })
    if (ending === 'n' && flags(base) & PLURAL) out.push({ key: base, kind: 'dative' })
  }
  // a noun in -s or -nis doubles its s before -es: des Busses, des Ergebnisses
  if (key.endsWith('sses') && flags(key.slice(0, -3)) & NOUN_LEMMA)
    out.push({ key: key.slice(0, -3), kind: 'ending' })
  // nominalised adjectives: der Abgeordnete, ein Abgeordneter, den Abgeordneten
  for (const ending of ADJECTIVE_ENDINGS) {
    if (!key.endsWith(ending)) continue
    const stem = key.slice(0, -ending.length)
    for (const lemma of [`${stem}e`, `${stem}er`])
      if (lemma !== key && flags(lemma) & NOUN) out.push({ key: lemma, kind: 'adjective' })
  }
  return out
}

/**
 * The adjective a nominalised form stands on ("arbeitslosen" -> "arbeitslos", "verletzte" ->
 * "verletzt"), or null. Used to keep such nouns whole (no "Vorsitz | Ende").
 */
export function adjectiveBase(key: string, flags: Flags): string | null {
  for (const ending of ADJECTIVE_ENDINGS) {
    if (!key.endsWith(ending)) continue
    const stem = key.slice(0, -ending.length)
    if (stem.length >= 3 && flags(stem) & (ADJ | VERB) && !(flags(stem) & NOUN)) return stem
  }
  return null
}

/** Adjectives a lower-case word can be a form of: endings, comparative, superlative. */
export function adjectiveReadings(key: string, flags: Flags): string[] {
  const out: string[] = []
  const consider = (base: string) => {
    if (base.length >= 2 && flags(base) & ADJ && !out.includes(base)) out.push(base)
  }
  for (const ending of ['', ...ADJECTIVE_ENDINGS]) {
    const irregular = key.endsWith(ending)
      ? IRREGULAR_COMPARISON[key.slice(0, key.length - ending.length)]
      : undefined
    if (irregular) consider(irregular)
  }
  for (const ending of ADJECTIVE_ENDINGS)
    if (key.endsWith(ending)) consider(key.slice(0, -ending.length))
  // comparative and superlative, also with the umlaut many take ("stärksten", "schwächer")
  const compared = (base: string) => {
    consider(base)
    consider(withoutUmlaut(base))
  }
  for (const ending of ['er', 'ere', 'eren', 'erer', 'eres', 'erem']) {
    if (key.endsWith(ending)) compared(key.slice(0, -ending.length))
  }
  for (const ending of ['st', 'ste', 'sten', 'ster', 'stes', 'stem', 'est', 'este', 'esten']) {
    if (key.endsWith(ending)) compared(key.slice(0, -ending.length))
  }
  return out
}

/** The word with its last umlaut undone ("stärk" -> "stark", "größ" -> "groß"). */
function withoutUmlaut(word: string): string {
  const i = Math.max(word.lastIndexOf('ä'), word.lastIndexOf('ö'), word.lastIndexOf('ü'))
  if (i < 0) return word
  const plain = { ä: 'a', ö: 'o', ü: 'u' }[word[i] as 'ä' | 'ö' | 'ü']
  return word.slice(0, i) + plain + word.slice(i + 1)
}

export interface Derivation {
  /** The word's own headword: "Politiker", "Politikerin". */
  lemma: string
  /** What it is made from: "Politik", "wählen". */
  base: string
  baseKey: string
  suffix: 'er' | 'in'
  gender: 'm' | 'f'
  plural: string
}

/**
 * Agent nouns and their feminine forms the lexicon does not have: "Politiker" from Politik,
 * "Schmuggler" from schmuggeln, "Politikerin" from Politiker. The word keeps its own lemma.
 */
export function agentNoun(word: string, flags: Flags): Derivation | null {
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
  const key = word.toLowerCase()
  // feminine: -in, -innen (from an -er noun the lexicon has, or one derived here)
  for (const ending of ['innen', 'in']) {
    if (!key.endsWith(ending) || !key.slice(0, -ending.length).endsWith('er')) continue
    const masculine = key.slice(0, -ending.length)
    if (flags(masculine) & NOUN || agentNoun(masculine, flags)) {
      const lemma = cap(`${masculine}in`)
      return {
        lemma,
        base: cap(masculine),
        baseKey: masculine,
        suffix: 'in',
        gender: 'f',
        plural: `${lemma}nen`,
      }
    }
  }
  for (const ending of ['ern', 'ers', 'er']) {
    if (!key.endsWith(ending)) continue
    const stem = key.slice(0, -ending.length)
    if (stem.length < 3) continue
    const lemma = cap(`${stem}er`)
    const derived = (base: string, baseKey: string): Derivation => ({
      lemma,
      base,
      baseKey,
      suffix: 'er',
      gender: 'm',
      plural: lemma,
    })
    if (flags(stem) & NOUN_LEMMA) return derived(cap(stem), stem)
    // Wähler <- wählen, Schmuggler <- schmuggeln, Vermittler <- vermitteln
    for (const verb of [`${stem}en`, `${stem.replace(/l$/, '')}eln`, `${stem}n`])
      if (flags(verb) & VERB_LEMMA) return derived(verb, verb)
  }
  return null
}
