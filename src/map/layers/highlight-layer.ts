import type { HighlightDescriptor } from '../layer-descriptor';

/** A ring around the selected feature. */
export function buildHighlightLayer(lngLat: readonly [number, number] | null): HighlightDescriptor {
  return {
    type: 'highlight',
    id: 'selection-highlight',
    visible: lngLat !== null,
    lngLat,
    radiusPixels: 18,
    color: [255, 200, 0],
  };
}
