/** The Samples menu: the same samples/*.json files that `/?sample=<name>` links open. */
import { samples } from '../io/samples.ts';
import { openSample } from '../io/startup.ts';
import { Menu } from '../ui/Menu.tsx';

const ACRONYMS: Record<string, string> = { mlp: 'MLP', xor: 'XOR' };
/** "xor-mlp" -> "XOR MLP", "km-to-miles" -> "Km to miles". */
const shortName = (file: string) =>
  file
    .split('-')
    .map((w, i) => ACRONYMS[w] ?? (i === 0 ? w[0].toUpperCase() + w.slice(1) : w))
    .join(' ');

export function SamplesMenu() {
  return (
    <Menu
      name="Samples"
      button="Samples ▾"
      items={samples.map((s) => ({ label: shortName(s.name), detail: s.title, hint: `/?sample=${s.name}`, run: () => openSample(s.name) }))}
    />
  );
}
