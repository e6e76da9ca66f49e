import { useMemo } from 'react';
import type { Feature, Geometry } from 'geojson';
import type { LayerDescriptor } from '../../../map/layer-descriptor';
import { buildClosedSegmentsLayer, buildClosureShapesLayer, buildRouteLayer } from '../../../map/layers/route-layer';
import type { DrawingRequest, MapClick, MapMarker } from '../../../map/MapCanvas';
import type { BarrierSpec } from '../../../workers/protocol';
import type { ViewContribution } from '../types';
import type { ClosingMode } from './components/ClosuresSection';
import { closureGeometry, type Closure } from './state/duty-params';

export interface DutyMapInput {
  incident: readonly [number, number] | null;
  incidentTitle: string;
  onPlaceIncident: (lngLat: [number, number]) => void;
  /** the picked row's route, and where the picked / hovered resources are */
  pickedRoute: readonly (readonly [number, number])[] | null;
  pickedLngLat: readonly [number, number] | null;
  hoverLngLat: readonly [number, number] | null;
  closures: readonly Closure[];
  closedLines: readonly (readonly (readonly [number, number])[])[];
  closingMode: ClosingMode;
  onAddClosure: (c: Closure) => void;
  barriers: BarrierSpec | undefined;
  detailActions: ViewContribution['detailActions'];
}

function ring(id: string, lngLat: readonly [number, number] | null, color: readonly [number, number, number], radiusPixels: number): LayerDescriptor {
  return { type: 'highlight', id, visible: lngLat !== null, lngLat, radiusPixels, color };
}

/** What the duty view draws on the shared map and how it answers clicks, drags and drawing. */
export function useDutyMap(input: DutyMapInput): ViewContribution {
  const { incident, incidentTitle, onPlaceIncident, pickedRoute, pickedLngLat, hoverLngLat, closures, closedLines, closingMode, onAddClosure, barriers, detailActions } = input;
  const markers = useMemo<MapMarker[]>(
    () => (incident ? [{ id: 'incident', lngLat: incident, className: 'incident-marker', title: incidentTitle, draggable: true, onDragEnd: onPlaceIncident }] : []),
    [incident, incidentTitle, onPlaceIncident],
  );
  const below = useMemo<LayerDescriptor[]>(() => [buildRouteLayer('duty-route', pickedRoute, { color: [29, 79, 145, 255], widthPixels: 5 })], [pickedRoute]);
  // The closures' layers are MapLibre GeoJSON sources: built anew they would be handed to MapLibre
  // again (setData: re-tiled in its worker, the whole map redrawn), so they are kept while the
  // closures are, and a hover or a pick only changes its deck.gl ring.
  const closureShapes = useMemo<LayerDescriptor>(() => {
    const shapes: Feature<Geometry, Record<string, unknown>>[] = closures.map((c, i) => ({ type: 'Feature', properties: { index: i }, geometry: closureGeometry(c) }));
    return buildClosureShapesLayer('duty-closure-shapes', shapes);
  }, [closures]);
  const closedSegments = useMemo<LayerDescriptor>(() => buildClosedSegmentsLayer('duty-closed-segments', closedLines), [closedLines]);
  const above = useMemo<LayerDescriptor[]>(() => [
    closureShapes,
    closedSegments,
    ring('duty-hover', hoverLngLat, [120, 120, 255], 16),
    ring('duty-pick', pickedLngLat, [29, 79, 145], 20),
  ], [closureShapes, closedSegments, hoverLngLat, pickedLngLat]);
  const drawing = useMemo<DrawingRequest | null>(
    () =>
      closingMode === 'line' || closingMode === 'area'
        ? {
            mode: closingMode === 'line' ? 'linestring' : 'polygon',
            onFinish: (g) => {
              if (g.type === 'LineString' && g.coordinates.length >= 2) onAddClosure({ type: 'line', coordinates: g.coordinates.map((p) => [p[0]!, p[1]!]) });
              if (g.type === 'Polygon' && g.coordinates[0] && g.coordinates[0].length >= 4) onAddClosure({ type: 'area', coordinates: g.coordinates[0].slice(0, -1).map((p) => [p[0]!, p[1]!]) });
            },
          }
        : null,
    [closingMode, onAddClosure],
  );
  return useMemo<ViewContribution>(() => ({
    markers,
    below,
    above,
    drawing,
    barriers,
    detailActions,
    onMapClick: (click: MapClick) => {
      if (closingMode === 'segment') {
        onAddClosure({ type: 'segment', at: click.lngLat });
        return true;
      }
      if (closingMode === 'line' || closingMode === 'area') return true; // the drawing (its prop may lag a render) takes the map's clicks
      if (click.ref) return false; // a resource or cluster keeps its own behaviour
      onPlaceIncident(click.lngLat);
      return true;
    },
    onMapContextMenu: onPlaceIncident,
  }), [markers, below, above, drawing, barriers, detailActions, closingMode, onAddClosure, onPlaceIncident]);
}
