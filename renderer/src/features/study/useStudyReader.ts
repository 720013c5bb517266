import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { studyKey } from '../../../../shared/lemmas'
import type { ArticleWords, WordStatus } from '../../../../shared/study'
import type { WordContext } from '../../../../shared/types'
import { useApi, useApiEvent } from '../../api/ApiContext'
import { tintFor, type TintMode } from './tint'
import { useReadingTime } from './useReadingTime'

const TINT_KEY = 'lesesaal.tint'

function loadTint(): TintMode {
  const v = localStorage.getItem(TINT_KEY)
  return v === 'learning' || v === 'all' ? v : 'off'
}

/** The key a lemma is studied under, as the core counts it ("etw. sagen" is sagen). */
export const lemmaKey = studyKey

/** What the reader knows of a word span: the word and the text around it. */
export function spanContext(span: HTMLElement): { word: string; context?: WordContext } {
  const word = span.dataset.word ?? span.textContent ?? ''
  const block = span.closest('p, h1, h2, li')
  const start = Number(span.dataset.start)
  if (!block || !Number.isInteger(start)) return { word }
  const text = (block.textContent ?? '').replace(/\u00ad/g, '')
  const from = Math.max(0, start - 600)
  return { word, context: { text: text.slice(from, start + 600), offset: start - from } }
}

export type StudyReader = ReturnType<typeof useStudyReader>

/**
 * The study side of the reader: the article's words with their statuses (one call per
 * article; tints are looked up per word), the tint setting (off by default), saving the word
 * the popover shows or the focused word with the S key, "all new words known", reading time.
 */
export function useStudyReader(
  articleId: number,
  page: RefObject<HTMLElement | null>,
  popoverWord: { word: string; context?: WordContext } | null,
) {
  const { t } = useTranslation()
  const api = useApi()
  const [words, setWords] = useState<ArticleWords | null>(null)
  const [mode, setModeState] = useState<TintMode>(loadTint)
  const [version, setVersion] = useState(0)
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null)
  useReadingTime(articleId)

  useEffect(() => {
    let live = true
    api.call('study.articleWords', { id: articleId }).then(
      (w) => live && setWords(w),
      () => live && setWords(null),
    )
    return () => {
      live = false
    }
  }, [api, articleId, version])

  useApiEvent(
    'study.changed',
    useCallback(({ reason }) => {
      if (reason !== 'difficulty') setVersion((v) => v + 1)
    }, []),
  )

  const setMode = useCallback((next: TintMode) => {
    localStorage.setItem(TINT_KEY, next)
    setModeState(next)
  }, [])

  const wordClass = useMemo(() => tintFor(words, mode), [words, mode])

  const statusOf = useCallback(
    (lemma: string): WordStatus => {
      const key = lemmaKey(lemma)
      return words?.lemmas.find((l) => l.key === key)?.status ?? 'new'
    },
    [words],
  )

  const fail = useCallback(
    (err: unknown) =>
      setNotice({
        text: t('errors.generic', { message: err instanceof Error ? err.message : String(err) }),
        error: true,
      }),
    [t],
  )

  const save = useCallback(
    async (word: string, context?: WordContext) => {
      try {
        const saved = await api.call('vocab.save', { word, articleId, context })
        setNotice({ text: t('study.reader.saved', { lemma: saved.lemma }) })
        return saved
      } catch (err) {
        fail(err)
        return null
      }
    },
    [api, articleId, t, fail],
  )

  const setStatus = useCallback(
    async (lemma: string, status: WordStatus) => {
      try {
        await api.call('vocab.status', { lemma, status })
      } catch (err) {
        fail(err)
      }
    },
    [api, fail],
  )

  const markKnown = useCallback(async () => {
    if (!words?.newLemmas) return
    if (!window.confirm(t('study.reader.confirmMarkKnown', { count: words.newLemmas }))) return
    try {
      const { marked } = await api.call('study.markKnown', { id: articleId })
      setNotice({ text: t('study.reader.marked', { count: marked }) })
    } catch (err) {
      fail(err)
    }
  }, [api, articleId, words, t, fail])

  // S saves the word the popover shows, or the word that has the keyboard focus
  const popoverRef = useRef(popoverWord)
  useEffect(() => {
    popoverRef.current = popoverWord
  }, [popoverWord])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 's' || e.ctrlKey || e.metaKey || e.altKey) return
      const el = e.target as HTMLElement | null
      if (el?.closest?.('input, textarea, select, [contenteditable="true"]')) return
      const span =
        document.activeElement instanceof HTMLElement
          ? document.activeElement.closest<HTMLElement>('.w')
          : null
      const chosen =
        popoverRef.current ?? (span && page.current?.contains(span) ? spanContext(span) : null)
      if (!chosen) return
      e.preventDefault()
      void save(chosen.word, chosen.context)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [page, save])

  useEffect(() => {
    if (!notice || notice.error) return
    const timer = setTimeout(() => setNotice(null), 4000)
    return () => clearTimeout(timer)
  }, [notice])

  return { words, mode, setMode, wordClass, statusOf, save, setStatus, markKnown, notice }
}
