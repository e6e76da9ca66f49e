import { useTranslation } from 'react-i18next';

interface Props {
  onFile: (file: File) => void;
  onDemo: (id: 'gaemi-ibtracs' | 'gaemi-zhejiang') => void;
  busy: boolean;
}

/** A file picker for any supported track, and the two demo tracks one click away. */
export function TrackLoader({ onFile, onDemo, busy }: Props) {
  const { t } = useTranslation();
  return (
    <div className="typhoon-loader">
      <label className="typhoon-file">
        {t('typhoon.load.file')}
        <input
          type="file"
          accept=".json,.csv,.txt,.dat,.geojson,.js"
          data-testid="typhoon-file"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) onFile(f);
            e.currentTarget.value = '';
          }}
        />
      </label>
      <p className="hint">{t('typhoon.load.formats')}</p>
      <div className="typhoon-demo-buttons">
        <button type="button" disabled={busy} onClick={() => onDemo('gaemi-ibtracs')} data-testid="typhoon-demo-ibtracs">{t('typhoon.load.demoIbtracs')}</button>
        <button type="button" disabled={busy} onClick={() => onDemo('gaemi-zhejiang')} data-testid="typhoon-demo-zhejiang">{t('typhoon.load.demoZhejiang')}</button>
      </div>
    </div>
  );
}
