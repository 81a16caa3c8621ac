/**
 * The tree-shaken mathjs instance behind expression nodes: numbers only ('mathjs/number'), just the
 * parser, compiler, derivative and the whitelisted functions (plus sec and sech, which the derivatives of tan and tanh use). Imported only by the lazily loaded
 * expression module, so mathjs stays out of the editor's first bundle.
 */
import {
  create, parseDependencies, compileDependencies, evaluateDependencies, derivativeDependencies, simplifyDependencies,
  addDependencies, subtractDependencies, multiplyDependencies, divideDependencies, powDependencies,
  unaryMinusDependencies, unaryPlusDependencies, expDependencies, logDependencies, sqrtDependencies, absDependencies,
  sinDependencies, cosDependencies, tanDependencies, tanhDependencies, maxDependencies, minDependencies, signDependencies,
  secDependencies, sechDependencies, piDependencies, eDependencies,
} from 'mathjs/number';

export const math = create({
  parseDependencies, compileDependencies, evaluateDependencies, derivativeDependencies, simplifyDependencies,
  addDependencies, subtractDependencies, multiplyDependencies, divideDependencies, powDependencies,
  unaryMinusDependencies, unaryPlusDependencies, expDependencies, logDependencies, sqrtDependencies, absDependencies,
  sinDependencies, cosDependencies, tanDependencies, tanhDependencies, maxDependencies, minDependencies, signDependencies,
  secDependencies, sechDependencies, piDependencies, eDependencies,
});
