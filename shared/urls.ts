/** True for an absolute http(s) URL: the only kind Lesesaal stores as a link or opens. */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}
