/**
 * The worker's messages (protocol.ts WorkerText: a code and its parameters) in the user's
 * language. The worker carries no catalogs; the page words what it says.
 */
import { t } from '../../i18n/i18n.ts';
import type { WorkerText } from '../../trainWorker/protocol.ts';

/** More input features than this are counted, not listed. */
const LISTED_FEATURES = 4;

/** What the worker said, as the current language says it. */
export function sayWorker(w: WorkerText): string {
  switch (w.code) {
    case 'engine':
      return w.text;
    case 'epochLimit':
      return t('train.worker.epochLimit', { limit: w.limit });
    case 'planeFailed':
      return t('train.worker.planeFailed', { detail: w.detail });
    case 'fitFailed':
      return t('train.worker.fitFailed', { detail: w.detail });
    case 'planeNeedsX1X2':
      return t('train.worker.planeNeedsX1X2');
    case 'planeNeedsTwo': {
      const n = w.features.length;
      const features = n > LISTED_FEATURES ? t('train.worker.planeFeatures', { count: n }) : n ? w.features.join(', ') : t('train.worker.planeNone');
      return t('train.worker.planeNeedsTwo', { features });
    }
    case 'unknownMapping':
      return t('train.worker.unknownMapping', { id: w.id });
    case 'mappedToMissing':
      return t('train.worker.mappedToMissing', { column: w.column, dataset: w.dataset });
    case 'noColumn':
      return t('train.worker.noColumn', { dataset: w.dataset, columns: w.columns.join(', ') });
    case 'targetReadsFeature':
      return t('train.worker.targetReadsFeature', { column: w.column, dataset: w.dataset, labels: w.labels.join(', ') });
    case 'inputReadsLabel':
      return t('train.worker.inputReadsLabel', { column: w.column });
    case 'about':
      return t(w.role === 'target' ? 'train.worker.aboutTarget' : 'train.worker.aboutInput', { label: w.label, problem: sayWorker(w.problem) });
    case 'lossNotScored':
      return t('train.worker.lossNotScored', { loss: w.loss });
    case 'noLoss':
      return t('train.worker.noLoss');
    case 'labelsUnread':
      return t('train.worker.labelsUnread', { count: w.labels.length, labels: w.labels.join(', ') });
  }
}
