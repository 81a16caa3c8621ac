/** "Skip to canvas": the first Tab stop, past the toolbar and the palette's many buttons. */
import { useTranslation } from 'react-i18next';
import { focusCanvas } from './focusNode.ts';

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <button type="button" className="skip-link" onClick={focusCanvas}>
      {t('a11y.skipToCanvas')}
    </button>
  );
}
