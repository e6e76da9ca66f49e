import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isChunkLoadError, useChunkMissing } from '../state/reload-prompt';

function ReloadBanner({ text, testId }: { text: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="fault-banner" role="alert" data-testid={testId}>
      <span>{text}</span>
      <button type="button" onClick={() => window.location.reload()} data-testid="fault-reload">
        {t('faults.reload')}
      </button>
    </div>
  );
}

/** Shown over the app when a chunk could not be loaded: the page still works as far as it can. */
export function ReloadPrompt() {
  const { t } = useTranslation();
  const missing = useChunkMissing();
  return missing ? <ReloadBanner text={t('faults.chunkMissing')} testId="chunk-missing" /> : null;
}

function CrashMessage({ error }: { error: Error }) {
  const { t } = useTranslation();
  return isChunkLoadError(error) ? (
    <ReloadBanner text={t('faults.chunkMissing')} testId="chunk-missing" />
  ) : (
    <ReloadBanner text={t('faults.crashed', { message: error.message })} testId="app-crashed" />
  );
}

/** A render error (or a lazily loaded part that is missing) gives a plain message and a reload button, never a white page. */
export class FaultBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.warn('the interface stopped:', (error as Error)?.message, info.componentStack?.split('\n').slice(0, 4).join(' '));
  }

  override render(): ReactNode {
    return this.state.error ? <CrashMessage error={this.state.error} /> : this.props.children;
  }
}
