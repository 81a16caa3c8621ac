/** What the welcome's three ways in do. Each closes the welcome (for good) and Help. */
import { editorStore } from '../store/useEditor.ts';
import { openBundledLesson } from '../modes/learn/openLesson.ts';
import { requestNewGraph } from '../toolbar/newGraph.ts';
import { openSamplesMenu } from '../toolbar/SamplesMenu.tsx';
import { openDrawer } from '../narrow/drawers.ts';
import { closeHelp, dismissWelcome } from './onboardingStore.ts';

function leaveOnboarding(): void {
  dismissWelcome();
  closeHelp();
}

/** The lesson the welcome's Learn opens: the chain rule, the graph a first visit already shows. */
const FIRST_LESSON = 'computational-graph';

/** Learn: the chain-rule lesson in Learn mode, at its first step. */
export async function startLearning(): Promise<void> {
  leaveOnboarding();
  await openBundledLesson(FIRST_LESSON);
}

/** Build from scratch: an empty graph (asking first when the current one has unsaved changes), palette search focused. */
export function buildFromScratch(): void {
  leaveOnboarding();
  editorStore.getState().setMode('build');
  requestNewGraph(focusPalette);
}

/** Open a sample: the toolbar's Samples menu, open, its first item focused. */
export function chooseSample(): void {
  leaveOnboarding();
  openSamplesMenu();
}

/** The palette's search box, once the palette is on screen (in its drawer on a narrow screen). */
function focusPalette(): void {
  openDrawer('palette');
  requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.palette__search')?.focus());
}
