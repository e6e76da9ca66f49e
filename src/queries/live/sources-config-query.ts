import { useQuery } from '@tanstack/react-query';
import { EMPTY_SOURCES, parseSourcesConfig, type SourcesConfigResult } from '../../io/sources/sources-config';

/** sources.json beside index.html: read once per page load, never cached by the browser. */
export function sourcesConfigUrl(): string {
  return new URL('sources.json', document.baseURI).toString();
}

const FALLBACK = 'every layer uses its embedded data';

export async function loadSourcesConfig(signal: AbortSignal): Promise<SourcesConfigResult> {
  const fail = (problem: string): SourcesConfigResult => ({ config: EMPTY_SOURCES, errors: [`sources.json: ${problem}; ${FALLBACK}`] });
  let response: Response;
  try {
    response = await fetch(sourcesConfigUrl(), { signal, cache: 'no-store' });
  } catch (err) {
    if (signal.aborted) throw err;
    return fail(`cannot be read (${(err as Error).message})`);
  }
  if (response.status === 404) return { config: EMPTY_SOURCES, errors: [] };
  if (!response.ok) return fail(`HTTP ${response.status}`);
  const text = await response.text();
  if (/^\s*</.test(text)) return fail('the server sent a web page instead of the file');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return fail(`is not valid JSON (${(err as Error).message})`);
  }
  const result = parseSourcesConfig(json);
  return result.errors.length > 0 ? { config: result.config, errors: [...result.errors, `sources.json: not applied; ${FALLBACK}`] } : result;
}

export function useSourcesConfig() {
  return useQuery({
    queryKey: ['sources-config'],
    queryFn: ({ signal }) => loadSourcesConfig(signal),
    staleTime: Infinity,
    retry: 0,
    networkMode: 'always',
  });
}
