import './i18n/i18n.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { App } from './App.tsx';
import { startEditor } from './io/startup.ts';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary name="editor">
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
// startEditor reports its own failures; this only keeps an unforeseen one out of the console.
startEditor().catch((e: unknown) => console.error(e));
