import { LABEL_FONT_STACK } from '../../config/map-defaults';
import type { PlaceLabel, TextLabelsDescriptor } from '../layer-descriptor';

const cssFontFamily = LABEL_FONT_STACK.map((f) => (f.includes(' ') ? `"${f}"` : f)).join(', ');

/** Township names on plates, above the resource icons. */
export function buildPlaceLabelLayer(labels: readonly PlaceLabel[], visible = true): TextLabelsDescriptor {
  return {
    type: 'text-labels',
    id: 'township-labels',
    visible: visible && labels.length > 0,
    labels,
    sizePixels: 13,
    color: [43, 37, 64],
    backgroundColor: [255, 255, 255, 215],
    fontFamily: cssFontFamily,
  };
}
