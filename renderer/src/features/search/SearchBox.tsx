import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearch } from './SearchContext'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** The search field in the top bar: always there, Ctrl/Cmd+K to get to it. */
export function SearchBox({ onLeave }: { onLeave: () => void }) {
  const { t } = useTranslation()
  const { params, update, results, selected, setSelected, open, box: input } = useSearch()

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault()
        input.current?.focus()
        input.current?.select()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [input])

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    const count = results?.hits.length ?? 0
    if (e.key === 'ArrowDown' && count) {
      e.preventDefault()
      setSelected(Math.min(count - 1, selected + 1))
    } else if (e.key === 'ArrowUp' && count) {
      e.preventDefault()
      setSelected(Math.max(0, selected - 1))
    } else if (e.key === 'Enter' && count) {
      e.preventDefault()
      // the article takes the focus (Space and the arrows read it, they do not type here)
      input.current?.blur()
      open(results!.hits[selected]!.id)
    } else if (e.key === 'Escape') {
      e.preventDefault()
      if (params.query) update({ query: '' }, true)
      else onLeave()
      input.current?.blur()
    }
  }

  return (
    <div className="searchbox" role="search">
      <span className="searchbox-icon" aria-hidden="true">
        ⌕
      </span>
      <input
        ref={input}
        type="search"
        value={params.query}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        aria-controls="search-results"
        aria-activedescendant={results?.hits.length ? `search-hit-${selected}` : undefined}
        onChange={(e) => update({ query: e.target.value }, true)}
        onKeyDown={onKeyDown}
        lang="de"
        spellCheck={false}
        data-testid="search-input"
      />
      <kbd className="searchbox-key" aria-hidden="true">
        {isMac ? '⌘K' : 'Ctrl K'}
      </kbd>
    </div>
  )
}
