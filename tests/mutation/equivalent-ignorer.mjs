import { PluginKind, declareClassPlugin } from '@stryker-mutator/api/plugin';

/** @typedef {import('@babel/core').NodePath} NodePath */

/** `process.platform` compared with a platform's name. */
function isPlatformTest(/** @type {NodePath} */ path) {
  if (!path.isBinaryExpression()) return false;
  const { left, right } = path.node;
  const platform = (node) =>
    node.type === 'MemberExpression' &&
    node.object.type === 'Identifier' &&
    node.object.name === 'process' &&
    node.property.type === 'Identifier' &&
    node.property.name === 'platform';
  return platform(left) || platform(right);
}

/** The message argument of `new PosError(code, message)` or `new Error(message)`. */
function isErrorMessage(/** @type {NodePath} */ path) {
  const parent = path.parentPath;
  if (!parent?.isNewExpression() || parent.node.callee.type !== 'Identifier' || path.listKey !== 'arguments')
    return false;
  const callee = parent.node.callee.name;
  return (callee === 'PosError' && path.key === 1) || (callee === 'Error' && path.key === 0);
}

/** `.catch(() => null)` or `.catch(() => undefined)`. */
function isNullFallback(/** @type {NodePath} */ path) {
  if (!path.isArrowFunctionExpression()) return false;
  const body = path.node.body;
  const nothing = body.type === 'NullLiteral' || (body.type === 'Identifier' && body.name === 'undefined');
  const call = path.parentPath;
  return (
    nothing &&
    call?.isCallExpression() === true &&
    call.node.callee.type === 'MemberExpression' &&
    call.node.callee.property.type === 'Identifier' &&
    call.node.callee.property.name === 'catch'
  );
}

/**
 * The kinds of mutant no test can kill, said once here rather than marked on each line. A mutant
 * judged equivalent for a reason of its own line keeps its mark there, with the reason
 * (docs/mutation-survivors.md lists both).
 */
const RULES = [
  ['utf8 is the default encoding of every Node call that takes one', (path) => path.isStringLiteral({ value: 'utf8' })],
  [
    'a crash point runs only when POS_CRASH_AT names it; the chaos matrix kills the app there, in its own process',
    (path) =>
      path.isCallExpression() && path.node.callee.type === 'Identifier' && path.node.callee.name === 'crashPoint',
  ],
  [
    "an error's message is for the log: the cashier reads its code's text (shared/i18n/error-messages.ts)",
    isErrorMessage,
  ],
  ['a Windows or macOS branch: the tests run on Linux', isPlatformTest],
  ['a `.catch(() => null)` fallback: null and undefined are both passed over', isNullFallback],
];

class EquivalentMutants {
  /** @param {NodePath} path */
  shouldIgnore(path) {
    for (const [reason, applies] of RULES) if (applies(path)) return reason;
    return undefined;
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Ignore, 'EquivalentMutants', EquivalentMutants)];
