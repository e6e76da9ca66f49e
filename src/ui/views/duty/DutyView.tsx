import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapClick, MapMarker } from '../../../map/MapCanvas';
import type { ViewContribution, ViewProps } from '../types';
import { useMapContribution } from '../use-map-contribution';
import { dutyParams, formatLngLat, parseDutyParams, type DutyState } from './state/duty-params';

/**
 * The duty officer's incident view (issue 6): place the incident (click on empty map,
 * right-click, long-press, drag the marker) and see who gets there first.
 */
export function DutyView(props: ViewProps) {
  const { t } = useTranslation();
  const { params, setParams, contribute } = props;
  const state = useMemo(() => parseDutyParams(params), [params]);
  const update = useCallback((patch: Partial<DutyState>) => setParams(dutyParams({ ...state, ...patch })), [setParams, state]);
  const placeIncident = useCallback((lngLat: readonly [number, number]) => update({ incident: [lngLat[0], lngLat[1]] }), [update]);

  const markers = useMemo<MapMarker[]>(
    () => (state.incident ? [{ id: 'incident', lngLat: state.incident, className: 'incident-marker', title: t('duty.incident.marker'), draggable: true, onDragEnd: placeIncident }] : []),
    [state.incident, placeIncident, t],
  );
  const contribution = useMemo<ViewContribution>(() => ({
    markers,
    onMapClick: (click: MapClick) => {
      if (click.ref) return false; // a resource or cluster keeps its own behaviour
      placeIncident(click.lngLat);
      return true;
    },
    onMapContextMenu: placeIncident,
  }), [markers, placeIncident]);
  useMapContribution(contribute, contribution);

  return (
    <div className="duty-view">
      <h2>{t('duty.title')}</h2>
      {state.incident ? (
        <p data-testid="duty-incident">
          {t('duty.incident.at')} <code>{formatLngLat(state.incident)}</code>
          <button type="button" className="link" onClick={() => update({ incident: null })} data-testid="duty-incident-clear">{t('duty.incident.clear')}</button>
        </p>
      ) : (
        <p className="hint" data-testid="duty-hint">{t('duty.incident.hint')}</p>
      )}
    </div>
  );
}
