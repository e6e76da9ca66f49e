import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { PublicVillage } from '../io/public-finder-data';
import { DataStatus } from './components/DataStatus';
import { Header } from './components/Header';
import { LocatePanel, type LocateState } from './components/LocatePanel';
import { PartySize } from './components/PartySize';
import { ShelterList } from './components/ShelterList';
import { ShelterRow } from './components/ShelterRow';
import { loadFinderData, originReachable, type LoadedFinderData } from './finder-data';
import { applyLangToDocument, rememberLang, translator, type PublicLang } from './i18n';
import { LocateError, locateOnce, locationAlreadyGranted, webglAvailable } from './location';
import { registerFinderServiceWorker } from './pwa';
import { rankByStraightLine, takesParty, withWalkingTimes, type PersonPlace } from './rank';
import { sharedShelterId } from './share';
import { useWalkingAnswer, useWalkingEngine } from './use-walking';

const FinderMap = lazy(() => import('./map/FinderMap'));

/** The public shelter finder: list first (works without the map), walking times when ready, the map after. */
export function App({ initialLang }: { initialLang: PublicLang }) {
  const [lang, setLang] = useState(initialLang);
  const t = useMemo(() => translator(lang), [lang]);
  const [loaded, setLoaded] = useState<LoadedFinderData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [place, setPlaceState] = useState<PersonPlace | null>(null);
  const [editingPlace, setEditingPlace] = useState(false);
  const setPlace = useCallback((p: PersonPlace) => {
    setPlaceState(p);
    setEditingPlace(false);
  }, []);
  const [locate, setLocate] = useState<LocateState>({ phase: 'idle' });
  const [party, setParty] = useState(1);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [mapWanted, setMapWanted] = useState(false);
  const [online, setOnline] = useState<boolean | null>(null);
  const [offlineReady, setOfflineReady] = useState(false);
  const [update, setUpdate] = useState<(() => void) | null>(null);
  const [sharedId] = useState(() => sharedShelterId(window.location.hash));
  const mapAvailable = useMemo(webglAvailable, []);

  useEffect(() => {
    applyLangToDocument(document, lang);
    rememberLang(localStorage, lang);
  }, [lang]);

  useEffect(() => {
    const controller = new AbortController();
    loadFinderData(controller.signal).then(setLoaded, (err: unknown) => {
      if ((err as Error)?.name !== 'AbortError') setLoadError(String((err as Error)?.message ?? err));
    });
    void originReachable().then(setOnline);
    const onOnline = () => void originReachable().then(setOnline);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOnline);
    return () => {
      controller.abort();
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOnline);
    };
  }, []);

  // Offline: look again now and then (navigator.onLine stays "online" on a network that reaches nothing).
  useEffect(() => {
    if (online !== false) return;
    const timer = window.setInterval(() => void originReachable().then(setOnline), 15_000);
    return () => window.clearInterval(timer);
  }, [online]);

  const locateMe = useCallback(() => {
    setLocate({ phase: 'locating' });
    locateOnce().then(
      (p) => {
        setPlace({ lngLat: p.lngLat, source: 'gps', accuracyMeters: p.accuracyMeters });
        setLocate({ phase: 'idle' });
      },
      (err: unknown) => setLocate({ phase: 'failed', failure: err instanceof LocateError ? err.failure : 'unavailable' }),
    );
  }, [setPlace]);

  // Already allowed on an earlier visit: locate at once, no question asked again.
  useEffect(() => {
    void locationAlreadyGranted().then((granted) => granted && locateMe());
  }, [locateMe]);

  const data = loaded?.data ?? null;
  const engine = useWalkingEngine(data?.shelters ?? null);
  const straight = useMemo(() => (data && place ? rankByStraightLine(data.shelters, place.lngLat, party) : null), [data, place, party]);
  const availableIds = useMemo(() => straight?.available.map((r) => r.shelter.id) ?? [], [straight]);
  const walking = useWalkingAnswer(engine, place?.lngLat ?? null, availableIds);
  const ranking = useMemo(
    () => (straight && walking?.fromReachable ? withWalkingTimes(straight, walking.results) : straight),
    [straight, walking],
  );
  const walkingState = engine.phase === 'failed' ? 'failed' : walking && !walking.fromReachable ? 'off-road' : ranking?.by === 'walking' ? 'ready' : 'pending';

  useEffect(() => {
    if (ranking && ranking.available.length + ranking.unavailable.length > 0) (window.__finder ??= {}).firstShelterMs ??= performance.now();
  }, [ranking]);
  // After the list and the walking graph: the service worker (its precache would otherwise compete
  // for a slow network with the first answer) and the map (MapLibre + county basemap), unless asked for earlier.
  const settled = engine.phase === 'ready' || engine.phase === 'failed';
  useEffect(() => {
    if (!settled) return;
    registerFinderServiceWorker({
      onNeedRefresh: (fn) => {
        setUpdate(() => fn);
        setOnline(true); // a new version came from the origin: it is reachable
      },
      onOfflineReady: () => setOfflineReady(true),
    });
    if (mapAvailable) setMapWanted(true);
  }, [settled, mapAvailable]);

  const townshipName = useMemo(() => {
    const byId = new Map((data?.townships ?? []).map((x) => [x.id, x]));
    return (id: string) => {
      const tw = byId.get(id);
      return tw ? (lang !== 'zh-CN' && tw.nameEn ? tw.nameEn : tw.name) : id;
    };
  }, [data, lang]);
  const mapShelters = useMemo(
    () => (data?.shelters ?? []).map((s) => ({ id: s.id, lngLat: s.lngLat, available: takesParty(s, party) })),
    [data, party],
  );
  const selected = ranking?.available.find((r) => r.shelter.id === selectedId) ?? null;
  const shared = sharedId && data ? data.shelters.find((s) => s.id === sharedId) : undefined;
  const sharedRanked = shared && (ranking?.available.find((r) => r.shelter.id === shared.id) ?? ranking?.unavailable.find((r) => r.shelter.id === shared.id));
  const showRoute = (id: string) => {
    setSelectedId(id);
    setMapWanted(true);
    requestAnimationFrame(() => document.getElementById('map-section')?.scrollIntoView({ block: 'start' }));
  };

  return (
    <>
      <a className="skip" href="#results-heading">{t('list.heading')}</a>
      <Header t={t} lang={lang} onLang={setLang} />
      <main>
        {loadError && <p className="warn" role="alert">{t('list.dataError', { message: loadError })}</p>}
        {!data && !loadError && <p className="muted" role="status">{t('list.loadingData')}</p>}
        {shared && (
          <section className="card shared" aria-labelledby="shared-heading" data-testid="shared">
            <h2 id="shared-heading">{t('share.sharedHeading')}</h2>
            <ul className="shelters">
              <ShelterRow
                t={t} lang={lang} townshipName={townshipName} routeShown={false} shared apart={!takesParty(shared, party)}
                r={sharedRanked ?? { shelter: shared, freePlaces: Math.max(0, shared.capacity - shared.occupancy), straightLineMeters: NaN }}
              />
            </ul>
          </section>
        )}
        {data && (
          <>
            <LocatePanel
              t={t} lang={lang} state={locate} place={place} villages={data.villages} townships={data.townships} mapAvailable={mapAvailable}
              compact={place !== null && !editingPlace && locate.phase !== 'failed'} onChange={() => setEditingPlace(true)}
              onLocate={locateMe}
              onVillage={(v: PublicVillage) => {
                setPlace({ lngLat: v.lngLat, source: 'village', villageId: v.id });
                // the chosen button disappears: take keyboard and screen-reader focus to the answer
                requestAnimationFrame(() => document.getElementById('results-heading')?.focus());
              }}
            />
            <PartySize t={t} party={party} onParty={setParty} />
            {loaded && (
              <DataStatus t={t} lang={lang} dataAsOf={data.dataAsOf} savedAtMs={loaded.savedAtMs} online={online} offlineReady={offlineReady} update={update} onLater={() => setUpdate(null)} />
            )}
            {ranking ? (
              <ShelterList
                t={t} lang={lang} ranking={ranking} walkingState={walkingState} party={party}
                townshipName={townshipName} selectedId={selectedId} onRoute={showRoute}
              />
            ) : (
              <p className="muted">{t('list.chooseFirst')}</p>
            )}
          </>
        )}
        <section id="map-section" className="map-section" aria-labelledby="map-heading">
          <h2 id="map-heading">{t('map.heading')}</h2>
          {!mapAvailable ? (
            <p className="note" data-testid="no-webgl">{t('map.unavailable')}</p>
          ) : mapWanted && data ? (
            <Suspense fallback={<p className="muted" role="status">{t('map.loading')}</p>}>
              <FinderMap
                lang={lang} t={t} shelters={mapShelters} person={place?.lngLat ?? null}
                route={selected?.route ?? null} selectedId={selectedId}
                onTap={(p) => setPlace({ lngLat: p, source: 'tap' })}
              />
            </Suspense>
          ) : (
            <button type="button" className="button" onClick={() => setMapWanted(true)} disabled={!data}>{t('map.show')}</button>
          )}
        </section>
      </main>
    </>
  );
}
