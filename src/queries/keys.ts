import type { ResourceKind } from '../config/resource-kinds';

/** Query-key factory: one place that names every cached thing. */
export const queryKeys = {
  basemap: () => ['basemap'] as const,
  resources: (kind: ResourceKind) => ['resources', kind] as const,
};
