import { describe, expect, it } from 'vitest'
import { isHttpUrl } from '../../shared/urls'

describe('links that may leave the app', () => {
  it.each(['https://example.org/a?b=c', 'http://127.0.0.1:8080/'])('allows %s', (url) =>
    expect(isHttpUrl(url)).toBe(true),
  )
  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<b>x</b>',
    'lesesaal://x',
    '/relative',
    'no url',
    '',
  ])('refuses %j', (url) => expect(isHttpUrl(url)).toBe(false))
})
