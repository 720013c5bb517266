import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GlossaryEntryInput, LexiconEntry, WordInfo } from '../../../../shared/types'
import { useApi } from '../../api/ApiContext'
import { Modal } from '../../components/Modal'
import { forgetLookups } from './lookupCache'

const POS = ['noun', 'verb', 'adj', 'adv', 'phrase', 'abbr', 'other'] as const
const GENDERS = ['m', 'f', 'n', 'pl'] as const

/** What the editor starts from: an own entry to edit, or a word to add as an own term. */
export interface TermDraft {
  /** The own entry being edited; absent for a new term. */
  id?: number
  /** Any part of speech: one the editor does not offer becomes "other". */
  entry: Partial<Omit<GlossaryEntryInput, 'pos'>> & { lemma: string; pos?: string | null }
}

/** A word from a popover as the editor's draft: its own entry to edit, or a new own term. */
export function draftFromWord(info: WordInfo): TermDraft {
  return {
    id: info.source === 'user' && info.entryId ? info.entryId : undefined,
    entry: {
      lemma: info.lemma ?? info.query,
      pos: info.pos ?? (/^\p{Lu}/u.test(info.query) ? 'noun' : 'other'),
      gender: info.gender,
      plural: info.plural,
      gloss: info.source === 'compound' ? '' : (info.gloss ?? ''),
      explanation: info.explanation,
      domain: info.domain,
    },
  }
}

function asInputPos(pos: string | null | undefined): GlossaryEntryInput['pos'] {
  return (POS as readonly string[]).includes(pos ?? '')
    ? (pos as GlossaryEntryInput['pos'])
    : 'other'
}

/** Adds or edits an own term: headword, part of speech, article, plural, meaning, forms. */
export function TermEditor({
  draft,
  onClose,
  onSaved,
}: {
  draft: TermDraft
  onClose: () => void
  onSaved: (entry: LexiconEntry) => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [lemma, setLemma] = useState(draft.entry.lemma)
  const [pos, setPos] = useState(asInputPos(draft.entry.pos ?? 'noun'))
  const [gender, setGender] = useState<string>(draft.entry.gender ?? '')
  const [plural, setPlural] = useState(draft.entry.plural ?? '')
  const [gloss, setGloss] = useState(draft.entry.gloss ?? '')
  const [explanation, setExplanation] = useState(draft.entry.explanation ?? '')
  const [domain, setDomain] = useState(draft.entry.domain ?? '')
  const [forms, setForms] = useState((draft.entry.forms ?? []).join(', '))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!lemma.trim() || !gloss.trim()) {
      setError(t('glossary.editor.required'))
      return
    }
    setBusy(true)
    try {
      const saved = await api.call('lexicon.save', {
        ...(draft.id ? { id: draft.id } : {}),
        entry: {
          lemma: lemma.trim(),
          pos,
          gender: pos === 'noun' && gender ? (gender as (typeof GENDERS)[number]) : null,
          plural: pos === 'noun' && plural.trim() ? plural.trim() : null,
          gloss: gloss.trim(),
          explanation: explanation.trim() || null,
          domain: domain.trim() || null,
          forms: forms
            .split(',')
            .map((f) => f.trim())
            .filter(Boolean)
            .slice(0, 50),
        },
      })
      forgetLookups()
      onSaved(saved)
    } catch (err) {
      setError(t('errors.generic', { message: (err as Error).message }))
      setBusy(false)
    }
  }

  return (
    <Modal
      title={draft.id ? t('glossary.editor.titleEdit') : t('glossary.editor.titleNew')}
      onClose={onClose}
    >
      <form onSubmit={submit} className="term-form" data-testid="term-editor">
        <label className="field">
          <span>{t('glossary.editor.lemma')}</span>
          <input
            value={lemma}
            onChange={(e) => setLemma(e.target.value)}
            maxLength={200}
            lang="de"
          />
        </label>
        <div className="field-row">
          <label className="field">
            <span>{t('glossary.editor.pos')}</span>
            <select value={pos} onChange={(e) => setPos(asInputPos(e.target.value))}>
              {POS.map((p) => (
                <option key={p} value={p}>
                  {t(`glossary.pos.${p}`)}
                </option>
              ))}
            </select>
          </label>
          {pos === 'noun' && (
            <>
              <label className="field">
                <span>{t('glossary.editor.gender')}</span>
                <select value={gender} onChange={(e) => setGender(e.target.value)}>
                  <option value="">{t('glossary.editor.genderNone')}</option>
                  {GENDERS.map((g) => (
                    <option key={g} value={g}>
                      {t(`glossary.editor.genders.${g}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>{t('glossary.editor.plural')}</span>
                <input
                  value={plural}
                  onChange={(e) => setPlural(e.target.value)}
                  maxLength={200}
                  lang="de"
                />
              </label>
            </>
          )}
        </div>
        <label className="field">
          <span>{t('glossary.editor.gloss')}</span>
          <input
            value={gloss}
            onChange={(e) => setGloss(e.target.value)}
            maxLength={500}
            lang="en"
          />
        </label>
        <label className="field">
          <span>{t('glossary.editor.explanation')}</span>
          <textarea
            value={explanation}
            onChange={(e) => setExplanation(e.target.value)}
            maxLength={1000}
            rows={2}
            lang="de"
          />
        </label>
        <div className="field-row">
          <label className="field">
            <span>{t('glossary.editor.domain')}</span>
            <input value={domain} onChange={(e) => setDomain(e.target.value)} maxLength={50} />
          </label>
          <label className="field grow">
            <span>{t('glossary.editor.forms')}</span>
            <input
              value={forms}
              onChange={(e) => setForms(e.target.value)}
              placeholder={t('glossary.editor.formsHint')}
              lang="de"
            />
          </label>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('actions.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {t('glossary.editor.save')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
