import { CoreError } from '../errors';
import emergencyDefault from './emergency-default.profile.json';
import walking from './walking.profile.json';

/** Vehicle speeds by OSM highway class (road-network.md). */
export interface SpeedProfile {
  readonly name: string;
  readonly speedsKmh: Readonly<Record<string, number>>;
  /** speed of the straight off-network leg between a point and its snap, km/h */
  readonly offRoadKmh: number;
  /** farther than this from every road, a point is unreachable */
  readonly maxSnapMeters: number;
  /** false: every way is travelled both ways whatever its oneway tags (the walking profile) */
  readonly onewayApplies: boolean;
}

/** The reference profile of the spec; must stay available by this name. */
export const EMERGENCY_DEFAULT_PROFILE: SpeedProfile = Object.freeze({
  name: emergencyDefault.name,
  speedsKmh: Object.freeze({ ...emergencyDefault.speedsKmh }),
  offRoadKmh: emergencyDefault.offRoadKmh,
  maxSnapMeters: emergencyDefault.maxSnapMeters,
  onewayApplies: true,
});

/** People on foot to a shelter (road-network.md, "Profile walking"): footways count, one-way tags do not. */
export const WALKING_PROFILE: SpeedProfile = Object.freeze({
  name: walking.name,
  speedsKmh: Object.freeze({ ...walking.speedsKmh }),
  offRoadKmh: walking.offRoadKmh,
  maxSnapMeters: walking.maxSnapMeters,
  onewayApplies: walking.onewayApplies,
});

/** Known profiles by name; a Map, so a user's string never reaches Object.prototype. */
const PROFILES: ReadonlyMap<string, SpeedProfile> = new Map([
  [EMERGENCY_DEFAULT_PROFILE.name, EMERGENCY_DEFAULT_PROFILE],
  [WALKING_PROFILE.name, WALKING_PROFILE],
]);

/** Looks a profile up by name. @throws CoreError('invalid-argument') naming the unknown profile. */
export function getSpeedProfile(name: string): SpeedProfile {
  const p = PROFILES.get(name);
  if (!p) throw new CoreError('invalid-argument', `unknown speed profile "${name}" (known: ${[...PROFILES.keys()].join(', ')})`);
  return p;
}

export function kmhToMetersPerSecond(kmh: number): number {
  return kmh / 3.6;
}

/** Which ways a road may be travelled along its node order. */
export interface WayDirection {
  readonly forward: boolean;
  readonly backward: boolean;
}

/** Direction rules of road-network.md: oneway tags, roundabouts and motorways. */
export function wayDirection(tags: Readonly<Record<string, string | undefined>>): WayDirection {
  const oneway = tags.oneway?.trim().toLowerCase();
  if (oneway === 'yes' || oneway === 'true' || oneway === '1') return { forward: true, backward: false };
  if (oneway === '-1' || oneway === 'reverse') return { forward: false, backward: true };
  if (oneway !== 'no' && (tags.junction === 'roundabout' || tags.highway === 'motorway')) {
    return { forward: true, backward: false };
  }
  return { forward: true, backward: true };
}
