// The typhoon demo files, imported with `?url`: fingerprinted into dist/, fetched from the app's own origin.
import gaemiIbtracsUrl from '../../data/typhoon/gaemi-2024-ibtracs.csv?url';
import gaemiZhejiangUrl from '../../data/typhoon/gaemi-2024-zhejiang-layout.json?url';
import villageContactsUrl from '../../data/taishun/village-contacts.json?url';
import villageEvacuationUrl from '../../data/taishun/village-evacuation.json?url';

/** Demo tracks by the id used in the URL hash (`track=`). */
export const DEMO_TRACKS = {
  'gaemi-ibtracs': { url: gaemiIbtracsUrl, fileName: 'gaemi-2024-ibtracs.csv', synthetic: false },
  'gaemi-zhejiang': { url: gaemiZhejiangUrl, fileName: 'gaemi-2024-zhejiang-layout.json', synthetic: true },
} as const;
export type DemoTrackId = keyof typeof DEMO_TRACKS;

export const VILLAGE_CONTACTS_URL = villageContactsUrl;

/** The planner's synthetic people-who-must-move per village. */
export const VILLAGE_EVACUATION_URL = villageEvacuationUrl;
