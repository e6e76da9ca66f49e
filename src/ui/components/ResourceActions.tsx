import { useTranslation } from 'react-i18next';
import type { Resource, ResourceKind } from '../../io/schemas/resource';
import { MINUTE_BAND_COLORS } from '../../map/layers/polygon-bands-layer';

/** The rescue forces whose 15-minute circle (15分钟应急救援圈) can be drawn. */
export const RESCUE_FORCE_KINDS: readonly ResourceKind[] = ['fire_station', 'rescue_team'];

export type CircleStatus =
  | { state: 'idle' }
  | { state: 'computing' }
  | { state: 'ready'; bandsMinutes: readonly number[] }
  | { state: 'unreachable' }
  | { state: 'failed'; message: string };

export interface ResourceActionsProps {
  resource: Resource;
  /** id of the resource whose circle is drawn now, if any */
  circleId: string | null;
  circle: CircleStatus;
  onToggleCircle: (resource: Resource) => void;
}

const rgba = ([r, g, b, a]: readonly [number, number, number, number]) => `rgba(${r},${g},${b},${(a / 255).toFixed(2)})`;

/** Actions under a resource's details: show or hide its rescue circle, with its state and legend. */
export function ResourceActions({ resource, circleId, circle, onToggleCircle }: ResourceActionsProps) {
  const { t } = useTranslation();
  if (!RESCUE_FORCE_KINDS.includes(resource.kind)) return null;
  const shown = circleId === resource.id;
  return (
    <section className="resource-actions" data-testid="rescue-circle">
      <button type="button" className="action" data-testid="rescue-circle-toggle" onClick={() => onToggleCircle(resource)} aria-pressed={shown}>
        {shown ? t('circle.hide') : t('circle.show')}
      </button>
      {shown && circle.state === 'computing' && <p className="action-note" role="status">{t('circle.computing')}</p>}
      {shown && circle.state === 'unreachable' && <p className="action-note error" role="alert">{t('circle.unreachable')}</p>}
      {shown && circle.state === 'failed' && <p className="action-note error" role="alert">{t('circle.failed', { message: circle.message })}</p>}
      {shown && circle.state === 'ready' && (
        <>
          <ul className="band-legend" data-testid="rescue-circle-legend">
            {circle.bandsMinutes.map((m) => (
              <li key={m}>
                <span className="swatch" style={{ background: rgba(MINUTE_BAND_COLORS[String(m)] ?? [120, 120, 120, 60]) }} />
                {t('circle.band', { minutes: m })}
              </li>
            ))}
          </ul>
          <p className="action-note">{t('circle.note')}</p>
        </>
      )}
    </section>
  );
}
