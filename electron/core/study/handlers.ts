/** The study methods of the handler table: saved words, statuses, review, difficulty, stats. */
import { UserError } from '../../../shared/result'
import type { StudySettings, VocabWord } from '../../../shared/study'
import type { CoreContext } from '../context'
import type { HandlersOf } from '../handlers'
import { getSetting, setSetting } from '../library/articles'
import type { Lexicon } from '../lexicon/lookup'
import { studyKey } from '../../../shared/lemmas'
import { exportAnki } from './anki'
import { levelAfterReview, nextCardRow, renderCard, reviewCounts, syncCards } from './cards'
import { articleTexts } from './difficulty'
import { answerCard, undoLastAnswer } from './fsrs'
import { locateFromContext, locateInArticle } from './locate'
import { StudyRoom } from './room'
import { localDay, studyStats } from './stats'
import {
  addSentence,
  listWords,
  readWord,
  saveWord,
  setStatusById,
  setStatusByKey,
  statusCode,
  toVocabWord,
  type SentenceInput,
  type WordFacts,
} from './words'

type StudyMethods =
  | 'vocab.save'
  | 'vocab.list'
  | 'vocab.get'
  | 'vocab.update'
  | 'vocab.delete'
  | 'vocab.deleteSentence'
  | 'vocab.status'
  | 'vocab.export'
  | 'study.articleWords'
  | 'study.markKnown'
  | 'study.difficulty'
  | 'study.reading'
  | 'study.stats'
  | 'study.settings'
  | 'review.next'
  | 'review.answer'
  | 'review.undo'
  | 'review.counts'

const DEFAULTS: StudySettings = { newPerDay: 20, levelShare: 0.05 }

/** The lexicon the study room reads lemmas from (the lexicon room's public side). */
export interface StudyLexicon {
  lexicon: Lexicon
  ready: () => Promise<void>
}

export function studyHandlers(
  ctx: CoreContext,
  lex: StudyLexicon,
): { handlers: HandlersOf<StudyMethods>; room: StudyRoom } {
  const { db, emit } = ctx
  const room = new StudyRoom(db, lex.lexicon, lex.ready, emit)
  const at = (now?: string) => (now ? new Date(now) : new Date())

  const settings = (): StudySettings => ({
    newPerDay: Number(getSetting(db, 'study.newPerDay') ?? DEFAULTS.newPerDay),
    levelShare: Number(getSetting(db, 'study.levelShare') ?? DEFAULTS.levelShare),
  })

  const word = (id: number): VocabWord => {
    const row = readWord(db, id)
    if (!row) throw new UserError('not_found', `There is no saved word ${id}.`)
    return toVocabWord(db, row)
  }

  const texts = (id: number): string[] => {
    const t = articleTexts(db, id)
    if (!t) throw new UserError('not_found', `There is no article ${id} in the library.`)
    return t
  }

  /** After a change of statuses: tints, the navigation, and the shares in the background. */
  const changed = (reason: 'save' | 'status' | 'review' | 'delete', statuses = true) => {
    emit('study.changed', { reason })
    if (statuses) room.schedule()
  }

  const handlers: HandlersOf<StudyMethods> = {
    'vocab.save': async ({ word: written, articleId, sentence, context }) => {
      await room.ready()
      const now = new Date()
      const article = articleId === undefined ? null : texts(articleId)
      let place: SentenceInput | null = null
      if (context) place = locateFromContext(article, articleId ?? null, written, context)
      const info = await lex.lexicon.lookup(
        written,
        false,
        context ?? (place ? { text: place.text, offset: place.formStart } : undefined),
      )
      if (!place && article && articleId !== undefined) {
        place = locateInArticle(
          lex.lexicon,
          article,
          articleId,
          written,
          info.lemma ? studyKey(info.lemma) : null,
          sentence,
        )
      }
      const facts: WordFacts =
        info.found && info.lemma
          ? {
              key: studyKey(info.lemma),
              lemma: info.lemma,
              pos: info.pos ?? '',
              gender: info.gender,
              plural: info.plural,
              gloss: info.gloss,
            }
          : {
              key: studyKey(written),
              lemma: written,
              pos: '',
              gender: null,
              plural: null,
              gloss: null,
            }
      const id = db.transaction(() => {
        const id = saveWord(db, facts, now)
        if (place) addSentence(db, id, place, now)
        syncCards(db, id, now)
        room.statusesChanged()
        return id
      })()
      changed('save')
      return word(id)
    },
    'vocab.list': async (input) => {
      room.check()
      const { rows, total } = listWords(db, input)
      return { words: rows.map((r) => toVocabWord(db, r)), total }
    },
    'vocab.get': async ({ id }) => {
      room.check()
      return word(id)
    },
    'vocab.update': async ({ id, lemma, gender, plural, gloss, status }) => {
      room.check()
      const row = readWord(db, id)
      if (!row) throw new UserError('not_found', `There is no saved word ${id}.`)
      const now = new Date()
      const key = lemma === undefined ? row.key : studyKey(lemma)
      const nextGender = gender === undefined ? row.gender : (gender ?? '')
      const clash = db
        .prepare('SELECT id FROM study_words WHERE key = ? AND pos = ? AND gender = ? AND id <> ?')
        .get(key, row.pos, nextGender, id)
      if (clash)
        throw new UserError('invalid_input', `"${lemma ?? row.lemma}" is already a saved word.`)
      db.transaction(() => {
        db.prepare(
          `UPDATE study_words SET key = ?, lemma = ?, gender = ?, plural = ?, gloss = ?, updated_at = ? WHERE id = ?`,
        ).run(
          key,
          lemma ?? row.lemma,
          nextGender,
          plural === undefined ? row.plural : plural || null,
          gloss === undefined ? row.gloss : gloss || null,
          now.toISOString(),
          id,
        )
        if (status !== undefined) setStatusById(db, id, statusCode(status), now)
        syncCards(db, id, now)
        room.statusesChanged()
      })()
      changed('save')
      return word(id)
    },
    'vocab.delete': async ({ id }) => {
      room.check()
      const deleted = db.transaction(() => {
        const gone = db.prepare('DELETE FROM study_words WHERE id = ?').run(id).changes > 0
        if (gone) room.statusesChanged()
        return gone
      })()
      if (deleted) changed('delete')
      return { deleted }
    },
    'vocab.deleteSentence': async ({ id }) => {
      room.check()
      const wordId = db
        .prepare('SELECT word_id FROM study_sentences WHERE id = ?')
        .pluck()
        .get(id) as number | undefined
      if (wordId === undefined) return { deleted: false }
      db.transaction(() => {
        db.prepare('DELETE FROM study_sentences WHERE id = ?').run(id)
        syncCards(db, wordId, new Date())
      })()
      changed('save', false)
      return { deleted: true }
    },
    'vocab.status': async ({ lemma, id, status }) => {
      await room.ready()
      const now = new Date()
      const code = statusCode(status)
      if (id !== undefined) {
        const row = readWord(db, id)
        if (!row) throw new UserError('not_found', `There is no saved word ${id}.`)
        const n = db.transaction(() => {
          const ok = setStatusById(db, id, code, now)
          if (ok) room.statusesChanged()
          return ok ? 1 : 0
        })()
        changed('status')
        return { lemma: row.lemma, status, words: n }
      }
      if (!lemma) throw new UserError('invalid_input', 'Give the lemma or the id of a saved word.')
      // the lemma as typed, or (a form typed) the lemma the lexicon gives for it
      let key = studyKey(lemma)
      let text = lemma
      const known = db
        .prepare('SELECT lemma FROM study_words WHERE key = ? LIMIT 1')
        .pluck()
        .get(key) as string | undefined
      if (known) text = known
      else {
        const info = await lex.lexicon.lookup(lemma, false)
        if (info.found && info.lemma) {
          key = studyKey(info.lemma)
          text = info.lemma
        }
      }
      const n = db.transaction(() => {
        const changes = setStatusByKey(db, key, text, code, now)
        if (changes) room.statusesChanged()
        return changes
      })()
      changed('status')
      return { lemma: text, status, words: n }
    },
    'vocab.export': async ({ deck, basicType, clozeType }) => {
      room.check()
      return exportAnki(db, { deck, basic: basicType, cloze: clozeType })
    },
    'study.articleWords': async ({ id }) => {
      await room.ready()
      return room.articleWords(id, room.analysis(id, texts(id))!)
    },
    'study.markKnown': async ({ id }) => {
      await room.ready()
      const marked = room.markKnown(room.analysis(id, texts(id))!, new Date())
      if (marked) changed('status')
      return { marked }
    },
    'study.difficulty': async ({ wait }) => {
      room.check()
      return room.difficulty(wait)
    },
    'study.reading': async ({ id, seconds }) => {
      if (!db.prepare('SELECT 1 FROM articles WHERE id = ?').get(id))
        throw new UserError('not_found', `There is no article ${id} in the library.`)
      const day = localDay(Date.now())
      db.prepare(
        `INSERT INTO study_reading (article_id, day, seconds) VALUES (?, ?, ?)
         ON CONFLICT (article_id, day) DO UPDATE SET seconds = seconds + excluded.seconds`,
      ).run(id, day, seconds)
      return {
        seconds: db
          .prepare('SELECT seconds FROM study_reading WHERE article_id = ? AND day = ?')
          .pluck()
          .get(id, day) as number,
      }
    },
    'study.stats': async ({ days, now }) => {
      room.check()
      return studyStats(db, at(now), days)
    },
    'study.settings': async ({ newPerDay, levelShare }) => {
      if (newPerDay !== undefined) setSetting(db, 'study.newPerDay', String(newPerDay))
      if (levelShare !== undefined) setSetting(db, 'study.levelShare', String(levelShare))
      return settings()
    },
    'review.next': async ({ now }) => {
      room.check()
      const t = at(now)
      const { newPerDay } = settings()
      const row = nextCardRow(db, t, newPerDay)
      return { card: row ? renderCard(db, row) : null, counts: reviewCounts(db, t, newPerDay) }
    },
    'review.answer': async ({ card, rating, now, durationMs }) => {
      room.check()
      const t = at(now)
      const result = answerCard(db, card, rating, t, durationMs ?? null)
      const wordId = db
        .prepare('SELECT word_id FROM study_cards WHERE id = ?')
        .pluck()
        .get(card) as number
      const moved = db.transaction(() => {
        const m = levelAfterReview(db, wordId, t)
        if (m) room.statusesChanged()
        return m
      })()
      changed('review', moved)
      return result
    },
    'review.undo': async () => {
      room.check()
      const { cardId, wordId } = undoLastAnswer(db)
      const moved = db.transaction(() => {
        const m = levelAfterReview(db, wordId, new Date())
        if (m) room.statusesChanged()
        return m
      })()
      changed('review', moved)
      return { card: cardId, lemma: readWord(db, wordId)?.lemma ?? '' }
    },
    'review.counts': async ({ now }) => {
      room.check()
      return reviewCounts(db, at(now), settings().newPerDay)
    },
  }
  return { handlers, room }
}
