/** The page's screen-reader live regions (announce.ts): visually hidden, present from the start. */
import { useStore } from 'zustand';
import { announceStore } from './announce.ts';

export function LiveRegion() {
  const polite = useStore(announceStore, (s) => s.polite);
  const assertive = useStore(announceStore, (s) => s.assertive);
  // Keyed on the serial: a new text node each time, which screen readers read even when the text repeats.
  return (
    <>
      <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="live-polite">
        <span key={polite.serial}>{polite.text}</span>
      </div>
      <div className="sr-only" aria-live="assertive" aria-atomic="true" data-testid="live-assertive">
        <span key={assertive.serial}>{assertive.text}</span>
      </div>
    </>
  );
}
