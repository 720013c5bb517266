/**
 * Import state shared by the whole window: running uploads with progress, the last report,
 * the paste dialog, and the hidden file inputs that the buttons and menu open.
 */
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react'
import { failedImport, type ImportResult } from '../../../../shared/types'
import { useApi, useApiEvent } from '../../api/ApiContext'
import { ApiCallError } from '../../api/client'
import { batches, fileToBase64, filesFromInput, type PickedFile } from './readFiles'

export interface PasteDraft {
  text: string
  title: string
}

export interface ImportReportState {
  results: ImportResult[]
  skipped: number
  /** The user cancelled: the files not imported are listed with the code `cancelled`. */
  cancelled?: boolean
}

interface ImportState {
  progress: { done: number; total: number } | null
  report: ImportReportState | null
  pasteOpen: boolean
  importPicked: (picked: { files: PickedFile[]; skipped: number }) => Promise<void>
  /**
   * Imports pasted text. A failure or a near-duplicate is returned, not reported: the paste
   * dialog keeps the text and says why. `anyway`: import a near-duplicate too.
   */
  importText: (text: string, title?: string, anyway?: boolean) => Promise<ImportResult>
  /** Imports a file of the last report that was nearly the same as an article, after all. */
  importAnyway: (index: number) => Promise<void>
  /** What was in the paste dialog when it closed, kept until a paste is imported. */
  pasteDraft: PasteDraft
  keepPasteDraft: (draft: PasteDraft) => void
  openFilePicker: () => void
  openFolderPicker: () => void
  setPasteOpen: (open: boolean) => void
  dismissReport: () => void
  /** Stops a running import: the current batch stops between files, no further batch is sent. */
  cancelImport: () => void
}

const Ctx = createContext<ImportState | null>(null)

export function useImport(): ImportState {
  const ctx = useContext(Ctx)
  if (!ctx) throw new Error('useImport outside ImportProvider')
  return ctx
}

export function ImportProvider({ children }: { children: ReactNode }) {
  const api = useApi()
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [report, setReport] = useState<ImportReportState | null>(null)
  const [pasteOpen, setPasteOpen] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)
  const folderInput = useRef<HTMLInputElement>(null)
  const offset = useRef({ before: 0, total: 0 })
  const cancelled = useRef(false)
  /** The files of the last report that were near-duplicates, by their row in the report. */
  const heldBack = useRef(new Map<number, PickedFile>())
  const [pasteDraft, keepPasteDraft] = useState<PasteDraft>({ text: '', title: '' })

  useApiEvent(
    'import.progress',
    useCallback((p) => {
      if (offset.current.total > 0)
        setProgress({ done: offset.current.before + p.done, total: offset.current.total })
    }, []),
  )

  const importPicked = useCallback(
    async ({ files, skipped }: { files: PickedFile[]; skipped: number }) => {
      if (files.length === 0 && skipped === 0) return
      const results: ImportResult[] = []
      const held = new Map<number, PickedFile>()
      offset.current = { before: 0, total: files.length }
      cancelled.current = false
      setProgress({ done: 0, total: files.length })
      try {
        for (const batch of batches(files)) {
          if (cancelled.current) break
          const payload = await Promise.all(
            batch.map(async (f) => ({ name: f.path, data: await fileToBase64(f.file) })),
          )
          try {
            const r = await api.call('import.files', { files: payload })
            r.results.forEach((result, k) => {
              if (result.nearDuplicateOf) held.set(results.length + k, batch[k]!)
            })
            results.push(...r.results)
            if (r.cancelled) cancelled.current = true
          } catch (err) {
            const error = {
              code: err instanceof ApiCallError ? err.code : 'internal',
              message: (err as Error).message,
            }
            results.push(...batch.map((f) => failedImport(f.path, error)))
          }
          offset.current.before += batch.length
          setProgress({ done: offset.current.before, total: files.length })
        }
      } finally {
        offset.current = { before: 0, total: 0 }
        setProgress(null)
      }
      if (cancelled.current) {
        // nothing silently dropped: every file not imported is named
        const handled = new Set(results.map((r) => r.source))
        for (const f of files)
          if (!handled.has(f.path))
            results.push(
              failedImport(f.path, { code: 'cancelled', message: 'The import was cancelled.' }),
            )
      }
      heldBack.current = held
      setReport({ results, skipped, cancelled: cancelled.current })
    },
    [api],
  )

  const importText = useCallback(
    async (text: string, title?: string, anyway = false) => {
      const result = await api.call('import.text', {
        text,
        ...(title ? { title } : {}),
        nearDuplicates: anyway ? 'import' : 'skip',
      })
      if (!result.error && !result.nearDuplicateOf) {
        keepPasteDraft({ text: '', title: '' })
        heldBack.current = new Map()
        setReport({ results: [result], skipped: 0 })
      }
      return result
    },
    [api],
  )

  const importAnyway = useCallback(
    async (index: number) => {
      const picked = heldBack.current.get(index)
      if (!picked) return
      let result: ImportResult
      try {
        const data = await fileToBase64(picked.file)
        const r = await api.call('import.files', {
          files: [{ name: picked.path, data }],
          nearDuplicates: 'import',
        })
        result = r.results[0]!
      } catch (err) {
        result = failedImport(picked.path, {
          code: err instanceof ApiCallError ? err.code : 'internal',
          message: (err as Error).message,
        })
      }
      heldBack.current.delete(index)
      setReport((r) =>
        r ? { ...r, results: r.results.map((x, i) => (i === index ? result : x)) } : r,
      )
    },
    [api],
  )

  const onPicked = (e: React.ChangeEvent<HTMLInputElement>) => {
    const list = e.target.files
    if (list && list.length) void importPicked(filesFromInput(list))
    e.target.value = ''
  }

  const value = useMemo<ImportState>(
    () => ({
      progress,
      report,
      pasteOpen,
      importPicked,
      importText,
      importAnyway,
      pasteDraft,
      keepPasteDraft,
      openFilePicker: () => fileInput.current?.click(),
      openFolderPicker: () => folderInput.current?.click(),
      setPasteOpen,
      dismissReport: () => setReport(null),
      cancelImport: () => {
        cancelled.current = true
      },
    }),
    [progress, report, pasteOpen, importPicked, importText, importAnyway, pasteDraft],
  )

  return (
    <Ctx.Provider value={value}>
      {children}
      <input
        ref={fileInput}
        type="file"
        multiple
        accept=".txt,.text,.html,.htm,.xhtml,.md,.markdown,text/plain,text/html,text/markdown"
        hidden
        data-testid="file-input"
        onChange={onPicked}
      />
      <input
        ref={(el) => {
          folderInput.current = el
          // not in React's typings; lets the picker choose a whole folder
          el?.setAttribute('webkitdirectory', '')
        }}
        type="file"
        multiple
        hidden
        data-testid="folder-input"
        onChange={onPicked}
      />
    </Ctx.Provider>
  )
}
