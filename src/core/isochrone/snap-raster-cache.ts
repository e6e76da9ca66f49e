import type { RoadNetwork } from '../routing/road-network';
import { SnapRaster } from './snap-raster';

const cache = new WeakMap<RoadNetwork, Map<number, SnapRaster>>();

/** The network's snap raster for a cell size, created on first use and kept with the network. */
export function snapRasterFor(net: RoadNetwork, cellSizeMeters: number): SnapRaster {
  let byCell = cache.get(net);
  if (!byCell) cache.set(net, (byCell = new Map()));
  let r = byCell.get(cellSizeMeters);
  if (!r) byCell.set(cellSizeMeters, (r = new SnapRaster(net, cellSizeMeters)));
  return r;
}
