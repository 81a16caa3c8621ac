/** The Samples menu: the same samples/*.json files that `/?sample=<name>` links open. */
import { samples } from '../io/samples.ts';
import { openSample } from '../io/startup.ts';
import { Menu } from '../ui/Menu.tsx';

const title = (name: string) => name.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

export function SamplesMenu() {
  return <Menu name="Samples" button="Samples ▾" items={samples.map((s) => ({ label: title(s.name), run: () => openSample(s.name) }))} />;
}
