import '@fontsource/literata/400.css'
import '@fontsource/literata/400-italic.css'
import '@fontsource/literata/600.css'
import './styles/app.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { ApiProvider } from './api/ApiContext'
import { createClient } from './api/client'
import { detectTransport } from './api/transports'
import { App } from './app/App'
import { applyTheme, loadTheme } from './features/theme/theme'
import { createI18n } from './i18n'

// the remembered theme before the first paint (the switch takes over from there)
applyTheme(loadTheme())()

const i18n = createI18n()
const client = createClient(detectTransport())

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ApiProvider client={client}>
        <App />
      </ApiProvider>
    </I18nextProvider>
  </StrictMode>,
)
