/** The Samples menu: the same samples/*.json files that `/?sample=<name>` links open, grouped in teaching order. */
import { useTranslation } from 'react-i18next';
import { samples } from '../io/samples.ts';
import { sampleBlurb, sampleLabel } from '../io/sampleCatalog.ts';
import { openSample } from '../io/startup.ts';
import { Menu } from '../ui/Menu.tsx';
import './samplesMenu.css';

const ACRONYMS: Record<string, string> = { mlp: 'MLP', xor: 'XOR' };
/** "xor-mlp" -> "XOR MLP": the name of a sample the catalog does not know (tests/samples-menu.test.ts keeps that from shipping). */
const shortName = (file: string) =>
  file
    .split('-')
    .map((w, i) => ACRONYMS[w] ?? (i === 0 ? w[0].toUpperCase() + w.slice(1) : w))
    .join(' ');

export function SamplesMenu() {
  const { t } = useTranslation();
  return (
    <div className="samples-menu">
      <Menu
        name={t('toolbar.samples.name')}
        button={t('toolbar.samples.button')}
        title={t('toolbar.samples.title')}
        items={samples.map((s) => ({
          label: sampleLabel(s.name) ?? shortName(s.name),
          detail: sampleBlurb(s.name) ?? s.title,
          hint: `${s.title} (/?sample=${s.name})`,
          group: t(`io.samples.groups.${s.group}`),
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
