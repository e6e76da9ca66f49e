import { shelterIconKey, shelterState, type IconKey, type ResourceKind } from '../../config/resource-kinds';
import type { IconPointsDescriptor, MapPoint } from '../layer-descriptor';
import { iconSizePixelsAtZoom } from './icon-size';

/** The icon a point is drawn with: its kind's badge, or a shelter's state tonight (open / full / closed). */
export function iconKeyOf(p: MapPoint): IconKey {
  if (p.kind === 'shelter') {
    const s = p as MapPoint & { open?: unknown; capacity?: unknown; occupancy?: unknown };
    if (typeof s.open === 'boolean') {
      return shelterIconKey(shelterState({ open: s.open, capacity: Number(s.capacity ?? 0), occupancy: Number(s.occupancy ?? 0) }));
    }
  }
  return p.kind;
}

/** Resources of one kind → an icon layer descriptor (icon and colour come from the kind registry). */
export function buildResourceLayer(
  kind: ResourceKind,
  points: readonly MapPoint[],
  visible: boolean,
  options: { zoom?: number; displayLngLat?: ReadonlyMap<string, readonly [number, number]> } = {},
): IconPointsDescriptor {
  const fanned = options.displayLngLat && options.displayLngLat.size > 0 ? options.displayLngLat : null;
  return {
    type: 'icon-points',
    id: `resource-${kind}`,
    kind,
    visible,
    points,
    icon: kind,
    ...(kind === 'shelter' ? { iconKeys: points.map(iconKeyOf) } : {}),
    ...(fanned ? { displayLngLats: points.map((p) => fanned.get(p.id) ?? p.lngLat) } : {}),
    iconSizePixels: iconSizePixelsAtZoom(options.zoom ?? 11),
    pickable: true,
  };
}
