// Demo data is imported with `?url`: Vite fingerprints the files into dist/ and the app fetches
// them from its own origin.
import countyUrl from '../../data/taishun/county.geojson?url';
import townshipsUrl from '../../data/taishun/townships.geojson?url';
import townshipSeatsUrl from '../../data/taishun/township-seats.geojson?url';
import villagesUrl from '../../data/taishun/villages.geojson?url';
import roadsUrl from '../../data/taishun/roads.geojson?url';
import sheltersUrl from '../../data/taishun/resources/shelters.geojson?url';
import rescueTeamsUrl from '../../data/taishun/resources/rescue-teams.geojson?url';
import fireStationsUrl from '../../data/taishun/resources/fire-stations.geojson?url';
import depotsUrl from '../../data/taishun/resources/depots.geojson?url';
import camerasUrl from '../../data/taishun/resources/cameras.geojson?url';
import type { ResourceKind } from '../config/resource-kinds';

export const BASEMAP_URLS = {
  county: countyUrl,
  townships: townshipsUrl,
  townshipSeats: townshipSeatsUrl,
  villages: villagesUrl,
  roads: roadsUrl,
} as const;

export const RESOURCE_URLS: Readonly<Record<ResourceKind, string>> = {
  shelter: sheltersUrl,
  rescue_team: rescueTeamsUrl,
  fire_station: fireStationsUrl,
  depot: depotsUrl,
  camera: camerasUrl,
};
