/** Build / Teach / Train / Learn: the switch the toolbar and the embed's bar both show. */
import { LEARN, MODES } from '../store/editorStore.ts';
import { editorStore, useEditor } from '../store/useEditor.ts';

/** Tooltips of the mode buttons (user-facing text, together for a later catalog). */
const MODE_TITLES: Record<string, string> = {
  build: 'Build: add ops from the palette, wire them, edit them in the inspector',
  teach: 'Teach: step through the forward and backward passes one node at a time',
  train: 'Train: fit the graph’s parameters to a dataset and watch the loss fall',
  learn: 'Learn: lessons beside the canvas, with tasks that check your graph and answers',
};

export function ModeSwitch() {
  const mode = useEditor((s) => s.mode);
  const learn = useEditor((s) => s.learn);
  const store = editorStore.getState();
  return (
    <div className="mode-switch" role="group" aria-label="Mode">
      {MODES.map((m) => (
        <button
          key={m.id}
          type="button"
          aria-pressed={!learn && mode === m.id}
          className={!learn && mode === m.id ? 'is-active' : ''}
          title={MODE_TITLES[m.id]}
          onClick={() => store.setMode(m.id)}
        >
          {m.name}
        </button>
      ))}
      <button type="button" aria-pressed={learn} className={learn ? 'is-active' : ''} title={MODE_TITLES[LEARN.id]} onClick={() => store.setLearn(true)}>
        {LEARN.name}
      </button>
    </div>
  );
}
