/** The process layering is enforced by the linter, not hoped for. */
import { ESLint } from 'eslint'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/fixtures'

const eslint = new ESLint({ cwd: ROOT })

async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) })
  return result!.messages.map((m) => m.message)
}

describe('layering', () => {
  it('keeps Electron out of the core', async () => {
    expect(
      await lint('electron/core/x.ts', "import { app } from 'electron'\nexport const a = app\n"),
    ).toEqual([expect.stringContaining('bad layering')])
  })

  it('keeps Node out of the renderer', async () => {
    expect(
      await lint(
        'renderer/src/x.ts',
        "import { readFileSync } from 'node:fs'\nexport const r = readFileSync\n",
      ),
    ).toEqual([expect.stringContaining('bad layering')])
  })

  it('keeps shared/ free of platform code', async () => {
    const messages = await lint(
      'shared/x.ts',
      "import { join } from 'node:path'\nimport { ipcMain } from 'electron'\nexport const x = [join, ipcMain]\n",
    )
    expect(messages).toHaveLength(2)
    for (const m of messages) expect(m).toContain('bad layering')
  })

  it('lets the core use Node', async () => {
    expect(
      await lint('electron/core/x.ts', "import { join } from 'node:path'\nexport const j = join\n"),
    ).toEqual([])
  })
})
