import { useEffect, useRef } from 'react';
import { serializeHash, type HashState } from './url-hash';

/** Writes the state to the URL hash (replaceState: panning must not flood the history). */
export function useHashSync(state: HashState): void {
  const last = useRef('');
  useEffect(() => {
    const hash = serializeHash(state);
    if (hash === last.current) return;
    last.current = hash;
    const url = `${window.location.pathname}${window.location.search}${hash}`;
    window.history.replaceState(window.history.state, '', url);
  }, [state]);
}
