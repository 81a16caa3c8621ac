/**
 * Keyboard, screen-reader and touch support that sits beside the editor rather than inside it: the
 * live regions, keyboard wiring, the card menu, Teach steps read aloud, long-press. Mounted once.
 */
import { useEffect } from 'react';
import { LiveRegion } from './LiveRegion.tsx';
import { KeyboardConnect } from './KeyboardConnect.tsx';
import { NodeMenu } from './NodeMenu.tsx';
import { useA11yKeys } from './useA11yKeys.ts';
import { useLongPress } from './useLongPress.ts';
import { announceTeachSteps } from './teachAnnouncer.ts';
import './a11y.css';

export function A11yLayer() {
  useA11yKeys();
  useLongPress();
  useEffect(() => announceTeachSteps(), []);
  return (
    <>
      <LiveRegion />
      <KeyboardConnect />
      <NodeMenu />
    </>
  );
}
