/**
 * For teachers: "Save as lesson step" turns the graph on the canvas into a step skeleton whose
 * checks hold its current numbers as targets, to download (as a one-step lesson that opens in Learn
 * as it is) or copy (the step alone, to paste into a lesson's "steps").
 */
import { copyText } from '../../ui/copyText.ts';
import { useState } from 'react';
import { downloadText, fileNameFor } from '../../io/files.ts';
import { editorStore } from '../../store/useEditor.ts';
import { stepSkeleton } from '../../../graph-engine/index.ts';
import { lessonOfStep } from './saveStep.ts';

export function SaveStep() {
  const [copied, setCopied] = useState<string>();
  const skeleton = () => {
    const { model, mode } = editorStore.getState();
    return stepSkeleton(model, mode);
  };
  return (
    <details className="learn-teacher">
      <summary>For teachers: save this graph as a lesson step</summary>
      <p className="small muted">
        The step holds the graph on the canvas, in the current mode, with checks whose targets are its current numbers (the loss, and each input’s and
        parameter’s gradient). Edit the text, the graph students start from and the targets.
      </p>
      <div className="learn-row">
        <button
          type="button"
          className="learn-btn"
          onClick={async () => {
            const step = await skeleton();
            downloadText(`${JSON.stringify(lessonOfStep(step), null, 2)}\n`, fileNameFor({ ...editorStore.getState().model, name: `lesson ${step.title}` }));
          }}
        >
          Save as lesson step
        </button>
        <button
          type="button"
          className="learn-btn"
          onClick={async () => {
            const text = JSON.stringify(await skeleton(), null, 2);
            setCopied(
              (await copyText(text)) ? 'Copied the step: paste it into a lesson’s "steps".' : 'The browser did not allow copying; use Save as lesson step.',
            );
          }}
        >
          Copy step JSON
        </button>
      </div>
      {copied && (
        <p className="small" role="status">
          {copied}
        </p>
      )}
    </details>
  );
}
