import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useImport } from './ImportContext'
import { filesFromDrop } from './readFiles'

/** Drag and drop anywhere in the window; an overlay says what will happen. */
export function DropZone() {
  const { t } = useTranslation()
  const { importPicked } = useImport()
  const [active, setActive] = useState(false)
  const depth = useRef(0)
  useEffect(() => {
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files')
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      depth.current++
      setActive(true)
    }
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
    }
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return
      depth.current = Math.max(0, depth.current - 1)
      if (depth.current === 0) setActive(false)
    }
    const drop = (e: DragEvent) => {
      // never let the window navigate to a dropped file
      e.preventDefault()
      depth.current = 0
      setActive(false)
      if (e.dataTransfer && hasFiles(e)) void filesFromDrop(e.dataTransfer).then(importPicked)
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [importPicked])
  if (!active) return null
  return (
    <div className="drop-overlay" role="presentation">
      <div className="drop-target">
        <p className="drop-title">{t('import.dropHere')}</p>
        <p>{t('import.dropHint')}</p>
      </div>
    </div>
  )
}
