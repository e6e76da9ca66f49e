import { useTranslation } from 'react-i18next';
import type { Closure } from '../state/duty-params';

export type ClosingMode = 'line' | 'area' | 'segment' | null;

export interface ClosuresSectionProps {
  closures: readonly Closure[];
  /** per closure, the road segments it closes (null while counting) */
  segmentCounts: readonly (number | null)[];
  mode: ClosingMode;
  onMode: (mode: ClosingMode) => void;
  onRemove: (index: number) => void;
}

/** Close roads by a line across them, a flooded area, or a click on a segment; listed and removable. */
export function ClosuresSection({ closures, segmentCounts, mode, onMode, onRemove }: ClosuresSectionProps) {
  const { t } = useTranslation();
  const modes: Exclude<ClosingMode, null>[] = ['line', 'area', 'segment'];
  return (
    <section className="duty-section duty-closures" data-testid="duty-closures">
      <h3>{t('duty.closures.title')}</h3>
      <div className="closure-modes">
        {modes.map((m) => (
          <button key={m} type="button" aria-pressed={mode === m} data-testid={`closure-mode-${m}`} onClick={() => onMode(mode === m ? null : m)}>
            {t(`duty.closures.mode.${m}`)}
          </button>
        ))}
      </div>
      {mode && <p className="hint" role="status" data-testid="closure-help">{t(`duty.closures.help.${mode}`)}</p>}
      {closures.length > 0 && (
        <ol className="closure-list">
          {closures.map((c, i) => (
            <li key={i} data-testid={`closure-${i}`}>
              {t(`duty.closures.kind.${c.type}`)} · {segmentCounts[i] === null || segmentCounts[i] === undefined ? t('duty.closures.counting') : t('duty.closures.segments', { n: segmentCounts[i] })}
              <button type="button" className="link" onClick={() => onRemove(i)} data-testid={`closure-remove-${i}`}>{t('duty.closures.remove')}</button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
