import { Marker, type Map as MaplibreMap } from 'maplibre-gl';
import type { MapMarker } from './types';

export type MarkersOnMap = Map<string, { marker: Marker; spec: MapMarker }>;

/** DOM markers created, moved and removed by id; a drag reports where it ended. */
export function syncMarkers(map: MaplibreMap, onMap: MarkersOnMap, specs: readonly MapMarker[]): void {
  const wanted = new Map(specs.map((m) => [m.id, m]));
  for (const [id, entry] of onMap) {
    if (!wanted.has(id)) {
      entry.marker.remove();
      onMap.delete(id);
    }
  }
  for (const spec of wanted.values()) {
    let entry = onMap.get(spec.id);
    if (!entry) {
      const element = document.createElement('div');
      const marker = new Marker({ element, draggable: spec.draggable, anchor: 'bottom' }).setLngLat([spec.lngLat[0], spec.lngLat[1]]).addTo(map);
      const created = { marker, spec };
      marker.on('dragend', () => {
        const ll = marker.getLngLat();
        created.spec.onDragEnd?.([ll.lng, ll.lat]);
      });
      entry = created;
      onMap.set(spec.id, entry);
    }
    entry.spec = spec;
    const el = entry.marker.getElement();
    el.className = `${spec.className} maplibregl-marker`;
    el.title = spec.title;
    el.setAttribute('aria-label', spec.title);
    el.dataset.testid = `marker-${spec.id}`;
    entry.marker.setDraggable(spec.draggable);
    const at = entry.marker.getLngLat();
    if (at.lng !== spec.lngLat[0] || at.lat !== spec.lngLat[1]) entry.marker.setLngLat([spec.lngLat[0], spec.lngLat[1]]);
  }
}

export function removeMarkers(onMap: MarkersOnMap): void {
  for (const m of onMap.values()) m.marker.remove();
  onMap.clear();
}
