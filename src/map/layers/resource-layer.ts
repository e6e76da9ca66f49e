import { ICON_SIZE_PIXELS } from '../../config/map-defaults';
import type { ResourceKind } from '../../config/resource-kinds';
import type { IconPointsDescriptor, MapPoint } from '../layer-descriptor';

/** Resources of one kind → an icon layer descriptor (icon and colour come from the kind registry). */
export function buildResourceLayer(kind: ResourceKind, points: readonly MapPoint[], visible: boolean): IconPointsDescriptor {
  return {
    type: 'icon-points',
    id: `resource-${kind}`,
    kind,
    visible,
    points,
    icon: kind,
    iconSizePixels: ICON_SIZE_PIXELS,
    pickable: true,
  };
}
