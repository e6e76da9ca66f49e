import { useMemo } from 'react';
import type { Resource } from '../../io/schemas/resource';
import type { LayerDescriptor } from '../../map/layer-descriptor';
import { buildPolygonBandsLayer } from '../../map/layers/polygon-bands-layer';
import { useIsochrone } from '../../queries/use-isochrone';
import type { BarrierSpec } from '../../workers/protocol';
import type { CircleStatus } from '../components/ResourceActions';

/**
 * The 15-minute rescue circle of one station or team, computed in the worker on the road network,
 * with the active view's road closures (if any) applied.
 */
export function useRescueCircle(circleResource: Resource | null, barriers: BarrierSpec | undefined) {
  const circleSource = useMemo(() => (circleResource ? { id: circleResource.id, lngLat: circleResource.lngLat } : null), [circleResource]);
  const isochrone = useIsochrone(circleSource, barriers);
  const status: CircleStatus = isochrone.networkError || isochrone.error
    ? { state: 'failed', message: (isochrone.networkError ?? isochrone.error)!.message }
    : circleSource && isochrone.data
      ? isochrone.data.unreachable ? { state: 'unreachable' } : { state: 'ready', bandsMinutes: isochrone.data.bands.features.map((f) => f.properties.minutes) }
      : circleSource ? { state: 'computing' } : { state: 'idle' };
  const descriptors = useMemo<LayerDescriptor[]>(() => {
    const bands = circleSource && isochrone.data && !isochrone.data.unreachable ? isochrone.data.bands : null;
    // Widest band first, so the nested inner bands are drawn over it.
    return bands ? [buildPolygonBandsLayer('rescue-circle', { ...bands, features: [...bands.features].reverse() })] : [];
  }, [circleSource, isochrone.data]);
  return { status, descriptors };
}
