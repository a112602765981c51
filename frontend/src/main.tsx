import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app';
import { apiClient } from '@/lib/api-client';
import { initI18n } from '@/lib/i18n';
import './styles.css';

initI18n();
// Restore the session from the refresh cookie before the first render, so a reload stays
// signed in. Memoised: StrictMode's double effects cannot trigger a second refresh.
void apiClient.session.restore();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
