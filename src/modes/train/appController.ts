/**
 * The app's one Train controller, bound to the app's editor store, its Train store and the
 * training worker. Created when Train mode's panel first loads (this module loads with it, on
 * demand), so the controller and the worker client stay out of the start-up bundle; from then on
 * it follows the editor for the life of the page. Tests build their own with createTrainController.
 */
import { editorStore } from '../../store/useEditor.ts';
import { workerTrainClient } from '../../trainWorker/client.ts';
import { createTrainController } from './controller.ts';
import { trainStore } from './trainStore.ts';

export const trainController = createTrainController({ editor: editorStore, trainStore, client: workerTrainClient() });
