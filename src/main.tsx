import './io/schemas/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { initI18n } from './i18n';
import { App } from './ui/App';
import { FaultBoundary, ReloadPrompt } from './ui/components/FaultBoundary';
import { watchChunkErrors } from './ui/state/reload-prompt';
import { DEFAULT_ZOOM_NARROW, NARROW_SCREEN_PIXELS } from './config/map-defaults';
import { DEFAULT_HASH_STATE, parseHash } from './ui/state/url-hash';
import { DEFAULT_VIEW_ID, VIEW_IDS, defaultKindsOfView } from './ui/views/registry';
import './ui/app.css';

watchChunkErrors(window);

const narrow = window.innerWidth < NARROW_SCREEN_PIXELS;
const defaults = { ...DEFAULT_HASH_STATE, view: DEFAULT_VIEW_ID, ...(narrow ? { zoom: DEFAULT_ZOOM_NARROW } : {}) };
const initial = parseHash(window.location.hash, defaults, VIEW_IDS, defaultKindsOfView);
initI18n(initial.lang);

// Demo data is static and same-origin: fetch once, never refetch on focus.
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: Infinity } },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain #root');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <FaultBoundary>
        <App initial={initial} defaults={defaults} />
      </FaultBoundary>
      <ReloadPrompt />
    </QueryClientProvider>
  </StrictMode>,
);
