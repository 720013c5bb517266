/**
 * Separable verbs across a whole clause: "Die Gespräche finden inmitten wachsender Spannungen
 * … statt" is stattfinden, from either part. The particle closes the clause: it is followed by
 * the sentence's end, a comma, a conjunction or a comparison ("als", "wie"). Between verb and
 * particle the clause may run any length, over enumerations and embedded relative or
 * subordinate clauses (", die seit Wochen das Land lähmen,"), but not past a second finite
 * verb ("… und riefen …") or a subordinate clause that ends the sentence.
 */
import { COORDINATORS, SUBORDINATORS, segmentBreak, sentenceBreak, type Token } from './context'
import { PARTICLES } from './morphology'

export interface SeparablePair {
  verb: number
  particle: number
  /** The separable verb's infinitive key ("stattfinden"). */
  key: string
}

export interface SeparableLexicon {
  /** Infinitive keys a written verb form can stand for ("fanden" -> ["finden"]). */
  infinitives(token: Token): string[]
  /** Whether the key is a verb's infinitive ("stattfinden"). */
  isVerb(key: string): boolean
  /** Whether a lower-case word is a finite verb form (it starts a new clause after "und"). */
  isFiniteVerb(token: Token): boolean
  /** The infinitive of a verb that lists "verb particle" as a form ("kündigte an"), or null. */
  listed(verb: string, particle: string): string | null
}

/** Words after which a particle still closes its clause: "stieg stärker an als erwartet". */
const AFTER_PARTICLE = new Set([...COORDINATORS, 'als', 'wie'])

function closesClause(tokens: Token[], i: number): boolean {
  if (segmentBreak(tokens, i + 1)) return true
  return AFTER_PARTICLE.has(tokens[i + 1]!.key)
}

/**
 * Particles that are hardly ever free adverbs at a clause's end: after a verb they make a
 * separable verb even when the lexicon does not have it ("forderte … auf" is auffordern, not
 * fordern). "weiter", "mit", "wieder", "zuvor" … often stand alone ("wie nie zuvor").
 */
const STRICT = new Set(
  `ab an auf aus bei bekannt dar ein fest fort frei heraus herein herum herunter hervor hinaus
  hinein hinzu los nieder preis statt teil überein vor zurück zusammen`.split(/\s+/),
)

/** The particle that closes the clause of the verb at index v, or null. */
function particleFor(
  tokens: Token[],
  v: number,
  lexicon: SeparableLexicon,
  unverified?: { particle: number },
): SeparablePair | null {
  const infinitives = lexicon.infinitives(tokens[v]!)
  let resumed = false
  for (let k = v + 1; k < tokens.length; k++) {
    if (sentenceBreak(tokens, k)) return null
    if (segmentBreak(tokens, k) && !resumed) {
      // a finite verb right after a comma begins the next clause ("Wie berichtet, sieht der
      // Entwurf … vor": not berichten's particle)
      if (lexicon.isFiniteVerb(tokens[k]!)) return null
      // an embedded clause (", die seit Wochen das Land lähmen,") is skipped, and the main
      // clause goes on after it ("die Reform" is an article there); a subordinate clause
      // that runs to the sentence's end means the main clause ended before it
      if (SUBORDINATORS.has(tokens[k]!.key)) {
        let end = k + 1
        while (end < tokens.length && !segmentBreak(tokens, end)) end++
        if (end >= tokens.length || sentenceBreak(tokens, end)) return null
        k = end - 1
        resumed = true
        continue
      }
    }
    resumed = false
    const t = tokens[k]!
    // "… zum Parlament und riefen …": a second finite verb starts a clause of its own
    if (COORDINATORS.has(t.key) && tokens[k + 1] && lexicon.isFiniteVerb(tokens[k + 1]!))
      return null
    if (t.capital || !PARTICLES.has(t.key) || !closesClause(tokens, k)) continue
    const listed = lexicon.listed(tokens[v]!.key, t.key)
    if (listed) return { verb: v, particle: k, key: listed }
    for (const infinitive of infinitives) {
      const key = t.key + infinitive
      if (lexicon.isVerb(key)) return { verb: v, particle: k, key }
    }
    if (unverified && unverified.particle < 0 && STRICT.has(t.key)) unverified.particle = k
  }
  return null
}

/**
 * A particle that closes the clause of the verb at index v though the lexicon has no such
 * separable verb: the verb alone would be explained wrongly. Its index, or -1.
 */
export function unknownSeparable(tokens: Token[], v: number, lexicon: SeparableLexicon): number {
  const token = tokens[v]
  if (!token || (token.capital && !token.initial)) return -1
  const found = { particle: -1 }
  return particleFor(tokens, v, lexicon, found) ? -1 : found.particle
}

/**
 * The separable verb the word at index i belongs to: as the finite verb whose particle closes
 * the clause, or as that particle (the verb is found by reading forward from each candidate
 * before it, the earliest first: the finite verb stands early in a main clause).
 */
export function separableAt(
  tokens: Token[],
  i: number,
  lexicon: SeparableLexicon,
): SeparablePair | null {
  const token = tokens[i]
  if (!token) return null
  const asVerb = !token.capital || token.initial ? particleFor(tokens, i, lexicon) : null
  if (asVerb) return asVerb
  if (token.capital || !PARTICLES.has(token.key) || !closesClause(tokens, i)) return null
  let from = i
  while (!sentenceBreak(tokens, from)) from--
  for (let v = from; v < i; v++) {
    const t = tokens[v]!
    if (t.capital && !t.initial) continue // nouns and names, not verbs
    const pair = particleFor(tokens, v, lexicon)
    if (pair?.particle === i) return pair
  }
  return null
}
