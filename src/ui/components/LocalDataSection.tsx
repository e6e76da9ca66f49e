import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resource, Shelter } from '../../io/schemas/resource';
import type { LocalData } from '../../queries/local/merge-local';
import { useShelterEdits, type ShelterEdit } from '../../queries/local/shelter-edits';
import { formatBeijingTime } from '../state/format-time';

/**
 * Under a resource's details: where an imported row came from (file and time), and for a shelter
 * the duty night's update — open or not, people sheltered now — kept in this browser (IndexedDB)
 * by id and laid over the row everywhere (counts, lists, exports).
 */
export function LocalDataSection({ resource, local }: { resource: Resource; local: LocalData | undefined }) {
  const { t } = useTranslation();
  const from = local?.importedFrom.get(resource.id);
  const edit = local?.edited.get(resource.id);
  return (
    <>
      {from && (
        <p className="action-note" data-testid="detail-source">
          {t('import.local.from', { file: from.sourceFile, time: formatBeijingTime(from.importedAt) })}
        </p>
      )}
      {resource.kind === 'shelter' && <ShelterEditor key={`${resource.id}:${resource.updatedAt}`} shelter={resource} edit={edit} />}
    </>
  );
}

function ShelterEditor({ shelter, edit }: { shelter: Shelter; edit: ShelterEdit | undefined }) {
  const { t } = useTranslation();
  const { save, clear, error: storeError } = useShelterEdits();
  const [open, setOpen] = useState(shelter.open);
  const [occupancy, setOccupancy] = useState(String(shelter.occupancy));
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setSaved(false), [open, occupancy]);
  const n = Number(occupancy.trim());
  const problem = occupancy.trim() === '' || !Number.isInteger(n) || n < 0
    ? t('import.edit.notCount', { value: occupancy })
    : n > shelter.capacity ? t('import.edit.overCapacity', { value: n, capacity: shelter.capacity }) : null;
  const changed = open !== shelter.open || (problem === null && n !== shelter.occupancy);
  const onSave = async () => {
    if (problem) return;
    try {
      await save({ id: shelter.id, open, occupancy: n, editedAt: new Date().toISOString() });
      setFailure(null);
      setSaved(true);
    } catch (err) {
      setFailure((err as Error).message);
    }
  };
  return (
    <section className="resource-actions shelter-edit" data-testid="shelter-edit" aria-label={t('import.edit.title')}>
      <h3>{t('import.edit.title')}</h3>
      <label className="shelter-edit-row">
        <input type="checkbox" checked={open} onChange={(e) => setOpen(e.target.checked)} data-testid="shelter-edit-open" />
        {t('import.edit.open')}
      </label>
      <label className="shelter-edit-row">
        {t('import.edit.occupancy', { capacity: shelter.capacity.toLocaleString() })}
        <input type="number" min={0} max={shelter.capacity} step={1} value={occupancy} onChange={(e) => setOccupancy(e.target.value)} data-testid="shelter-edit-occupancy" aria-invalid={problem !== null} />
      </label>
      {problem && <p className="action-note error" role="alert" data-testid="shelter-edit-problem">{problem}</p>}
      <div className="shelter-edit-buttons">
        <button type="button" className="action" disabled={!changed || problem !== null} onClick={() => void onSave()} data-testid="shelter-edit-save">{t('import.edit.save')}</button>
        {edit && (
          <button type="button" className="action secondary" onClick={() => void clear(shelter.id)} data-testid="shelter-edit-reset">{t('import.edit.reset')}</button>
        )}
      </div>
      {saved && !edit && <p className="action-note" role="status">{t('import.edit.saving')}</p>}
      {edit && <p className="action-note" data-testid="shelter-edit-note">{t('import.edit.kept', { time: formatBeijingTime(edit.editedAt) })}</p>}
      {(failure ?? storeError) && <p className="action-note error" role="alert">{t('import.storeError', { message: failure ?? storeError })}</p>}
    </section>
  );
}
