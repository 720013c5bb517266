import { useTranslation } from 'react-i18next'
import { useMenu } from '../../components/useDismiss'
import { CancelJobButton } from '../jobs/CancelJobButton'
import { useImport } from './ImportContext'

/** The "Import" button with its choices: files, a folder, pasted text. */
export function ImportMenu() {
  const { t } = useTranslation()
  const { openFilePicker, openFolderPicker, setPasteOpen, progress } = useImport()
  const { open, setOpen, root, button } = useMenu()
  const choose = (fn: () => void) => () => {
    setOpen(false)
    fn()
  }
  return (
    <div className="menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="button primary"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={progress !== null}
        onClick={() => setOpen((o) => !o)}
      >
        {t('actions.import')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="menu-list" role="menu">
          <button type="button" role="menuitem" onClick={choose(openFilePicker)}>
            {t('actions.importFiles')}
          </button>
          <button type="button" role="menuitem" onClick={choose(openFolderPicker)}>
            {t('actions.importFolder')}
          </button>
          <button type="button" role="menuitem" onClick={choose(() => setPasteOpen(true))}>
            {t('actions.paste')}
          </button>
        </div>
      )}
    </div>
  )
}

/** A thin progress bar while files are being imported, with a button to cancel. */
export function ImportProgress() {
  const { t } = useTranslation()
  const { progress, cancelImport } = useImport()
  if (!progress) return null
  return (
    <div className="import-progress" role="status">
      <span>{t('import.progress', progress)}</span>
      <progress max={progress.total} value={progress.done} />
      <CancelJobButton kind="import" onCancel={cancelImport} />
    </div>
  )
}
