import { useTrain } from '../trainStore.ts';

/** Why the graph cannot train yet, and why training stopped. */
export function Problems() {
  const status = useTrain((s) => s.status);
  const error = useTrain((s) => s.error);
  const message = useTrain((s) => s.message);
  return (
    <>
      {status === 'error' && error && (
        <div className="train-alert train-alert--error" role="alert" data-testid="train-error">
          <strong>Cannot train this yet.</strong>
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
