/**
 * "Neu extrahieren" for the library's selection (Ctrl+A: the whole library): the articles are
 * extracted again from their stored originals as a job (progress and cancel in the corner),
 * and the bar says what changed. Notes and highlights follow the text (article versions).
 */
import type { SelectionAction } from '../library/selectionActions'

export const reextractSelection: SelectionAction = {
  id: 'reextract',
  job: 'library.reextract',
  label: (t, count) => t('furniture.reextractSelection', { count }),
  run: async (ids, { api, t }) => {
    const r = await api.call('library.reextract', { ids })
    return {
      message: r.cancelled
        ? t('furniture.reextractCancelled', { done: r.items.length, changed: r.changed })
        : t('furniture.reextractReport', {
            changed: r.changed,
            unchanged: r.unchanged,
            failed: r.failed,
          }),
    }
  },
}
