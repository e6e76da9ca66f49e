import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INPUT_CRSES, parseCoordinateInput, type InputCrs } from '../../../../io/coordinates';
import { formatLngLat } from '../state/duty-params';

export interface IncidentSectionProps {
  incident: readonly [number, number] | null;
  /** null: not known yet; false: more than 500 m from every road */
  incidentOnNetwork: boolean | null;
  inCounty: (lngLat: readonly [number, number]) => boolean;
  onPlace: (lngLat: [number, number]) => void;
  onClear: () => void;
}

/** Where the incident is, and typing one in (lng,lat or lat,lng, degrees or 度分秒, WGS-84 / GCJ-02 / BD-09). */
export function IncidentSection({ incident, incidentOnNetwork, inCounty, onPlace, onClear }: IncidentSectionProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [crs, setCrs] = useState<InputCrs>('wgs84');
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);
  const submit = () => {
    const r = parseCoordinateInput(text, crs, inCounty);
    if (!r.ok) {
      setNote({ error: true, text: t(`duty.coords.error.${r.error}`) });
      return;
    }
    const notes = [r.swapped ? t('duty.coords.swapped') : '', r.outsideArea ? t('duty.coords.outside') : '', crs !== 'wgs84' ? t('duty.coords.converted', { crs: t(`duty.coords.crs.${crs}`) }) : ''];
    setNote({ error: false, text: [t('duty.coords.placed', { at: formatLngLat(r.lngLat) }), ...notes].filter(Boolean).join(' ') });
    onPlace(r.lngLat);
  };
  return (
    <section className="duty-section duty-incident">
      {incident ? (
        <p data-testid="duty-incident">
          {t('duty.incident.at')} <code>{formatLngLat(incident)}</code>
          <button type="button" className="link" onClick={onClear} data-testid="duty-incident-clear">{t('duty.incident.clear')}</button>
        </p>
      ) : (
        <p className="hint" data-testid="duty-hint">{t('duty.incident.hint')}</p>
      )}
      {incident && incidentOnNetwork === false && (
        <p className="duty-alert" role="alert" data-testid="duty-off-network">{t('duty.incident.offNetwork')}</p>
      )}
      <form
        className="coords-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <input
          type="text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('duty.coords.placeholder')}
          aria-label={t('duty.coords.label')}
          data-testid="coords-input"
        />
        <select value={crs} onChange={(e) => setCrs(e.target.value as InputCrs)} aria-label={t('duty.coords.crsLabel')} data-testid="coords-crs">
          {INPUT_CRSES.map((c) => (
            <option key={c} value={c}>{t(`duty.coords.crs.${c}`)}</option>
          ))}
        </select>
        <button type="submit" data-testid="coords-submit">{t('duty.coords.submit')}</button>
      </form>
      {note && <p className={note.error ? 'duty-note error' : 'duty-note'} role={note.error ? 'alert' : 'status'} data-testid="coords-note">{note.text}</p>}
    </section>
  );
}
