/**
 * Vitest global setup of the e2e project: without a browser the suite stops at once with one
 * line saying what to install, instead of failing every test after its time-out.
 */
import { findChromium, missingChromium } from '../helpers/system'

export default function preflight(): void {
  if (findChromium()) return
  process.stderr.write(`\n${missingChromium()}\n\n`)
  process.exit(1)
}
