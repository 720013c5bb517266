// Runs a Node script as an ordinary user: as root, permissions do not apply, so tests of
// unreadable files and read-only libraries drop to `nobody` first (CI may run as root).
import { pathToFileURL } from 'node:url'

if (process.getuid?.() === 0) {
  process.setgid(65534)
  process.setuid(65534)
}
const [node, , target, ...rest] = process.argv
process.argv = [node, target, ...rest]
await import(pathToFileURL(target).href)
