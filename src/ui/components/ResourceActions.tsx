import type { Resource } from '../../io/schemas/resource';

export interface ResourceActionsProps {
  resource: Resource;
}

/**
 * Extension point: actions shown under a resource's details. Intended for the isochrone feature,
 * e.g. a "show 15-min circle" button for fire stations and rescue teams that sets the station whose
 * bands App passes to `buildLayerDescriptors({ extraBelow: [...] })`. Nothing to show yet.
 */
export function ResourceActions(_props: ResourceActionsProps) {
  return null;
}
