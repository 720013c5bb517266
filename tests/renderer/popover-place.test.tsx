/**
 * The popover never leaves the window, also for a word scrolled out of it (issue 12: with the
 * keyboard, a popover ended up at top −151 px with its focused button out of sight).
 */
import { describe, expect, it } from 'vitest'
import { placePopover } from '../../renderer/src/features/glossary/WordPopover'

const view = { width: 1000, height: 600 }

describe('a popover whose word left the window', () => {
  it('stays inside the window when the word is above it', () => {
    for (const top of [-600, -179, -30, -5]) {
      const word = { top, bottom: top + 28, left: 300, right: 380 }
      for (const height of [120, 265, 900]) {
        const p = placePopover(word, { width: 360, height }, view)
        expect(p.top, `word at ${top}, popover ${height}`).toBeGreaterThanOrEqual(8)
        expect(p.top + Math.min(height, p.maxHeight)).toBeLessThanOrEqual(view.height - 8)
      }
    }
  })

  it('stays inside the window when the word is below it', () => {
    for (const top of [590, 640, 1500]) {
      const word = { top, bottom: top + 28, left: 300, right: 380 }
      for (const height of [120, 265, 900]) {
        const p = placePopover(word, { width: 360, height }, view)
        expect(p.top).toBeGreaterThanOrEqual(8)
        expect(p.top + Math.min(height, p.maxHeight)).toBeLessThanOrEqual(view.height - 8)
      }
    }
  })

  it('is never taller than the window', () => {
    const p = placePopover(
      { top: 280, bottom: 300, left: 10, right: 60 },
      { width: 360, height: 2000 },
      view,
    )
    expect(p.maxHeight).toBeLessThanOrEqual(view.height - 16)
  })
})
