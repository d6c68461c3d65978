import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadPreferences } from './features/settings/preferences-store';
import { getPaperQueueApi } from './platform/paper-queue-api';
import './styles/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');
const api = getPaperQueueApi();
// Theme and density are applied before the first render, so nothing paints in the wrong theme.
void (api ? loadPreferences(api) : Promise.resolve()).finally(() =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
