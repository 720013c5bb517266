/** A fake API for component tests, built from the handlers a test needs (like Actual's initServer). */
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { I18nextProvider } from 'react-i18next'
import type { ApiEvents, ApiInput, ApiResults, EventName, MethodName } from '../../shared/contract'
import { ApiProvider } from '../../renderer/src/api/ApiContext'
import { ApiCallError, type Client } from '../../renderer/src/api/client'
import { createI18n, type Language } from '../../renderer/src/i18n'
import type { ArticleDetail, ArticleSummary } from '../../shared/types'
import type { Highlight } from '../../shared/contract/notes'

export type FakeHandlers = {
  [M in MethodName]?: (input: ApiInput<M>) => ApiResults[M] | Promise<ApiResults[M]>
}

export interface FakeClient extends Client {
  calls: { method: MethodName; input: unknown }[]
  emit: <E extends EventName>(event: E, payload: ApiEvents[E]) => void
}

export function fakeClient(handlers: FakeHandlers): FakeClient {
  const listeners = new Set<(event: string, payload: unknown) => void>()
  const calls: FakeClient['calls'] = []
  return {
    calls,
    call: async (method, input) => {
      calls.push({ method, input })
      const h = handlers[method] as ((input: unknown) => unknown) | undefined
      if (!h) throw new ApiCallError('unknown_method', `no fake for ${method}`)
      return (await h(input)) as never
    },
    on: (event, handler) => {
      const l = (name: string, payload: unknown) => name === event && handler(payload as never)
      listeners.add(l)
      return () => listeners.delete(l)
    },
    emit: (event, payload) => {
      for (const l of listeners) l(event, payload)
    },
  }
}

/** Renders with a fake client and a fresh i18n instance in the given language. */
export function renderWith(ui: ReactElement, client: Client, lang: Language = 'de') {
  const i18n = createI18n(lang)
  return {
    i18n,
    ...render(
      <I18nextProvider i18n={i18n}>
        <ApiProvider client={client}>{ui}</ApiProvider>
      </I18nextProvider>,
    ),
  }
}

/**
 * Fakes of the library list's methods over a fixed set of rows: `library.ids` (filtered by
 * outlet, sorted by title or id), `library.rows` and `library.outlets`. `rows()` may change
 * between calls (an import).
 */
export function listFakes(
  rows: () => ArticleSummary[],
  samples = 0,
): Pick<FakeHandlers, 'library.ids' | 'library.rows' | 'library.outlets' | 'app.info'> {
  return {
    'library.ids': ({ outlet, sort, order, rows: first = 0 }) => {
      let list = rows().filter((r) => !outlet || r.outlet === outlet)
      if (sort === 'title') list = [...list].sort((a, b) => a.title.localeCompare(b.title))
      if (order === 'asc') list = [...list].reverse()
      return {
        ids: list.map((r) => r.id),
        total: rows().length,
        rows: list.slice(0, first),
        samples,
      }
    },
    'library.rows': ({ ids }) => ids.flatMap((id) => rows().find((r) => r.id === id) ?? []),
    'library.outlets': () => {
      const counts = new Map<string, number>()
      for (const r of rows()) if (r.outlet) counts.set(r.outlet, (counts.get(r.outlet) ?? 0) + 1)
      return [...counts].map(([name, count]) => ({ name, count }))
    },
    'app.info': () => info(rows().length),
  }
}

/** Visible text without the soft hyphens the reader adds for line breaking. */
export const plain = (el: Element | null) => (el?.textContent ?? '').replace(/\u00ad/g, '')

export const summaries: ArticleSummary[] = [
  {
    id: 1,
    title: 'Ostseestaaten einigen sich auf Schutz der Unterseekabel',
    kicker: 'Gipfel in Rostock',
    outlet: 'Hanse-Kurier',
    published: '2025-03-14',
    author: 'dpa',
    words: 341,
    importedAt: '2025-03-16T10:00:00Z',
    commentCount: 0,
  },
  {
    id: 2,
    title: 'Ein Versprechen ohne Preisschild',
    kicker: null,
    outlet: 'Mitteldeutsche Rundschau',
    published: '2025-03-15',
    author: 'Katrin Albers',
    words: 1234,
    importedAt: '2025-03-16T10:00:00Z',
    commentCount: 3,
  },
  {
    id: 3,
    title: 'Leserbriefe zum Ostsee-Gipfel',
    kicker: null,
    outlet: null,
    published: null,
    author: null,
    words: 125,
    importedAt: '2025-03-16T10:00:00Z',
    commentCount: 0,
  },
]

export const detail: ArticleDetail = {
  ...summaries[1]!,
  kicker: 'Analyse zum Ostsee-Gipfel',
  url: 'https://www.mitteldeutsche-rundschau.example/politik/analyse.html',
  dateline: null,
  paragraphs: [
    'Die Bilder aus Rostock sollten Entschlossenheit zeigen, doch hinter den Kulissen wurde heftig gestritten.',
    'Einig nur bei den Sanktionen',
    'Bei den Sanktionen ging es schnell: 48 Schiffe dürfen die Häfen nicht mehr anlaufen.',
  ],
  headings: [1],
  comments: [
    {
      author: 'Gerd aus Halle',
      posted: '2025-03-15',
      title: null,
      text: 'Sehr treffende Analyse.',
    },
    { author: null, posted: null, title: 'Zweifel', text: 'Wer zahlt das?\nNiemand weiß es.' },
  ],
  source: { kind: 'html', name: '/home/anna/Artikel/rundschau.html', encoding: 'utf-8' },
}

export const info = (articleCount: number) => ({
  version: '0.1.0',
  libraryPath: '/tmp/x',
  articleCount,
  mode: 'browser' as const,
  canOpenExternal: false,
  canImportPaths: false,
})

/** A story as `story.list` gives it. */
export function storySummary(id: number, title: string, articleCount = 2) {
  return { id, title, createdAt: '', articleCount, outlets: [], first: null, last: null }
}

/** A highlight as the core sends it: `quote` at `start` of article `article`, anchored. */
export function highlightOf(
  h: Pick<Highlight, 'id' | 'article' | 'quote' | 'start'> & Partial<Highlight>,
): Highlight {
  return {
    guid: `guid-h-${h.id}`,
    prefix: '',
    suffix: '',
    end: h.start + h.quote.length,
    color: 'yellow',
    status: 'anchored',
    quoteBefore: null,
    note: null,
    tags: [],
    createdAt: '',
    updatedAt: '',
    ...h,
  }
}
