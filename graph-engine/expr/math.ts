/**
 * The tree-shaken mathjs instance behind expression nodes: numbers only ('mathjs/number') and just
 * the parser, whose node classes also write formulas back as text and LaTeX. Evaluation and
 * derivatives are our own (see expression.ts). Imported only by the lazily loaded expression
 * module, so mathjs stays out of the editor's first bundle.
 */
import { create, parseDependencies } from 'mathjs/number';

export const math = create({ parseDependencies });
