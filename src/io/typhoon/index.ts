export { readTyphoonTrack, detectTrackFormat, type TrackReadResult } from './read-track';
export { trackToOnemapGeoJson, ONEMAP_TRACK_MARK } from './read-onemap-geojson';
export { zhejiangRadii, CHINESE_THRESHOLDS } from './read-chinese-feed';
export { beijingTimeToUtcMs } from './track-time';
export type { TrackIssue } from './track-issue';
