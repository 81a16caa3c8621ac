/** GraphGrad's engine: pure TypeScript, no DOM. Runs in the browser, a worker, Node and tests. */
export * from './core/model.ts';
export * from './ops/types.ts';
export { opRegistry, getOp, registerOp, isLeafOp, resolveAttrs, portName } from './ops/registry.ts';
export { texName } from './ops/latex.ts';
export * from './core/graph.ts';
export * from './core/topo.ts';
export * from './autodiff/session.ts';
export * from './autodiff/stepper.ts';
export * from './autodiff/update.ts';
export * from './autodiff/gradcheck.ts';
export * from './autodiff/compute.ts';
export * from './core/validate.ts';
export * from './core/number-format.ts';
export * from './core/limits.ts';
export * from './core/records.ts';
export * from './macros/types.ts';
export {
  expandMacros,
  expandMacroNode,
  withParams,
  withoutMacroParams,
  initMacroParams,
  hasMacros,
  modelSeed,
  macroAttrsProblems,
  EXPANSION_SPACING,
  type Expanded,
  type ExpandOptions,
} from './macros/expand.ts';
export { ACTIVATIONS, type Activation } from './macros/activation.ts';
export { settingForm, type SettingField, type SettingFormField } from './macros/settings.ts';
export * from './core/random.ts';
export * from './data/dataset.ts';
export { makeDataset, DATASET_NAMES, type DatasetOptions } from './data/registry.ts';
export { parseCsv } from './data/csv.ts';
export { bindDataset, lossRoles, inferTask, type Binding, type LossRoles } from './data/bind.ts';
export * from './train/settings.ts';
export { compilePlan, Workspace, forward as planForward, backward as planBackward, type Plan } from './train/kernels.ts';
export { applyUpdate, OptimizerState } from './train/optimizers.ts';
export { computeMetrics, type Metrics } from './train/metrics.ts';
export { Trainer, gridColumns, type EpochMetrics, type StopInfo } from './train/trainer.ts';
export { createTrainer, datasetFor } from './train/create.ts';
// Expression nodes load on demand (mathjs stays out of the first bundle): only the loader is here.
export { loadExpressionOps, ensureOpsFor, expressionOpsLoaded } from './expr/load.ts';
export { readMacro, nodesByMacro, type MacroReading, type MacroPortReading } from './macros/inspect.ts';
export { pathsToLoss, countPathsToLoss, type GradPath, type PathListing } from './autodiff/paths.ts';
