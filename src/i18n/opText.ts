/**
 * An op's words in the current language. The op registry is the single source of the English
 * (description, palette category, derivative convention, attr and layer-setting text); other
 * languages keep their translation beside the catalogs (catalog/es/ops.ts), keyed by op name.
 * Op names and symbols are notation and are never translated.
 */
import type { AttrSpec, Category, OpDef, SettingFormField } from '../../graph-engine/index.ts';
import { currentLanguage } from './i18n.ts';
import { categoriesEs, opsEs, type OpTextEs } from './catalog/es/ops.ts';

/** The translation of `op` in the current language, or undefined where the registry's English applies. */
const translated = (op: OpDef): OpTextEs | undefined => (currentLanguage() === 'es' ? opsEs[op.name] : undefined);

/** What the op does, in one line (palette, quick add, the card's symbol tooltip, the inspector). */
export const opDescription = (op: OpDef): string => translated(op)?.description ?? op.description;

/** How the op takes an undefined derivative, when the registry says. */
export const opConvention = (op: OpDef): string | undefined => (op.convention === undefined ? undefined : (translated(op)?.convention ?? op.convention));

/** What a numeric attr of the op means (its field's tooltip in the inspector). */
export const attrDescription = (op: OpDef, spec: AttrSpec): string => translated(op)?.attrs?.[spec.name] ?? spec.description;

/** A layer setting's label and hint in the inspector. */
export function settingText(op: OpDef, field: SettingFormField): { label: string; hint: string } {
  return translated(op)?.settings?.[field.attr] ?? { label: field.label, hint: field.hint };
}

/** A palette category's name. */
export const categoryName = (category: Category): string => (currentLanguage() === 'es' ? categoriesEs[category] : category);
