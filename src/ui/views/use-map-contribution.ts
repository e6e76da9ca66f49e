import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { MapClick } from '../../map/MapCanvas';
import type { ViewContribution, ViewProps } from './types';

/**
 * Registers a view's map contribution while it changes, and withdraws it when the view unmounts.
 * The shell receives it in an effect, a render after the view's own state; its click handlers would
 * then answer a click in that gap (right after a mode button, its hint already on screen) with the
 * view's previous state. So the shell gets handlers that call the view's latest ones, set in a
 * layout effect (before the browser handles the next input).
 */
export function useMapContribution(contribute: ViewProps['contribute'], contribution: ViewContribution): void {
  const latest = useRef(contribution);
  useLayoutEffect(() => {
    latest.current = contribution;
  });
  const handlers = useMemo(() => ({
    onMapClick: (click: MapClick) => latest.current.onMapClick?.(click) ?? false,
    onMapContextMenu: (lngLat: [number, number]) => latest.current.onMapContextMenu?.(lngLat),
  }), []);
  useEffect(() => {
    contribute({
      ...contribution,
      onMapClick: contribution.onMapClick && handlers.onMapClick,
      onMapContextMenu: contribution.onMapContextMenu && handlers.onMapContextMenu,
    });
  }, [contribute, contribution, handlers]);
  useEffect(() => () => contribute({}), [contribute]);
}
