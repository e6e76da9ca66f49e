// The duty suite's incident and the demo's resources, shared with bench/browser/duty-nav-probe.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const RESOURCE_FILES = ['shelters', 'rescue-teams', 'fire-stations', 'depots', 'cameras'];

/** Every demo resource feature (data/taishun/resources/*.geojson). */
export function demoResources(root) {
  return RESOURCE_FILES.flatMap((f) => JSON.parse(readFileSync(join(root, `data/taishun/resources/${f}.geojson`), 'utf8')).features);
}

/** Great-circle metres between two [lng, lat]. */
export function metersBetween([lng1, lat1], [lng2, lat2]) {
  const r = 6371008.8, rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(a));
}

/**
 * A road junction (on the network, with more than one way out, so closing one road leaves it
 * reachable) far from every resource (so a click there hits empty map), nearest the county seat's
 * fire station beyond 2.5 km: a realistic incident out of town.
 */
export function emptyRoadPoint(root, allResources = demoResources(root), minClearMeters = 400) {
  const readJson = (p) => JSON.parse(readFileSync(join(root, p), 'utf8'));
  const seat = readJson('data/taishun/resources/fire-stations.geojson').features[0].geometry.coordinates;
  const roads = readJson('data/taishun/roads.geojson').features;
  const uses = new Map();
  for (const f of roads) for (const c of new Set(f.geometry.coordinates.map((p) => p.join(',')))) uses.set(c, (uses.get(c) ?? 0) + 1);
  let best = null;
  for (const f of roads) {
    if (['track', 'path', 'footway'].includes(f.properties.highway)) continue;
    for (const c of f.geometry.coordinates) {
      if ((uses.get(c.join(',')) ?? 0) < 2) continue;
      const d = metersBetween(c, seat);
      if (d < 2500 || (best && d >= best.d)) continue;
      if (allResources.every((r) => metersBetween(r.geometry.coordinates, c) >= minClearMeters)) best = { d, lngLat: c };
    }
  }
  return best.lngLat;
}

/**
 * A road vertex a third of the way along a route from its resource (the incident is on a junction,
 * so closing one road there leaves it reachable): its index, that vertex and the next, and the
 * middle of the segment between them.
 */
export function routeThird(route) {
  const i = Math.max(1, Math.floor(route.length / 3));
  const a = route[i], b = route[i + 1];
  return { i, a, b, mid: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] };
}

/** Moves the map through the URL hash (`map=Z/LAT/LNG`), as a pasted link does. */
export async function setMapInHash(page, [lng, lat], zoom) {
  await page.evaluate(([lng, lat, zoom]) => {
    const p = new URLSearchParams(location.hash.slice(1));
    p.set('map', `${zoom}/${lat}/${lng}`);
    location.hash = p.toString().replace(/%2C/g, ',');
  }, [lng, lat, zoom]);
}
