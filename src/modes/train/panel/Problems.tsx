import { useTranslation } from 'react-i18next';
import { useTrain } from '../trainStore.ts';

/** Why the graph cannot train yet, and why training stopped. */
export function Problems() {
  const { t } = useTranslation();
  const status = useTrain((s) => s.status);
  const error = useTrain((s) => s.error);
  const message = useTrain((s) => s.message);
  return (
    <>
      {status === 'error' && error && (
        <div className="train-alert train-alert--error" role="alert" data-testid="train-error">
          <strong>{t('train.problems.cannotTrain')}</strong>
          {error.split('\n').map((l) => (
            <p key={l}>{l}</p>
          ))}
        </div>
      )}
      {message && (
        <div className={`train-alert train-alert--${message.kind}`} role="status" data-testid="train-message">
          {message.text}
        </div>
      )}
    </>
  );
}
