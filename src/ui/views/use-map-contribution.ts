import { useEffect } from 'react';
import type { ViewContribution, ViewProps } from './types';

/** Registers a view's map contribution while it changes, and withdraws it when the view unmounts. */
export function useMapContribution(contribute: ViewProps['contribute'], contribution: ViewContribution): void {
  useEffect(() => {
    contribute(contribution);
  }, [contribute, contribution]);
  useEffect(() => () => contribute({}), [contribute]);
}
