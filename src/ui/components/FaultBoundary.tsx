import { Component, type ComponentType, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isChunkLoadError, reportChunkMissing, useChunkMissing } from '../state/reload-prompt';

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
  // A lazily loaded part that is missing: the one reload prompt (ReloadPrompt) says so.
  return isChunkLoadError(error) ? null : <ReloadBanner text={t('faults.crashed', { message: error.message })} testId="app-crashed" />;
}

/** A render error (or a lazily loaded part that is missing) gives a plain message and a reload button, never a white page. */
export class FaultBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    if (isChunkLoadError(error)) reportChunkMissing((error as Error).message);
    console.warn('the interface stopped:', (error as Error)?.message, info.componentStack?.split('\n').slice(0, 4).join(' '));
  }

  override render(): ReactNode {
    return this.state.error ? <CrashMessage error={this.state.error} /> : this.props.children;
  }
}

/**
 * A view inside its own boundary: its crash, or a lazily loaded part of it that is missing, leaves
 * the map, the layer panel and the other views working.
 */
export function withFaultBoundary<P extends object>(View: ComponentType<P>): ComponentType<P> {
  const Guarded = (props: P) => (
    <FaultBoundary>
      <View {...props} />
    </FaultBoundary>
  );
  Guarded.displayName = `WithFaultBoundary(${View.displayName ?? View.name})`;
  return Guarded;
}
