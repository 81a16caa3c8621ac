/** The Samples menu: the same samples/*.json files that `/?sample=<name>` links open, grouped in teaching order. */
import { samples } from '../io/samples.ts';
import { openSample } from '../io/startup.ts';
import { Menu } from '../ui/Menu.tsx';
import './samplesMenu.css';

const ACRONYMS: Record<string, string> = { mlp: 'MLP', xor: 'XOR' };
/** "xor-mlp" -> "XOR MLP", "km-to-miles" -> "Km to miles". */
const shortName = (file: string) =>
  file
    .split('-')
    .map((w, i) => ACRONYMS[w] ?? (i === 0 ? w[0].toUpperCase() + w.slice(1) : w))
    .join(' ');

/** Tooltip of the menu's button. */
const SAMPLES_TITLE = 'Open a ready-made graph: small ones to step through first, then networks to train';

export function SamplesMenu() {
  return (
    <div className="samples-menu">
      <Menu
        name="Samples"
        button="Samples ▾"
        title={SAMPLES_TITLE}
        items={samples.map((s) => ({
          label: shortName(s.name),
          detail: s.blurb,
          hint: `${s.title} (/?sample=${s.name})`,
          group: s.group,
          run: () => openSample(s.name),
        }))}
      />
    </div>
  );
}

/** Opens the Samples menu as if its button were clicked (the welcome's "Open a sample"). */
export function openSamplesMenu(): void {
  const button = document.querySelector<HTMLButtonElement>('.samples-menu button[aria-haspopup="menu"]');
  if (button?.getAttribute('aria-expanded') !== 'true') button?.click();
}
