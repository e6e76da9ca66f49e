import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera } from '../../../../io/schemas/resource';
import { CameraPlayer } from './CameraPlayer';
import { nearestCameras } from './state/nearest-cameras';
import { MAX_OPEN_PLAYERS, closePlayer, openPlayer } from './state/open-players';

export interface NearestCamerasProps {
  /** The incident, [lng, lat] WGS-84. */
  incident: readonly [number, number];
  cameras: readonly Camera[];
  lang: string;
  /** How many cameras the list shows (default 8). */
  count?: number;
}

/**
 * The cameras nearest the incident (straight line, and the list says so) with type and distance,
 * and up to four players open at once; a fifth asks the officer to close one first.
 */
export function NearestCameras({ incident, cameras, lang, count = 8 }: NearestCamerasProps) {
  const { t } = useTranslation();
  const ranked = useMemo(() => nearestCameras(cameras, incident, count), [cameras, incident, count]);
  const byId = useMemo(() => new Map(cameras.map((c) => [c.id, c])), [cameras]);
  const [open, setOpen] = useState<readonly string[]>([]);
  const [refused, setRefused] = useState<string | null>(null);
  const nameOf = (c: Camera) => (lang === 'en' && c.nameEn ? c.nameEn : c.name);
  const km = (m: number) => (m < 1000 ? `${Math.round(m)} m` : `${(m / 1000).toFixed(m < 10_000 ? 2 : 1)} km`);

  const onOpen = (id: string) => {
    const r = openPlayer(open, id);
    setOpen(r.open);
    setRefused(r.ok ? null : id);
  };
  const onClose = (id: string) => {
    setOpen((prev) => closePlayer(prev, id));
    setRefused(null);
  };

  return (
    <section className="nearest-cameras" data-testid="nearest-cameras">
      <h3>{t('cameras.title')}</h3>
      <p className="hint" data-testid="cameras-basis">{t('cameras.straightLine')}</p>
      <ol className="camera-list">
        {ranked.map(({ camera, straightLineMeters }) => {
          const isOpen = open.includes(camera.id);
          return (
            <li key={camera.id} data-testid={`camera-row-${camera.id}`} data-meters={Math.round(straightLineMeters)}>
              <span className="camera-row-name">{nameOf(camera)}</span>
              <span className="camera-row-meta">
                {t(`cameraType.${camera.cameraType}`)} · {km(straightLineMeters)}
                {camera.status !== 'active' && <> · {t(`status.${camera.status}`)}</>}
              </span>
              <button type="button" onClick={() => (isOpen ? onClose(camera.id) : onOpen(camera.id))} data-testid={`camera-open-${camera.id}`} aria-pressed={isOpen}>
                {isOpen ? t('cameras.closePlayer') : t('cameras.open')}
              </button>
            </li>
          );
        })}
      </ol>
      {refused && (
        <p className="camera-refused" role="alert" data-testid="camera-refused">
          {t('cameras.full', { max: MAX_OPEN_PLAYERS })}
        </p>
      )}
      {open.length > 0 && (
        <div className="camera-wall" data-testid="camera-wall">
          {open.map((id) => {
            const camera = byId.get(id);
            return camera ? <CameraPlayer key={id} camera={camera} name={nameOf(camera)} onClose={() => onClose(id)} /> : null;
          })}
        </div>
      )}
    </section>
  );
}
