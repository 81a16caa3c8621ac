/** Catalog keys are typed: `t('toolbar.open')` with a key English lacks fails the type check. */
import 'i18next';
import type { en } from './catalog/en/index.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    returnNull: false;
  }
}
