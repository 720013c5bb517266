import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RATINGS, type Rating, type ReviewCounts, type StudyCard } from '../../../../shared/study'
import { useApi } from '../../api/ApiContext'

const KEYS: Record<string, Rating> = { '1': 'again', '2': 'hard', '3': 'good', '4': 'easy' }

/** Whether a key press belongs to a form field (then the review leaves it alone). */
function typing(target: EventTarget | null): boolean {
  return target instanceof Element && Boolean(target.closest('input, textarea, select'))
}

/**
 * The review, keyboard first: Space shows the answer, 1–4 answer (again, hard, good, easy),
 * U undoes the last answer. Cards come from the core, scheduled by FSRS.
 */
export function ReviewView() {
  const { t, i18n } = useTranslation()
  const lang = i18n.resolvedLanguage ?? 'de'
  const api = useApi()
  const [card, setCard] = useState<StudyCard | null>(null)
  const [counts, setCounts] = useState<ReviewCounts | null>(null)
  /** When the counts were read (for "in 9 minutes"). */
  const [countedAt, setCountedAt] = useState(0)
  const [loaded, setLoaded] = useState(false)
  const [shown, setShown] = useState(false)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const [newPerDay, setNewPerDay] = useState<number | null>(null)
  const [saved, setSaved] = useState<number | null>(null)
  const shownAt = useRef(0)
  /** The card an answer was given to and not yet replaced: a second key press is not a second answer. */
  const answered = useRef<number | null>(null)

  const load = useCallback(async () => {
    const next = await api.call('review.next', {})
    answered.current = null
    setCard(next.card)
    setCounts(next.counts)
    setCountedAt(Date.now())
    setShown(false)
    setLoaded(true)
    shownAt.current = performance.now()
  }, [api])

  useEffect(() => {
    let live = true
    api.call('review.next', {}).then(
      (next) => {
        if (!live) return
        setCard(next.card)
        setCounts(next.counts)
        setCountedAt(Date.now())
        setLoaded(true)
        shownAt.current = performance.now()
      },
      (err: Error) => live && setNotice(t('errors.generic', { message: err.message })),
    )
    api.call('study.settings', {}).then(
      (s) => setNewPerDay(s.newPerDay),
      () => undefined,
    )
    api.call('vocab.list', { status: 'saved', limit: 1 }).then(
      (r) => setSaved(r.total),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [api, t])

  const show = useCallback(() => setShown(true), [])

  // one answer or undo at a time, in the order the keys were pressed
  const running = useRef<Promise<void>>(Promise.resolve())
  const serial = useCallback(
    (work: () => Promise<void>) => {
      setBusy(true)
      running.current = running.current
        .then(work)
        .catch((err: Error) => setNotice(t('errors.generic', { message: err.message })))
        .finally(() => setBusy(false))
      return running.current
    },
    [t],
  )

  const answer = useCallback(
    (rating: Rating) => {
      // not `busy`: a key pressed while the last answer is still being saved is queued (serial),
      // never dropped; the same card is not answered twice
      if (!card || !shown || answered.current === card.id) return
      const id = card.id
      answered.current = id
      setNotice(null)
      void serial(async () => {
        await api.call('review.answer', {
          card: id,
          rating,
          durationMs: Math.round(performance.now() - shownAt.current),
        })
        await load()
      })
    },
    [api, card, shown, load, serial],
  )

  const undo = useCallback(
    () =>
      void serial(async () => {
        const r = await api.call('review.undo', {})
        await load()
        setNotice(t('study.review.undone', { lemma: r.lemma }))
      }),
    [api, load, serial, t],
  )

  // the keys act on what is on screen: the handler is renewed in the same commit as the DOM
  // (a layout effect), so a key pressed right after the answer appears is not lost
  const onKey = useRef<(e: KeyboardEvent) => void>(() => {})
  useLayoutEffect(() => {
    onKey.current = (e) => {
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return
      if (e.key === ' ' && card && !shown) {
        e.preventDefault()
        show()
      } else if (KEYS[e.key] && shown) {
        e.preventDefault()
        answer(KEYS[e.key]!)
      } else if (e.key.toLowerCase() === 'u') {
        e.preventDefault()
        undo()
      }
    }
  }, [card, shown, show, answer, undo])
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey.current(e)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  const changeLimit = async (value: number) => {
    if (!Number.isInteger(value) || value < 0) return
    const s = await api.call('study.settings', { newPerDay: value })
    setNewPerDay(s.newPerDay)
    await load()
  }

  /** "in 9 Minuten", "in 3 Stunden", or the date. */
  const time = (iso: string) => {
    const minutes = Math.max(1, Math.round((new Date(iso).getTime() - countedAt) / 60_000))
    const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' })
    if (minutes < 60) return relative.format(minutes, 'minute')
    if (minutes < 24 * 60) return relative.format(Math.round(minutes / 60), 'hour')
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    )
  }

  return (
    <section className="review" aria-labelledby="review-heading" data-testid="review">
      <div className="view-bar">
        <h1 id="review-heading">{t('study.review.heading')}</h1>
        {counts && (
          <p className="muted review-counts" data-testid="review-counts">
            {t('study.review.counts', {
              due: counts.due,
              fresh: counts.fresh,
              done: counts.doneToday,
            })}
          </p>
        )}
      </div>
      {card ? (
        <div className="review-card" data-testid="review-card" data-kind={card.kind}>
          <p className="review-kind">{t(`study.review.kind.${card.kind}`)}</p>
          <CardFace card={card} shown={shown} />
          <div className="review-actions">
            {!shown ? (
              <button type="button" className="button primary" onClick={show}>
                {t('study.review.show')} <kbd>{t('study.review.spaceKey')}</kbd>
              </button>
            ) : (
              RATINGS.map((r, i) => (
                <button
                  key={r}
                  type="button"
                  className={`button rating ${r}`}
                  onClick={() => answer(r)}
                  disabled={busy}
                  data-testid={`rate-${r}`}
                >
                  {t(`study.review.${r}`)} <kbd>{i + 1}</kbd>
                </button>
              ))
            )}
          </div>
        </div>
      ) : (
        loaded && (
          <div className="review-done" data-testid="review-done">
            <p>{saved === 0 ? t('study.review.nothing') : t('study.review.done')}</p>
            {counts?.nextDue && (
              <p className="muted">{t('study.review.nextAt', { time: time(counts.nextDue) })}</p>
            )}
          </div>
        )
      )}
      <p className="review-notice" role="status">
        {notice}
      </p>
      <div className="review-foot">
        <button type="button" className="button ghost" onClick={undo}>
          {t('study.review.undo')} <kbd>U</kbd>
        </button>
        <span className="muted">{t('study.review.keys')}</span>
        {newPerDay !== null && (
          <label className="control inline">
            <span>{t('study.review.newLimit')}</span>
            <input
              type="number"
              min={0}
              max={999}
              value={newPerDay}
              onChange={(e) => setNewPerDay(Number(e.target.value))}
              onBlur={(e) => void changeLimit(Number(e.target.value))}
            />
          </label>
        )}
      </div>
    </section>
  )
}

/** The question, and after Space the answer. */
function CardFace({ card, shown }: { card: StudyCard; shown: boolean }) {
  const { t } = useTranslation()
  if (card.kind === 'cloze' && card.cloze) {
    return (
      <div className="card-face">
        <p className="review-ask">{t('study.review.clozeAsk')}</p>
        <p className="review-sentence" lang="de">
          {card.cloze.before}
          <span className={shown ? 'gap filled' : 'gap'} data-testid="cloze-gap">
            {shown ? card.cloze.answer : '…'}
          </span>
          {card.cloze.after}
        </p>
        {card.hint && (
          <p className="review-hint" lang="en">
            {t('study.review.hint', { hint: card.hint })}
          </p>
        )}
        {shown && (
          <p className="review-answer" lang="de" data-testid="review-answer">
            {card.back.split('\n').pop()}
            {card.source?.title && (
              <span className="muted">
                {' '}
                · {t('study.review.from', { title: card.source.title })}
                {card.source.outlet ? ` (${card.source.outlet})` : ''}
              </span>
            )}
          </p>
        )}
      </div>
    )
  }
  if (card.kind === 'gender' && card.noun) {
    return (
      <div className="card-face">
        <p className="review-ask">{t('study.review.genderAsk')}</p>
        <p className="review-word" lang="de">
          <span className="gap">{shown ? card.noun.article : '___'}</span> {card.noun.lemma}
        </p>
        {shown && (
          <p className="review-answer" lang="de" data-testid="review-answer">
            {card.back}
            {card.hint && (
              <span className="muted" lang="en">
                {' '}
                · {card.hint}
              </span>
            )}
          </p>
        )}
      </div>
    )
  }
  return (
    <div className="card-face">
      <p className="review-ask">{t('study.review.recognitionAsk')}</p>
      <p className="review-word" lang="de">
        {card.front}
      </p>
      {shown && (
        <p className="review-answer" lang="en" data-testid="review-answer">
          {card.back}
        </p>
      )}
    </div>
  )
}
