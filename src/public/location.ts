export type LocateFailure = 'permission' | 'unavailable' | 'timeout' | 'unsupported';

export interface LocateOk {
  readonly lngLat: [number, number];
  readonly accuracyMeters: number;
}

/** One position from the phone (asked only when the person presses the button, or when already granted). */
export function locateOnce(timeoutMs = 15_000): Promise<LocateOk> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) return reject(new LocateError('unsupported'));
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lngLat: [p.coords.longitude, p.coords.latitude], accuracyMeters: p.coords.accuracy }),
      (e) => reject(new LocateError(e.code === e.PERMISSION_DENIED ? 'permission' : e.code === e.TIMEOUT ? 'timeout' : 'unavailable')),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}

export class LocateError extends Error {
  constructor(readonly failure: LocateFailure) {
    super(`location: ${failure}`);
    this.name = 'LocateError';
  }
}

/** Has the person already allowed location for this site (so we may locate without asking again)? */
export async function locationAlreadyGranted(): Promise<boolean> {
  try {
    const status = await navigator.permissions?.query({ name: 'geolocation' as PermissionName });
    return status?.state === 'granted';
  } catch {
    return false;
  }
}

/** Can this browser draw a WebGL map at all? (No: the list alone, which is the answer anyway.) */
export function webglAvailable(): boolean {
  try {
    const c = document.createElement('canvas');
    return !!c.getContext('webgl2'); // MapLibre 5+ draws with WebGL2 only
  } catch {
    return false;
  }
}
