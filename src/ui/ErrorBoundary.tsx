/**
 * Keeps a failing part of the editor (a panel, the canvas, the toolbar) from taking the rest, and
 * the user's graph, down with it: the part shows what failed and ways out (try again, undo the
 * last change, save the graph as a file), never a blank page.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { saveModel } from '../io/files.ts';
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
  }

  private retry = () => this.setState({ error: undefined });

  private undo = () => {
    editorStore.getState().undo();
    this.retry();
  };

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const canUndo = editorStore.getState().history.past.length > 0;
    return (
      <div className={`panel-error panel-error--${this.props.name.replace(/\W+/g, '-')}`} role="alert">
        <strong>The {this.props.name} hit an error.</strong>
        <p>Your graph is safe: it is still in the editor, and autosaved. Try again, undo the last change, or save the graph as a file.</p>
        <pre>{error.message || error.name}</pre>
        <div className="panel-error__actions">
          <button type="button" onClick={this.retry}>
            Try again
          </button>
          {canUndo && (
            <button type="button" onClick={this.undo}>
              Undo last change
            </button>
          )}
          <button type="button" onClick={() => saveModel(editorStore.getState().model)}>
            Save the graph as a file
          </button>
        </div>
      </div>
    );
  }
}
