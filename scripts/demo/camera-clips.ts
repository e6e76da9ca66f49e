/**
 * The synthetic camera clips of the demo (示意): a few short HLS clips and JPEG snapshots served from
 * the app's own origin (public/demo-cameras/ → dist/demo-cameras/), so the cameras play offline.
 * The demo data points every camera at one of them (demoCameraStream); the clips themselves are made
 * by scripts/generate-camera-clips.ts with Debian's ffmpeg.
 */

export const CAMERA_CLIPS_DIR = 'demo-cameras';

/** HLS clips (H.264 in MPEG-TS segments): shelter and mine cameras stream one of these. */
export const HLS_CLIP_COUNT = 3;
/** JPEG snapshots: rain and water gauges show one of these. */
export const SNAPSHOT_COUNT = 2;

export const hlsClipPath = (k: number) => `${CAMERA_CLIPS_DIR}/hls/clip-${k}/index.m3u8`;
export const snapshotPath = (k: number) => `${CAMERA_CLIPS_DIR}/snapshot-${k}.jpg`;

/**
 * The stream of a demo camera: a same-origin path relative to the page (no scheme, no host), chosen
 * by the camera's number so it does not depend on the generator's random draws.
 */
export function demoCameraStream(cameraId: string, cameraType: 'rain_gauge' | 'water_gauge' | 'shelter' | 'mine'): { protocol: 'hls' | 'snapshot'; url: string } {
  const n = Number(cameraId.replace(/\D/g, '')) || 0;
  if (cameraType === 'rain_gauge' || cameraType === 'water_gauge') return { protocol: 'snapshot', url: snapshotPath((n % SNAPSHOT_COUNT) + 1) };
  return { protocol: 'hls', url: hlsClipPath((n % HLS_CLIP_COUNT) + 1) };
}
