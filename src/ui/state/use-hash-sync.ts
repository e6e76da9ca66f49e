import { useEffect, useRef } from 'react';
import { parseHash, serializeHash, type DefaultKindsOf, type HashState } from './url-hash';

/**
 * Writes the state to the URL hash (replaceState: panning must not flood the history); `layers`
 * only when they differ from the view's defaults (`defaultKindsOf`).
 */
export function useHashSync(state: HashState, defaultKindsOf?: DefaultKindsOf): void {
  const last = useRef('');
  useEffect(() => {
    const hash = serializeHash(state, defaultKindsOf);
    if (hash === last.current) return;
    last.current = hash;
    const url = `${window.location.pathname}${window.location.search}${hash}`;
    window.history.replaceState(window.history.state, '', url);
  }, [state, defaultKindsOf]);
}

/**
 * Applies a hash the user edits or pastes into the same tab (a `hashchange` without reload).
 * Our own writes use replaceState, which fires no `hashchange`, so there is no feedback loop.
 */
export function useHashChange(defaults: HashState, apply: (state: HashState) => void, knownViews?: readonly string[], defaultKindsOf?: DefaultKindsOf): void {
  const applyRef = useRef(apply);
  applyRef.current = apply;
  useEffect(() => {
    const onChange = () => applyRef.current(parseHash(window.location.hash, defaults, knownViews, defaultKindsOf));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [defaults, knownViews, defaultKindsOf]);
}
