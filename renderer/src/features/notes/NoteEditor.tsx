/**
 * A note in Markdown that saves itself: a short pause in typing saves it, and so do leaving
 * the field, hiding the window, closing or reloading the page. Every keystroke is kept as a
 * local draft first, so text typed just before the app was killed is saved on the next start.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Note, NoteTarget } from '../../../../shared/contract/notes'
import { useApi } from '../../api/ApiContext'
import { dropDraft, getDraft, putDraft } from './drafts'
import { Markdown } from './Markdown'

const SAVE_AFTER_MS = 700

type Status = 'saved' | 'dirty' | 'saving' | 'error'

export function NoteEditor({
  guid,
  target,
  body,
  autoFocus = false,
  label,
  onSaved,
}: {
  guid: string
  target: NoteTarget
  /** The text the library has. */
  body: string
  autoFocus?: boolean
  label?: string
  onSaved?: (note: Note | null) => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  // a draft left from before (the page closed before the save landed) wins
  const [text, setText] = useState(() => getDraft(guid)?.body ?? body)
  const [editing, setEditing] = useState(autoFocus || !text.trim())
  const [status, setStatus] = useState<Status>(() =>
    (getDraft(guid)?.body ?? body) === body ? 'saved' : 'dirty',
  )
  const [error, setError] = useState<string | null>(null)
  // "saved" is said only after a save in this session, not for every note ever written
  const [savedHere, setSavedHere] = useState(false)
  const latest = useRef(text)
  const saved = useRef(body)
  const busy = useRef(false)
  const timer = useRef<number | undefined>(undefined)
  const onSavedRef = useRef(onSaved)
  const targetRef = useRef(target)
  useEffect(() => {
    onSavedRef.current = onSaved
    targetRef.current = target
  })

  const again = useRef<() => void>(() => {})
  const flush = useCallback(async () => {
    window.clearTimeout(timer.current)
    if (busy.current || latest.current === saved.current) return
    busy.current = true
    const sending = latest.current
    setStatus('saving')
    let failed = false
    try {
      const r = await api.call('note.save', { guid, target: targetRef.current, body: sending })
      saved.current = sending
      dropDraft(guid, sending)
      setError(null)
      setSavedHere(true)
      onSavedRef.current?.(r.note)
    } catch (err) {
      // the draft stays; the next keystroke, leaving the field or the next start tries again
      failed = true
      setError((err as Error).message)
      setStatus('error')
    } finally {
      busy.current = false
    }
    if (failed) return
    if (latest.current !== saved.current)
      timer.current = window.setTimeout(() => again.current(), SAVE_AFTER_MS)
    else setStatus('saved')
  }, [api, guid])
  useEffect(() => {
    again.current = () => void flush()
  }, [flush])

  // a draft found at mount is saved at once
  useEffect(() => {
    if (latest.current !== saved.current) void flush()
  }, [flush])

  // the library's text changed elsewhere (another window, an import) and nothing is typed here
  useEffect(() => {
    if (latest.current === saved.current && body !== saved.current) {
      saved.current = body
      latest.current = body
      setText(body)
    }
  }, [body])

  // leaving: hidden window, closed or reloaded page, the editor unmounted
  useEffect(() => {
    const now = () => void flush()
    const onVisibility = () => document.visibilityState === 'hidden' && now()
    window.addEventListener('pagehide', now)
    window.addEventListener('beforeunload', now)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      window.removeEventListener('pagehide', now)
      window.removeEventListener('beforeunload', now)
      document.removeEventListener('visibilitychange', onVisibility)
      now()
    }
  }, [flush])

  const change = (value: string) => {
    setText(value)
    latest.current = value
    putDraft({ guid, target, body: value, at: Date.now() })
    setStatus('dirty')
    window.clearTimeout(timer.current)
    timer.current = window.setTimeout(() => void flush(), SAVE_AFTER_MS)
  }

  const statusText =
    status === 'saving'
      ? t('notes.saving')
      : status === 'dirty'
        ? t('notes.unsaved')
        : status === 'error'
          ? t('notes.saveFailed', { message: error ?? '' })
          : savedHere && text.trim()
            ? t('notes.saved')
            : ''

  return (
    <div className="note-editor" data-testid="note-editor">
      {editing ? (
        <textarea
          className="note-text"
          value={text}
          placeholder={t('notes.notePlaceholder')}
          aria-label={label ?? t('notes.notePlaceholder')}
          autoFocus={autoFocus}
          rows={Math.min(12, Math.max(3, text.split('\n').length + 1))}
          onChange={(e) => change(e.target.value)}
          onBlur={() => {
            void flush()
            if (text.trim()) setEditing(false)
          }}
          lang="de"
        />
      ) : (
        <div
          className="note-view"
          role="button"
          tabIndex={0}
          title={t('notes.edit')}
          onClick={(e) => {
            if (!(e.target as Element).closest('a')) setEditing(true)
          }}
          onKeyDown={(e) => e.key === 'Enter' && setEditing(true)}
        >
          <Markdown body={text} />
        </div>
      )}
      <div className="note-status" aria-live="polite">
        <span className={status === 'error' ? 'error' : 'muted'}>{statusText}</span>
        {!editing && (
          <button type="button" className="link" onClick={() => setEditing(true)}>
            {t('notes.edit')}
          </button>
        )}
      </div>
    </div>
  )
}
