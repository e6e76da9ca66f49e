import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kindLabel } from '../../config/resource-kinds';
import { searchEntries, type SearchEntry } from '../state/search';
import { KindIcon } from './KindIcon';

export interface SearchBoxProps {
  entries: readonly SearchEntry[];
  onSelect: (entry: SearchEntry) => void;
}

/** Search by name across resources, villages and townships; Enter picks the first result. */
export function SearchBox({ entries, onSelect }: SearchBoxProps) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const listId = useId();
  const results = useMemo(() => searchEntries(entries, query, 10), [entries, query]);
  const en = i18n.language === 'en';

  const choose = (entry: SearchEntry) => {
    onSelect(entry);
    setOpen(false);
    setQuery(en && entry.nameEn ? entry.nameEn : entry.name);
  };

  const typeLabel = (e: SearchEntry) =>
    e.kind ? kindLabel(e.kind, i18n.language) : e.target === 'village' ? t('search.village') : t('search.township');

  return (
    <div className="search-box">
      <input
        type="search"
        value={query}
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        aria-controls={listId}
        data-testid="search-input"
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && results[0]) choose(results[0]);
          if (e.key === 'Escape') setOpen(false);
        }}
      />
      {open && query.trim() !== '' && (
        <ul className="search-results" id={listId} role="listbox" data-testid="search-results">
          {results.length === 0 && <li className="search-empty">{t('search.noResults')}</li>}
          {results.map((r) => (
            <li key={`${r.target}-${r.id}`} role="option" aria-selected="false">
              <button type="button" onClick={() => choose(r)} data-testid={`search-result-${r.id}`}>
                {r.kind ? <KindIcon kind={r.kind} sizePixels={16} /> : <span className={`place-dot place-${r.target}`} />}
                <span className="search-name">{en && r.nameEn ? r.nameEn : r.name}</span>
                <span className="search-type">{typeLabel(r)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
