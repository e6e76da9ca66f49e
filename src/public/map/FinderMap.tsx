import { useEffect, useRef, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import countyUrl from '../../../data/taishun/county.geojson?url';
import townshipsUrl from '../../../data/taishun/townships.geojson?url';
import townshipSeatsUrl from '../../../data/taishun/township-seats.geojson?url';
import villagesUrl from '../../../data/taishun/villages.geojson?url';
import { createPublicMap, type PublicMap, type PublicMapShelter } from '../../map/public-map';
import type { BasemapData } from '../../map/basemap-style';
import { decodeCompactRoads } from '../../io/compact-roads';
import { finderRoadsJson } from '../roads-bytes';
import type { PublicLang, Translate } from '../i18n';

export interface FinderMapProps {
  readonly lang: PublicLang;
  readonly t: Translate;
  readonly shelters: readonly PublicMapShelter[];
  readonly person: readonly [number, number] | null;
  readonly route: readonly (readonly [number, number])[] | null;
  readonly selectedId: string | null;
  readonly onTap: (lngLat: [number, number]) => void;
}

async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

async function loadBasemap(): Promise<BasemapData> {
  const [county, townships, townshipSeats, villages, compactRoads] = await Promise.all([...[countyUrl, townshipsUrl, townshipSeatsUrl, villagesUrl].map(fetchJson), finderRoadsJson()]);
  const fc = (x: unknown) => x as FeatureCollection;
  // the same compact roads as the walking graph: the one download of roads-bytes.ts
  const roads = decodeCompactRoads(compactRoads).roads;
  return { county: fc(county), townships: fc(townships), townshipSeats: fc(townshipSeats), villages: fc(villages), roads };
}

declare global {
  interface Window { __finderMap?: { isIdle(): boolean } }
}

/** The optional map (lazy chunk: MapLibre and the county basemap come only after the list). */
export default function FinderMap(props: FinderMapProps) {
  const { lang, t, shelters, person, route, selectedId, onTap } = props;
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<PublicMap | null>(null);
  const [failed, setFailed] = useState(false);
  const tapRef = useRef(onTap);
  tapRef.current = onTap;

  useEffect(() => {
    let created: PublicMap | null = null, cancelled = false;
    loadBasemap()
      .then((basemap) => {
        if (cancelled || !container.current) return;
        created = createPublicMap({
          container: container.current, basemap, lang: lang === 'zh-CN' ? 'zh-CN' : 'en', attribution: t('map.attribution'),
          reducedMotion: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false,
          onTap: (p) => tapRef.current(p),
        });
        window.__finderMap = created;
        setMap(created);
      })
      .catch((err: unknown) => {
        console.warn('finder map:', err);
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      created?.destroy();
    };
    // one map per language (labels follow it)
  }, [lang]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => map?.setShelters(shelters), [map, shelters]);
  useEffect(() => map?.setPerson(person), [map, person]);
  useEffect(() => map?.setRoute(route, selectedId), [map, route, selectedId]);

  if (failed) return <p className="note">{t('map.failed')}</p>;
  return (
    <div className="map-frame">
      <div ref={container} className="map" data-testid="finder-map" role="region" aria-label={t('map.label')} />
      {!map && <p className="map-loading" role="status">{t('map.loading')}</p>}
    </div>
  );
}
