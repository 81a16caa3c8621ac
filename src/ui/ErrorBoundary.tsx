/**
 * Keeps a failing part of the editor (a panel, the canvas, the toolbar) from taking the rest, and
 * the user's graph, down with it: the part shows what failed and ways out (try again, undo the
 * last change, save the graph as a file), never a blank page.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { saveModel } from '../io/files.ts';
import { flushAutosave } from '../store/autosaveSession.ts';
import { editorStore } from '../store/useEditor.ts';

interface Props {
  /** What this part is called in the message, e.g. "canvas". */
  name: string;
  /** A change of this value (e.g. the mode) starts the part afresh. */
  resetKey?: unknown;
  children: ReactNode;
}

interface State {
  error?: Error;
  resetKey?: unknown;
}

export class ErrorBoundary extends Component<Props, State> {
  state: State = { resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: undefined, resetKey: props.resetKey };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`GraphGrad: the ${this.props.name} failed`, error, info.componentStack);
    flushAutosave();
  }

  private retry = () => this.setState({ error: undefined });

  private undo = () => {
    editorStore.getState().undo();
    this.retry();
  };

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <ErrorPanel name={this.props.name} error={error} retry={this.retry} undo={this.undo} />;
  }
}

/** The parts App.tsx names, by their catalog key ("teach panel" is teachPanel). */
const PARTS = ['editor', 'toolbar', 'palette', 'canvas', 'inspector', 'teachPanel', 'trainPanel', 'learnPanel'] as const;
const partKey = (name: string) => PARTS.find((p) => p === name.replace(/ (\w)/g, (_, c: string) => c.toUpperCase()));

/** What failed and the ways out, in the current language (a function component, so a language switch re-renders it). */
function ErrorPanel({ name, error, retry, undo }: { name: string; error: Error; retry: () => void; undo: () => void }) {
  const { t } = useTranslation();
  const canUndo = editorStore.getState().history.past.length > 0;
  const part = partKey(name);
  return (
    <div className={`panel-error panel-error--${name.replace(/\W+/g, '-')}`} role="alert">
      <strong>{part ? t(`ui.errorBoundary.parts.${part}`) : t('ui.errorBoundary.other', { part: name })}</strong>
      <p>{t('ui.errorBoundary.safe')}</p>
      <pre>{error.message || error.name}</pre>
      <div className="panel-error__actions">
        <button type="button" onClick={retry}>
          {t('ui.errorBoundary.retry')}
        </button>
        {canUndo && (
          <button type="button" onClick={undo}>
            {t('ui.errorBoundary.undo')}
          </button>
        )}
        <button type="button" onClick={() => saveModel(editorStore.getState().model)}>
          {t('ui.errorBoundary.save')}
        </button>
      </div>
    </div>
  );
}
