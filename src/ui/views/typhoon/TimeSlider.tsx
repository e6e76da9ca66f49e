import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { beijingShort, utcShort } from './state/format';

interface Props {
  hoursMs: readonly number[];
  index: number;
  onIndex: (index: number) => void;
}

const PLAY_STEP_MS = 600;

/** The chosen hour: a slider over the track's hourly steps, with play/pause and single steps. */
export function TimeSlider({ hoursMs, index, onIndex }: Props) {
  const { t } = useTranslation();
  const [playing, setPlaying] = useState(false);
  const last = hoursMs.length - 1;
  useEffect(() => {
    if (!playing) return;
    if (index >= last) { setPlaying(false); return; }
    const timer = setTimeout(() => onIndex(index + 1), PLAY_STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, index, last, onIndex]);
  const now = hoursMs[index];
  return (
    <div className="typhoon-slider">
      <div className="typhoon-slider-row">
        <button type="button" onClick={() => setPlaying((p) => !p)} data-testid="typhoon-play" aria-pressed={playing}>
          {playing ? t('typhoon.time.pause') : t('typhoon.time.play')}
        </button>
        <button type="button" onClick={() => onIndex(Math.max(0, index - 1))} disabled={index <= 0} aria-label={t('typhoon.time.back')}>−1h</button>
        <input
          type="range" min={0} max={Math.max(0, last)} step={1} value={index}
          onChange={(e) => onIndex(Number(e.currentTarget.value))}
          aria-label={t('typhoon.time.label')}
          data-testid="typhoon-slider"
        />
        <button type="button" onClick={() => onIndex(Math.min(last, index + 1))} disabled={index >= last} aria-label={t('typhoon.time.forward')}>+1h</button>
      </div>
      {now !== undefined && (
        <p className="typhoon-now" data-testid="typhoon-time" data-time={new Date(now).toISOString()}>
          <strong>{beijingShort(now)}</strong> {t('typhoon.time.beijing')} · {utcShort(now)}
        </p>
      )}
    </div>
  );
}
