/**
 * Local drafts of notes being typed: every keystroke is kept in localStorage until the
 * library has the text, so a window closed or a process killed before the save landed
 * loses nothing. Drafts are saved again (by their GUID: never twice) on the next start.
 */
import type { NoteTarget } from '../../../../shared/contract/notes'
import type { Client } from '../../api/client'

const PREFIX = 'lesesaal.noteDraft.'

export interface Draft {
  guid: string
  target: NoteTarget
  body: string
  /** When it was typed (ms). */
  at: number
}

export function putDraft(d: Draft): void {
  try {
    localStorage.setItem(PREFIX + d.guid, JSON.stringify(d))
  } catch {
    // storage full or off: the debounced save still runs
  }
}

export function getDraft(guid: string): Draft | null {
  try {
    const raw = localStorage.getItem(PREFIX + guid)
    return raw ? (JSON.parse(raw) as Draft) : null
  } catch {
    return null
  }
}

/** Drops the draft once the library holds exactly this text. */
export function dropDraft(guid: string, body: string): void {
  if (getDraft(guid)?.body === body) localStorage.removeItem(PREFIX + guid)
}

export function allDrafts(): Draft[] {
  const out: Draft[] = []
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i)
    if (!key?.startsWith(PREFIX)) continue
    const d = getDraft(key.slice(PREFIX.length))
    if (d) out.push(d)
  }
  return out
}

/**
 * Saves every draft left from an earlier session. A draft whose target is gone (a deleted
 * highlight) stays in storage: it is the user's text.
 */
export async function restoreDrafts(api: Client): Promise<number> {
  let saved = 0
  for (const d of allDrafts()) {
    try {
      await api.call('note.save', { guid: d.guid, target: d.target, body: d.body })
      dropDraft(d.guid, d.body)
      saved++
    } catch {
      // keep it for the next start
    }
  }
  return saved
}
