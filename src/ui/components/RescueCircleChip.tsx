import { useTranslation } from 'react-i18next';

export interface RescueCircleChipProps {
  name: string;
  onClear: () => void;
}

/** While a rescue circle is drawn, says whose it is and clears it, even with the panel closed. */
export function RescueCircleChip({ name, onClear }: RescueCircleChipProps) {
  const { t } = useTranslation();
  return (
    <div className="circle-chip" data-testid="rescue-circle-chip">
      <span>{t('circle.chip', { name })}</span>
      <button type="button" onClick={onClear} aria-label={t('circle.hide')}>×</button>
    </div>
  );
}
