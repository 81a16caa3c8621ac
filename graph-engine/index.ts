/**
 * GraphGrad's engine: pure TypeScript, no DOM. Runs in the browser, a worker, Node and tests.
 *
 * Errors: one convention.
 * - Checks return problems and never throw for bad input. parseModel, validateModel(Text)
 *   (`Validated`), checkGraph, expandMacros, macroAttrsProblems and resolveSettings give
 *   `{ …, problems: Problem[] }`, every problem in words for the user, naming the node, edge or
 *   field and its JSON path. Every way in (file, link, autosave, CLI) calls one of these first.
 * - Builders throw an InputError (core/errors.ts) for input they cannot work with: ModelError
 *   (carrying the problems), DataError, ExportError, ExpressionError. These are the functions that
 *   meet the problem only mid-work and stop there: buildGraph and computeGradients (a model that
 *   fails checkGraph, a value that stops being finite), createTrainer and the data readers (a CSV
 *   row far down the file, a data set that does not bind), the exporters (an op or id the format
 *   cannot hold). A result type threaded through each of their loops would say no more. Where
 *   such input is expected, the caller catches the class it expects and lets the rest through
 *   (an expr node's instantiate turns ExpressionError into a problem; the CLI's train command
 *   turns ModelError and DataError into its lines; the PyTorch exporter leaves the data out on a
 *   DataError). Catching everything is for the outer boundaries only (below).
 * - Any other exception is a programming error: a bug, or a call its documentation rules out
 *   (Session.backward without a loss, applying an update with no gradients). Nothing catches it
 *   to hide it; the outer boundaries (the CLI's main, the editor's open and export actions, the
 *   train worker) show its message to the user as they show an InputError's.
 */
export * from './core/model.ts';
export * from './ops/types.ts';
export { opRegistry, getOp, isLeafOp, resolveAttrs, portName } from './ops/registry.ts';
export { texName, textTex } from './ops/latex.ts';
export * from './graph/build.ts';
export { chooseLoss, expandedMacros, withExpandedMacros, wiredInputs, type ExpandedMacro, type Wired } from './graph/loss.ts';
export * from './core/topo.ts';
export * from './autodiff/session.ts';
export * from './autodiff/stepper.ts';
export * from './autodiff/update.ts';
export * from './autodiff/gradcheck.ts';
export * from './autodiff/compute.ts';
export { edgeGroupTerms, type EdgeTerm } from './autodiff/layerEdge.ts';
export * from './graph/validate.ts';
export * from './core/number-format.ts';
export * from './core/limits.ts';
export * from './core/errors.ts';
export * from './core/records.ts';
export * from './macros/types.ts';
export { expandMacros, expandMacroNode, withParams, initMacroParams } from './macros/expand.ts';
export { resizeLayers, type LayerResize } from './macros/resize.ts';
export { ACTIVATIONS } from './macros/activation.ts';
export { macroAttrsProblems } from './macros/expand.ts';
export { settingForm, type SettingFormField } from './macros/settings.ts';
export * from './core/random.ts';
export * from './data/dataset.ts';
export { makeDataset, DATASET_NAMES, datasetName } from './data/registry.ts';
// Real data sets load on demand (each its own chunk): only the loader is here.
export { ensureDataset, isRealDataset } from './data/real/load.ts';
export { parseCsv } from './data/csv.ts';
export { bindDataset, boundColumn, lossRoles } from './data/bind.ts';
export { typicalRow } from './data/typical.ts';
export * from './train/settings.ts';
export { compilePlan, Workspace, forward as planForward, backward as planBackward } from './train/kernels.ts';
export { applyUpdate, OptimizerState } from './train/optimizers.ts';
export type { Metrics } from './train/metrics.ts';
export { Trainer, gridColumns, type EpochMetrics, type StopInfo } from './train/trainer.ts';
export { createTrainer } from './train/create.ts';
// Expression nodes load on demand (mathjs stays out of the first bundle): only the loader is here.
export { loadExpressionOps, ensureOpsFor, expressionOpsLoaded } from './expr/load.ts';
export { ONNX_OPSET } from './export/opset.ts';
export { readMacro, nodesByMacro } from './macros/inspect.ts';
export { pathsToLoss, countPathsToLoss } from './autodiff/paths.ts';
// Lessons: the lesson file format and the checks a task runs on the student's graph.
export * from './lessons/index.ts';
