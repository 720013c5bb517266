import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { WORD_STATUSES, type VocabWord, type WordStatus } from '../../../../shared/study'
import type { Gender } from '../../../../shared/types'
import { useApi } from '../../api/ApiContext'
import { formatPublished } from '../../components/format'

/** One saved word: headword, gloss, status, where it occurs, its sentences; edit and delete. */
export function VocabWordItem({
  word,
  onChanged,
  onOpenArticle,
}: {
  word: VocabWord
  onChanged: () => void
  onOpenArticle: (id: number, form: string) => void
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.resolvedLanguage ?? 'de'
  const api = useApi()
  const [editing, setEditing] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const run = async (work: () => Promise<unknown>) => {
    setError(null)
    try {
      await work()
      onChanged()
    } catch (err) {
      setError(t('errors.generic', { message: (err as Error).message }))
    }
  }

  const remove = () => {
    if (!window.confirm(t('study.vocabulary.confirmDelete', { lemma: word.lemma }))) return
    void run(() => api.call('vocab.delete', { id: word.id }))
  }

  const due = word.due
    ? new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(word.due))
    : null
  return (
    <li className={`vocab-item status-${word.status}`} data-testid="vocab-item">
      <div className="vocab-head">
        <p className="vocab-word" lang="de">
          {word.article && <span className="article-word">{word.article}</span>}{' '}
          <strong>{word.lemma}</strong>
          {word.plural && word.gender !== 'pl' && <span className="muted">, {word.plural}</span>}
        </p>
        {word.gloss && (
          <p className="vocab-gloss" lang="en">
            {word.gloss}
          </p>
        )}
        <div className="vocab-meta">
          <select
            value={word.status}
            aria-label={t('study.popover.status')}
            onChange={(e) =>
              void run(() =>
                api.call('vocab.status', { id: word.id, status: e.target.value as WordStatus }),
              )
            }
          >
            {WORD_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`study.status.${s}`)}
              </option>
            ))}
          </select>
          <span className="muted">
            {[
              word.frequency !== null &&
                t('study.vocabulary.inArticles', { count: word.frequency }),
              due && t('study.vocabulary.due', { date: due }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
          <span className="spacer" />
          <button type="button" className="link" onClick={() => setEditing((e) => !e)}>
            {t('study.vocabulary.edit')}
          </button>
          <button type="button" className="link danger" onClick={remove}>
            {t('study.vocabulary.delete')}
          </button>
        </div>
      </div>
      {editing && (
        <WordEditor
          word={word}
          onCancel={() => setEditing(false)}
          onSave={(patch) =>
            run(async () => {
              await api.call('vocab.update', { id: word.id, ...patch })
              setEditing(false)
            })
          }
        />
      )}
      {word.sentences.length > 0 && (
        <ul className="vocab-sentences">
          {word.sentences.map((s) => (
            <li key={s.id} lang="de">
              <span className="sentence">
                {s.text.slice(0, s.formStart)}
                <mark>{s.form}</mark>
                {s.text.slice(s.formStart + s.form.length)}
              </span>{' '}
              <span className="muted source" lang={lang}>
                {s.articleId ? (
                  <button
                    type="button"
                    className="link"
                    onClick={() => onOpenArticle(s.articleId!, s.form)}
                    title={t('study.vocabulary.open')}
                  >
                    {s.articleTitle}
                  </button>
                ) : (
                  s.articleTitle
                )}
                {[s.outlet, formatPublished(s.published, lang, 'short')]
                  .filter(Boolean)
                  .map((x) => ` · ${x}`)}
              </span>
              <button
                type="button"
                className="icon-button small"
                aria-label={t('study.vocabulary.deleteSentence')}
                title={t('study.vocabulary.deleteSentence')}
                onClick={() => void run(() => api.call('vocab.deleteSentence', { id: s.id }))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </li>
  )
}

function WordEditor({
  word,
  onCancel,
  onSave,
}: {
  word: VocabWord
  onCancel: () => void
  onSave: (patch: {
    lemma: string
    gender: Gender | null
    plural: string | null
    gloss: string | null
  }) => Promise<void>
}) {
  const { t } = useTranslation()
  const [lemma, setLemma] = useState(word.lemma)
  const [gender, setGender] = useState<string>(word.gender ?? '')
  const [plural, setPlural] = useState(word.plural ?? '')
  const [gloss, setGloss] = useState(word.gloss ?? '')
  return (
    <form
      className="vocab-editor"
      data-testid="vocab-editor"
      onSubmit={(e) => {
        e.preventDefault()
        if (!lemma.trim()) return
        void onSave({
          lemma: lemma.trim(),
          gender: (gender || null) as Gender | null,
          plural: plural.trim() || null,
          gloss: gloss.trim() || null,
        })
      }}
    >
      <label className="field">
        <span>{t('study.vocabulary.lemma')}</span>
        <input value={lemma} onChange={(e) => setLemma(e.target.value)} required lang="de" />
      </label>
      <label className="field">
        <span>{t('study.vocabulary.gender')}</span>
        <select value={gender} onChange={(e) => setGender(e.target.value)}>
          <option value="">{t('study.vocabulary.noGender')}</option>
          <option value="m">der</option>
          <option value="f">die</option>
          <option value="n">das</option>
          <option value="pl">die (Pl.)</option>
        </select>
      </label>
      <label className="field">
        <span>{t('study.vocabulary.plural')}</span>
        <input value={plural} onChange={(e) => setPlural(e.target.value)} lang="de" />
      </label>
      <label className="field grow">
        <span>{t('study.vocabulary.gloss')}</span>
        <input value={gloss} onChange={(e) => setGloss(e.target.value)} lang="en" />
      </label>
      <div className="vocab-editor-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('study.vocabulary.cancel')}
        </button>
        <button type="submit" className="button primary">
          {t('study.vocabulary.save')}
        </button>
      </div>
    </form>
  )
}
