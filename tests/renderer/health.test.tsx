import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LibraryHealthInfo } from '../../shared/contract/backup'
import type { ImportReport } from '../../shared/types'
import { App } from '../../renderer/src/app/App'
import { fakeClient, renderWith, summaries, listFakes } from './fakeClient'

const backups = [
  {
    name: 'library-2026-11-30_09-00-00-daily.sqlite',
    path: '/lib/backups/library-2026-11-30_09-00-00-daily.sqlite',
    reason: 'daily',
    createdAt: '2026-11-30T09:00:00.000Z',
    bytes: 3 * 1048576,
  },
  {
    name: 'library-2026-11-29_08-00-00-before-upgrade-40.sqlite',
    path: '/lib/backups/library-2026-11-29_08-00-00-before-upgrade-40.sqlite',
    reason: 'before-upgrade-40',
    createdAt: '2026-11-29T08:00:00.000Z',
    bytes: 2 * 1048576,
  },
]

function status(state: LibraryHealthInfo['state']): LibraryHealthInfo {
  return {
    state,
    reason: state === 'ok' ? null : 'The library failed its integrity check.',
    libraryPath: '/lib/library.sqlite',
    backupsDir: '/lib/backups',
    backups,
  }
}

const base = (health: LibraryHealthInfo, extra: Parameters<typeof fakeClient>[0] = {}) =>
  fakeClient({
    ...listFakes(() => summaries),
    'backup.status': () => health,
    ...extra,
  })

afterEach(() => {
  window.location.hash = ''
  vi.restoreAllMocks()
})

describe('the library health notice', () => {
  it('says nothing while the library is fine', async () => {
    renderWith(<App />, base(status('ok')))
    await screen.findAllByTestId('article-row')
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('tells about a damaged library and leads to the backups', async () => {
    renderWith(<App />, base(status('damaged')))
    const notice = await screen.findByRole('alert')
    expect(notice.textContent).toContain('nur lesbar geöffnet')
    fireEvent.click(screen.getByRole('button', { name: 'Aus einer Sicherung wiederherstellen …' }))
    expect(await screen.findByRole('heading', { name: 'Sicherungen der Bibliothek' })).toBeTruthy()
    expect(window.location.hash).toBe('#/backups')
  })

  it('says a read-only library can be read but not changed, in English too', async () => {
    renderWith(<App />, base(status('readOnly')), 'en')
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The library is read-only: you can read and search, but not change anything.',
    )
  })
})

describe('the backups page', () => {
  it('lists the backups, makes one, and restores one after asking', async () => {
    const c = base(status('ok'), {
      'backup.create': () => ({
        ...backups[0]!,
        name: 'library-neu-manual.sqlite',
        reason: 'manual',
      }),
      'backup.restore': () => ({
        restored: backups[1]!,
        kept: { ...backups[0]!, name: 'library-vorher-before-restore.sqlite' },
      }),
    })
    window.location.hash = '#/backups'
    renderWith(<App />, c)
    const rows = await screen.findAllByRole('listitem')
    expect(rows.map((r) => r.querySelector('.why')?.textContent)).toEqual([
      'täglich',
      'vor einem Update',
    ])
    fireEvent.click(screen.getByRole('button', { name: 'Jetzt sichern' }))
    expect(await screen.findByText('Gesichert: library-neu-manual.sqlite')).toBeTruthy()

    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true)
    const restoreButtons = screen.getAllByRole('button', { name: 'Wiederherstellen' })
    fireEvent.click(restoreButtons[1]!)
    expect(c.calls.some((x) => x.method === 'backup.restore')).toBe(false)
    fireEvent.click(restoreButtons[1]!)
    expect(confirm).toHaveBeenCalledTimes(2)
    expect(
      await screen.findByText(
        'Wiederhergestellt: library-2026-11-29_08-00-00-before-upgrade-40.sqlite. Die vorige Bibliothek ist als library-vorher-before-restore.sqlite gesichert.',
      ),
    ).toBeTruthy()
    expect(c.calls.find((x) => x.method === 'backup.restore')!.input).toEqual({
      name: 'library-2026-11-29_08-00-00-before-upgrade-40.sqlite',
    })
  })
})

describe('cancelling an import', () => {
  it('stops the import, and the report names every file that was not imported', async () => {
    let answer: (r: ImportReport) => void = () => {}
    const c = base(status('ok'), {
      'import.files': () => new Promise<ImportReport>((resolve) => (answer = resolve)),
      'job.cancel': () => ({ cancelled: true }),
    })
    renderWith(<App />, c)
    await screen.findAllByTestId('article-row')
    // 25 files: two uploads (20 + 5)
    const files = Array.from(
      { length: 25 },
      (_, i) => new File([`Meldung ${i}: Der Rat hat beschlossen.`], `m${i}.txt`),
    )
    fireEvent.change(screen.getByTestId('file-input'), { target: { files } })
    await waitFor(() => expect(c.calls.some((x) => x.method === 'import.files')).toBe(true))
    c.emit('job.progress', {
      id: 7,
      kind: 'import',
      state: 'running',
      done: 2,
      total: 20,
      label: 'm1.txt',
    })
    fireEvent.click(await screen.findByRole('button', { name: 'Abbrechen' }))
    await waitFor(() =>
      expect(c.calls.find((x) => x.method === 'job.cancel')?.input).toEqual({ id: 7 }),
    )
    answer({
      results: [0, 1, 2].map((i) => ({
        source: `m${i}.txt`,
        id: i + 10,
        title: `Meldung ${i}`,
        outlet: null,
        published: null,
        words: 6,
        duplicateOf: null,
        error: null,
        warning: null,
      })),
      skipped: 0,
      cancelled: true,
    })
    expect(
      await screen.findByText('Abgebrochen: 3 von 25 Dateien wurden bearbeitet, der Rest nicht.'),
    ).toBeTruthy()
    // the second upload was never sent, and its files are named in the report
    expect(c.calls.filter((x) => x.method === 'import.files')).toHaveLength(1)
    expect(screen.getByText('m24.txt')).toBeTruthy()
    expect(screen.getAllByText('Abgebrochen.')).toHaveLength(22)
  })
})
