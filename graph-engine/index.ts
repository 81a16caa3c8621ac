/** GraphGrad's engine: pure TypeScript, no DOM. Runs in the browser, a worker, Node and tests. */
export * from './model.ts';
export * from './ops/types.ts';
export { opRegistry, getOp, registerOp, isLeafOp, resolveAttrs, portName } from './ops/registry.ts';
export { texName } from './ops/latex.ts';
export * from './graph.ts';
export * from './topo.ts';
export * from './session.ts';
export * from './stepper.ts';
export * from './update.ts';
export * from './gradcheck.ts';
export * from './compute.ts';
export * from './validate.ts';
export * from './format.ts';
export * from './macros/types.ts';
export { expandMacros, expandMacroNode, withParams, initMacroParams, hasMacros, modelSeed, EXPANSION_SPACING, type Expanded, type ExpandOptions } from './macros/expand.ts';
export { ACTIVATIONS, type Activation } from './macros/activation.ts';
export * from './random.ts';
