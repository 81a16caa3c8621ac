/** "Skip to canvas": the first Tab stop, past the toolbar and the palette's many buttons. */
import { focusCanvas } from './focusNode.ts';

export function SkipLink() {
  return (
    <button type="button" className="skip-link" onClick={focusCanvas}>
      Skip to canvas
    </button>
  );
}
