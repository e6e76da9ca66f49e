import { useTranslation } from 'react-i18next';

/** Shown on every view while the data is the generated demo. */
export function SyntheticBadge() {
  const { t } = useTranslation();
  return (
    <span className="synthetic-badge" data-testid="synthetic-badge" role="note">
      {t('badge.synthetic')}
    </span>
  );
}
