import { useCallback, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiEvent } from '../api/ApiContext'
import { useCleanCopy } from '../features/copy/useCleanCopy'
import { DropZone } from '../features/import/DropZone'
import { ImportProvider, useImport } from '../features/import/ImportContext'
import { ImportMenu, ImportProgress } from '../features/import/ImportMenu'
import { ImportReport } from '../features/import/ImportReport'
import { PasteDialog } from '../features/import/PasteDialog'
import { GlossaryView } from '../features/glossary/GlossaryView'
import { BackupsView } from '../features/health/BackupsView'
import { HealthBanner } from '../features/health/HealthBanner'
import { LibraryView } from '../features/library/LibraryView'
import { NotesView } from '../features/notes/NotesView'
import { useRestoreNoteDrafts } from '../features/notes/useRestoreNoteDrafts'
import { ReaderView } from '../features/reader/ReaderView'
import { SearchBox } from '../features/search/SearchBox'
import { SearchProvider } from '../features/search/SearchContext'
import { SearchView } from '../features/search/SearchView'
import { ReviewView } from '../features/study/ReviewView'
import { isStudyPage, StudyNav, StudyTabs } from '../features/study/StudyNav'
import { SettingsMenu } from '../features/settings/SettingsMenu'
import { useAppliedTheme } from '../features/theme/useTheme'
import { StudyView } from '../features/study/StudyView'
import { VocabularyView } from '../features/study/VocabularyView'
import { ParallelView } from '../features/parallel/ParallelView'
import { TranslationView } from '../features/parallel/TranslationView'
import { AddToStory } from '../features/stories/AddToStory'
import { StoriesView } from '../features/stories/StoriesView'
import { StoryView } from '../features/stories/StoryView'
import { languages, LANGUAGE_KEY, type Language } from '../i18n'
import { useRoute, type SearchParams } from './useRoute'

export function App() {
  return (
    <ImportProvider>
      <Shell />
    </ImportProvider>
  )
}

function Shell() {
  const { t, i18n } = useTranslation()
  const [route, navigate] = useRoute()
  useAppliedTheme()
  const imp = useImport()
  const openArticle = useCallback(
    (id: number, highlight: number | null = null) =>
      navigate({ view: 'article', id, query: null, highlight }),
    [navigate],
  )
  const openHit = useCallback(
    (id: number, query: string) => navigate({ view: 'article', id, query }),
    [navigate],
  )
  const searchParams: SearchParams =
    route.view === 'search' ? route.search : { query: '', outlet: null, from: null, to: null }
  const changeSearch = useCallback(
    (search: SearchParams, typing: boolean) => {
      // typing in the library or the reader starts a search; clearing the field goes back
      if (
        !search.query &&
        !search.outlet &&
        !search.from &&
        !search.to &&
        !search.tag &&
        !search.story
      )
        navigate({ view: 'library' }, typing)
      else navigate({ view: 'search', search }, typing && route.view === 'search')
    },
    [navigate, route.view],
  )
  const toLibrary = useCallback(() => navigate({ view: 'library' }), [navigate])
  // notes typed just before the app was closed or killed are saved now (notes room)
  useRestoreNoteDrafts()
  // every copy in the window gives clean text (no soft hyphens): reader, popovers, all views
  useCleanCopy()

  useEffect(() => {
    document.documentElement.lang = i18n.resolvedLanguage ?? 'de'
  }, [i18n.resolvedLanguage])

  // Menu commands from the desktop shell.
  useApiEvent(
    'app.command',
    useCallback(
      ({ command }) => {
        if (command === 'library') toLibrary()
        else if (command === 'backups') navigate({ view: 'backups' })
        else if (command === 'paste') imp.setPasteOpen(true)
        else imp.openFilePicker()
      },
      [toLibrary, imp, navigate],
    ),
  )

  const setLanguage = (lng: Language) => {
    void i18n.changeLanguage(lng)
    localStorage.setItem(LANGUAGE_KEY, lng)
  }

  return (
    <SearchProvider params={searchParams} onChange={changeSearch} onOpen={openHit}>
      <div className="app">
        <a className="skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <header className="topbar">
          <button type="button" className="brand" onClick={toLibrary} title={t('app.library')}>
            <span className="brand-mark" aria-hidden="true">
              L
            </span>
            <span className="brand-name">{t('app.name')}</span>
          </button>
          <nav className="topnav" aria-label={t('app.library')}>
            <button
              type="button"
              className={route.view === 'library' ? 'navlink active' : 'navlink'}
              onClick={toLibrary}
              aria-current={route.view === 'library' ? 'page' : undefined}
            >
              {t('app.library')}
            </button>
            <button
              type="button"
              className={
                route.view === 'stories' || route.view === 'story' || route.view === 'parallel'
                  ? 'navlink active'
                  : 'navlink'
              }
              onClick={() => navigate({ view: 'stories' })}
              aria-current={route.view === 'stories' ? 'page' : undefined}
            >
              {t('stories.nav')}
            </button>
            <button
              type="button"
              className={route.view === 'glossary' ? 'navlink active' : 'navlink'}
              onClick={() => navigate({ view: 'glossary' })}
              aria-current={route.view === 'glossary' ? 'page' : undefined}
            >
              {t('app.glossary')}
            </button>
            <button
              type="button"
              className={route.view === 'notes' ? 'navlink active' : 'navlink'}
              onClick={() => navigate({ view: 'notes' })}
              aria-current={route.view === 'notes' ? 'page' : undefined}
            >
              {t('notes.nav')}
            </button>
            <StudyNav current={route.view} onNavigate={(view) => navigate({ view })} />
          </nav>
          <SearchBox onLeave={toLibrary} />
          <div className="spacer" />
          <ImportMenu />
          <SettingsMenu onBackups={() => navigate({ view: 'backups' })} />
          <div className="language" role="group" aria-label={t('app.language')}>
            {languages.map((lng) => (
              <button
                key={lng}
                type="button"
                className={i18n.resolvedLanguage === lng ? 'lang active' : 'lang'}
                aria-pressed={i18n.resolvedLanguage === lng}
                onClick={() => setLanguage(lng)}
              >
                {lng.toUpperCase()}
              </button>
            ))}
          </div>
        </header>
        <main id="main" className="content">
          <HealthBanner onRestore={() => navigate({ view: 'backups' })} />
          <ImportReport onOpen={openArticle} />
          {route.view === 'article' ? (
            <ReaderView
              key={`${route.id}\u0000${route.query ?? ''}`}
              id={route.id}
              query={route.query}
              highlight={route.highlight ?? null}
              onBack={route.query ? () => history.back() : toLibrary}
              onOpenArticle={openHit}
              actions={(article) => (
                <>
                  <AddToStory articleIds={[article.id]} />
                  <button
                    type="button"
                    className="button ghost"
                    onClick={() => navigate({ view: 'translation', id: article.id })}
                  >
                    {t('translation.action')}
                  </button>
                </>
              )}
            />
          ) : route.view === 'search' ? (
            <SearchView actions={(ids) => <AddToStory articleIds={ids} />} />
          ) : route.view === 'stories' ? (
            <StoriesView onOpen={(id) => navigate({ view: 'story', id })} />
          ) : route.view === 'story' ? (
            <StoryView
              key={route.id}
              id={route.id}
              onBack={() => navigate({ view: 'stories' })}
              onOpenArticle={openArticle}
              onReadParallel={(id, columns) => navigate({ view: 'parallel', id, columns })}
            />
          ) : route.view === 'parallel' ? (
            <ParallelView
              key={route.id}
              storyId={route.id}
              columns={route.columns}
              onColumns={(columns) => navigate({ view: 'parallel', id: route.id, columns }, true)}
              onBack={() => navigate({ view: 'story', id: route.id })}
              onOpenArticle={openHit}
            />
          ) : route.view === 'translation' ? (
            <TranslationView
              key={route.id}
              articleId={route.id}
              onBack={() => navigate({ view: 'article', id: route.id, query: null })}
            />
          ) : route.view === 'glossary' ? (
            <GlossaryView />
          ) : isStudyPage(route.view) ? (
            <>
              <StudyTabs current={route.view} onNavigate={(view) => navigate({ view })} />
              {route.view === 'vocabulary' ? (
                <VocabularyView onOpenArticle={openHit} />
              ) : route.view === 'review' ? (
                <ReviewView />
              ) : (
                <StudyView />
              )}
            </>
          ) : route.view === 'backups' ? (
            <BackupsView />
          ) : route.view === 'notes' ? (
            <NotesView onOpen={openArticle} />
          ) : (
            <LibraryView
              onOpen={openArticle}
              selectionTools={(ids) => <AddToStory articleIds={ids} />}
            />
          )}
        </main>
        <ImportProgress />
        <DropZone />
        {imp.pasteOpen && <PasteDialog onOpen={openArticle} />}
      </div>
    </SearchProvider>
  )
}
