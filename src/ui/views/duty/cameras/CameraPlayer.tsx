import { Component, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera } from '../../../../io/schemas/resource';
import { checkStreamUrl, withRefreshToken } from './state/stream-url';
import hlsWorkerUrl from 'hls.js/dist/hls.worker.js?url';

/** Seconds between two loads of a snapshot image. */
export const SNAPSHOT_REFRESH_SECONDS = 10;

export interface CameraPlayerProps {
  camera: Camera;
  name: string;
  onClose: () => void;
}

/** A camera tile: HLS video through hls.js, or a refreshing snapshot; any failure is an error tile. */
export function CameraPlayer(props: CameraPlayerProps) {
  const { t } = useTranslation();
  return (
    <figure className="camera-tile" data-testid={`camera-player-${props.camera.id}`}>
      <figcaption>
        <span className="camera-tile-name">{props.name}</span>
        <span className="synthetic-tag">{t('detail.synthetic')}</span>
        <button type="button" className="close" onClick={props.onClose} aria-label={t('cameras.close')} data-testid={`camera-close-${props.camera.id}`}>
          ×
        </button>
      </figcaption>
      <TileBoundary fallback={(message) => <ErrorTile id={props.camera.id} message={message} />}>
        <Stream camera={props.camera} />
      </TileBoundary>
    </figure>
  );
}

function Stream({ camera }: { camera: Camera }) {
  const { t } = useTranslation();
  const checked = checkStreamUrl(camera.stream.url, document.baseURI);
  if (!checked.ok) {
    const message = checked.reason === 'scheme' ? t('cameras.error.scheme', { scheme: checked.scheme }) : t('cameras.error.badUrl');
    return <ErrorTile id={camera.id} message={message} />;
  }
  if (camera.stream.protocol === 'snapshot') return <Snapshot id={camera.id} url={checked.url} />;
  if (camera.stream.protocol === 'hls') return <HlsVideo id={camera.id} url={checked.url} />;
  return <ErrorTile id={camera.id} message={t('cameras.error.protocol', { protocol: camera.stream.protocol })} />;
}

function ErrorTile({ id, message }: { id: string; message: string }) {
  const { t } = useTranslation();
  return (
    <div className="camera-error" role="status" data-testid={`camera-error-${id}`}>
      <strong>{t('cameras.error.title')}</strong>
      <span>{message}</span>
    </div>
  );
}

function Snapshot({ id, url }: { id: string; url: string }) {
  const { t } = useTranslation();
  const [token, setToken] = useState(() => Date.now());
  const [failed, setFailed] = useState(false);
  const [loadedAt, setLoadedAt] = useState<Date | null>(null);
  useEffect(() => {
    const timer = window.setInterval(() => setToken(Date.now()), SNAPSHOT_REFRESH_SECONDS * 1000);
    return () => window.clearInterval(timer);
  }, []);
  if (failed) return <ErrorTile id={id} message={t('cameras.error.load')} />;
  return (
    <div className="camera-media">
      <img
        src={withRefreshToken(url, token)}
        alt={t('cameras.snapshotAlt')}
        data-testid={`camera-snapshot-${id}`}
        onLoad={() => setLoadedAt(new Date())}
        onError={() => setFailed(true)}
      />
      <span className="camera-note">
        {loadedAt ? t('cameras.snapshotAt', { time: loadedAt.toLocaleTimeString() }) : t('cameras.loading')} · {t('cameras.refreshEvery', { seconds: SNAPSHOT_REFRESH_SECONDS })}
      </span>
    </div>
  );
}

type HlsModule = typeof import('hls.js');

function HlsVideo({ id, url }: { id: string; url: string }) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    let destroyed = false;
    let destroy = () => {};
    const fail = (detail: string) => {
      if (!destroyed) setError(detail);
    };
    // The demo clips are short recordings: start again at the end, as a live picture would go on.
    const onEnded = () => {
      video.currentTime = 0;
      void video.play().catch(() => undefined);
    };
    const onVideoError = () => fail(video.error?.message || `MediaError ${video.error?.code ?? ''}`);
    video.addEventListener('ended', onEnded);
    video.addEventListener('error', onVideoError);
    // hls.js is loaded only when a player opens (its own chunk).
    void import('hls.js')
      .then(({ default: Hls }: HlsModule) => {
        if (destroyed) return;
        if (Hls.isSupported()) {
          // workerPath: hls.js's transmuxer as a same-origin file — its default blob: worker is refused by the CSP (worker-src 'self')
          const hls = new Hls({ enableWorker: true, workerPath: hlsWorkerUrl, lowLatencyMode: false, manifestLoadingMaxRetry: 1, levelLoadingMaxRetry: 1, fragLoadingMaxRetry: 1 });
          hls.on(Hls.Events.ERROR, (_event, data) => {
            if (data.fatal) {
              fail(`${data.type}: ${data.details}`);
              hls.destroy();
            }
          });
          hls.on(Hls.Events.MANIFEST_PARSED, () => void video.play().catch(() => undefined));
          hls.loadSource(url);
          hls.attachMedia(video);
          destroy = () => hls.destroy();
        } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
          video.src = url; // Safari plays HLS natively
          void video.play().catch(() => undefined);
          destroy = () => video.removeAttribute('src');
        } else {
          fail(t('cameras.error.noMse'));
        }
      })
      .catch((err: unknown) => fail(String(err)));
    return () => {
      destroyed = true;
      video.removeEventListener('ended', onEnded);
      video.removeEventListener('error', onVideoError);
      destroy();
    };
  }, [url, t]);
  if (error) return <ErrorTile id={id} message={t('cameras.error.stream', { detail: error })} />;
  return (
    <div className="camera-media">
      <video ref={videoRef} muted playsInline autoPlay controls data-testid={`camera-video-${id}`} />
    </div>
  );
}

/** A tile that throws shows its error tile; the page and the other tiles go on. */
class TileBoundary extends Component<{ children: ReactNode; fallback: (message: string) => ReactNode }, { message: string | null }> {
  override state = { message: null as string | null };
  static getDerivedStateFromError(err: unknown) {
    return { message: err instanceof Error ? err.message : String(err) };
  }
  override render() {
    return this.state.message !== null ? this.props.fallback(this.state.message) : this.props.children;
  }
}
