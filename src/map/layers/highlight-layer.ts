import type { HighlightDescriptor } from '../layer-descriptor';

/** A ring around the selected feature, a little wider than its icon. */
export function buildHighlightLayer(lngLat: readonly [number, number] | null, iconSizePixels = 22): HighlightDescriptor {
  return {
    type: 'highlight',
    id: 'selection-highlight',
    visible: lngLat !== null,
    lngLat,
    radiusPixels: Math.round(iconSizePixels / 2 + 7),
    color: [255, 200, 0],
  };
}
