/**
 * Actions on the articles selected in the library list: the extension point of the selection
 * bar. A feature adds an action by writing a `SelectionAction` in its own folder, importing it
 * here and adding it to `selectionActions` (one line each); the bar shows them in this order,
 * each as a button labelled for the selection ("Zur Geschichte hinzufügen", "Löschen").
 *
 * `run` gets the selected ids in list order and a context: the API client, the translation
 * function, `open` (an article) and `clear` (the selection). Resolve when done; a thrown
 * error is shown under the bar as one sentence. The selection is cleared after a successful
 * run unless the action returns `{ keepSelection: true }`.
 */
import type { TFunction } from 'i18next'
import type { Client } from '../../api/client'
import { reextractSelection } from '../furniture/reextractSelection'

export interface SelectionActionContext {
  api: Client
  t: TFunction
  open: (id: number) => void
  clear: () => void
}

export interface SelectionAction {
  /** Unique, stable (tests and keys use it). */
  id: string
  /** The button's text for `count` selected articles, in the UI language. */
  label: (t: TFunction, count: number) => string
  run: (ids: number[], ctx: SelectionActionContext) => SelectionOutcome | Promise<SelectionOutcome>
  /** Whether the action applies to this selection (the button is disabled otherwise). */
  enabled?: (ids: number[]) => boolean
  /** The kind of job it runs: its progress and a cancel button are shown while it runs. */
  job?: string
  /** Shown as a destructive action. */
  danger?: boolean
}

/** What an action says when it is done: keep the selection, and one sentence to show. */
export type SelectionOutcome = void | { keepSelection?: boolean; message?: string }

/** Deletes the selected articles after one confirmation. */
export const deleteSelection: SelectionAction = {
  id: 'delete',
  label: (t, count) => t('library.selection.delete', { count }),
  danger: true,
  run: async (ids, { api, t }) => {
    if (!window.confirm(t('library.selection.confirmDelete', { count: ids.length })))
      return { keepSelection: true }
    await api.call('articles.delete', { ids })
  },
}

/** Every action of the selection bar, in the order shown. */
export const selectionActions: readonly SelectionAction[] = [reextractSelection, deleteSelection]
