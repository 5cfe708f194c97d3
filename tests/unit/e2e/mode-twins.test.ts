import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The e2e specs run in one of two modes (tests/e2e/fixtures.ts): Electron where its binary is
 * installed, else the browser host. A spec that skips in one mode must leave the other covered,
 * and the reason a tester reads must be true; this reads the specs' source to check both.
 */

const E2E = join(import.meta.dirname, '..', '..', 'e2e');

type Mode = 'electron' | 'browser-host';
interface Skip {
  /** The mode the test runs in (the other one skips it), or every mode of some systems only. */
  runsIn: Mode | 'some systems' | 'unclassified';
  condition: string;
  message: string;
}
interface SpecTest {
  file: string;
  title: string;
  skips: Skip[];
  /** It drives Electron itself: a second `_electron.launch`, or `pos.electronApp!`. */
  drivesElectron: boolean;
}

const text = (node: ts.Node, source: ts.SourceFile) => node.getText(source).replace(/\s+/g, ' ');
const literal = (node: ts.Node | undefined) =>
  node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;
const isTestSkip = (call: ts.CallExpression, source: ts.SourceFile) => text(call.expression, source) === 'test.skip';

/** What a skip condition's one part says about the mode: null when nothing this check knows. */
function partSkips(part: string, nullInElectron: Set<string>): Mode | null {
  if (['pos.electronApp === null', "pos.mode === 'browser-host'", "pos.mode !== 'electron'"].includes(part))
    return 'browser-host';
  if (['pos.hostUrl === null', "pos.mode === 'electron'", "pos.mode !== 'browser-host'"].includes(part))
    return 'electron';
  const nullCheck = /^(\w+) === null$/.exec(part);
  return nullCheck?.[1] !== undefined && nullInElectron.has(nullCheck[1]) ? 'electron' : null;
}

function orParts(node: ts.Expression): ts.Expression[] {
  if (ts.isParenthesizedExpression(node)) return orParts(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.BarBarToken)
    return [...orParts(node.left), ...orParts(node.right)];
  return [node];
}

function readTest(file: string, call: ts.CallExpression, source: ts.SourceFile): SpecTest {
  const skips: Skip[] = [];
  // The fixture's `openCustomerScreen()` and the specs' `openBarScreen()` answer null in Electron.
  const nullInElectron = new Set<string>();
  let drivesElectron = false;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.initializer && ts.isIdentifier(node.name)) {
      if (/\b(openCustomerScreen|openBarScreen)\(/.test(text(node.initializer, source)))
        nullInElectron.add(node.name.text);
    }
    if (ts.isNonNullExpression(node) && text(node.expression, source) === 'pos.electronApp') drivesElectron = true;
    if (ts.isCallExpression(node) && text(node.expression, source) === '_electron.launch') drivesElectron = true;
    if (ts.isCallExpression(node) && isTestSkip(node, source)) {
      const [condition, reason] = node.arguments;
      if (condition && /^process\.platform [!=]== '\w+'$/.test(text(condition, source))) {
        skips.push({ runsIn: 'some systems', condition: text(condition, source), message: literal(reason) ?? '' });
        return;
      }
      const modes = condition ? orParts(condition).map((part) => partSkips(text(part, source), nullInElectron)) : [];
      const skipsIn = modes.length > 0 && modes.every((mode) => mode === modes[0]) ? modes[0] : null;
      skips.push({
        runsIn: skipsIn === 'electron' ? 'browser-host' : skipsIn === 'browser-host' ? 'electron' : 'unclassified',
        condition: condition ? text(condition, source) : '(none)',
        message: literal(reason) ?? '',
      });
    }
    ts.forEachChild(node, visit);
  };
  const body = call.arguments[call.arguments.length - 1];
  if (body) visit(body);
  return { file, title: literal(call.arguments[0]) ?? text(call.arguments[0] ?? call, source), skips, drivesElectron };
}

/** Every `test(…)` of every spec, in the order written, and any `test.skip` outside one. */
function readSpecs(): { tests: SpecTest[]; strays: string[] } {
  const tests: SpecTest[] = [];
  const strays: string[] = [];
  for (const file of readdirSync(E2E).filter((name) => name.endsWith('.spec.ts'))) {
    const source = ts.createSourceFile(file, readFileSync(join(E2E, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'test') {
        tests.push(readTest(file, node, source));
        return;
      }
      if (ts.isCallExpression(node) && isTestSkip(node, source)) strays.push(`${file}: ${text(node, source)}`);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { tests, strays };
}

/** The test a skip message points to ("the browser-host twin below …"), the one written next to it. */
function twinOf(tests: SpecTest[], test: SpecTest, message: string, twin: 'browser-host' | 'Electron') {
  const where = new RegExp(`the ${twin} twin (above|below)`).exec(message)?.[1] as 'above' | 'below' | undefined;
  if (where === undefined) return { where: null, twin: null };
  const at = tests.indexOf(test) + (where === 'above' ? -1 : 1);
  const neighbour = tests[at];
  return { where, twin: neighbour?.file === test.file ? neighbour : null };
}

const label = (test: SpecTest) => `${test.file}: ${test.title}`;
const opposite = { above: 'below', below: 'above' } as const;

describe('every e2e spec that skips in one mode leaves the other covered', () => {
  const { tests, strays } = readSpecs();
  const skipping = (mode: Mode) => tests.filter((test) => test.skips.some((skip) => skip.runsIn === mode));

  it('reads the specs and finds both kinds (the check is not looking at nothing)', () => {
    expect(tests.length).toBeGreaterThan(100);
    expect(skipping('electron').length).toBeGreaterThan(0);
    expect(skipping('browser-host').length).toBeGreaterThan(0);
  });

  it('every skip says plainly which mode or system it runs in, gives its reason, and is inside a test', () => {
    const unclassified = tests.flatMap((test) =>
      test.skips
        .filter((skip) => skip.runsIn === 'unclassified' || skip.message === '')
        .map((skip) => `${label(test)}: ${skip.condition}`),
    );
    expect(unclassified).toEqual([]);
    expect(strays).toEqual([]);
  });

  it('a test needing the Electron binary skips without it, with a message that says so', () => {
    const unsaid = tests
      .filter((test) => test.drivesElectron || test.skips.some((skip) => skip.runsIn === 'electron'))
      .filter(
        (test) => !test.skips.some((s) => s.runsIn === 'electron' && s.message.startsWith('needs the Electron binary')),
      )
      .map(label);
    expect(unsaid).toEqual([]);
  });

  it('every Electron-only test has its browser-host twin beside it, and the twin points back', () => {
    const missing = skipping('electron').flatMap((test) => {
      const message = test.skips.find((skip) => skip.runsIn === 'electron')?.message ?? '';
      const { where, twin } = twinOf(tests, test, message, 'browser-host');
      if (where === null) return [`${label(test)}: its message names no "browser-host twin above/below"`];
      const back = twin?.skips.find((skip) => skip.runsIn === 'browser-host');
      if (twin === null || back === undefined) return [`${label(test)}: no browser-host-only test ${where} it`];
      return back.message.includes(`the Electron twin ${opposite[where]}`)
        ? []
        : [`${label(twin)}: does not name "the Electron twin ${opposite[where]}"`];
    });
    expect(missing).toEqual([]);
  });

  it('every browser-host-only test names its Electron twin beside it, or says what Electron does instead', () => {
    const unsaid = skipping('browser-host').flatMap((test) => {
      const message = test.skips.find((skip) => skip.runsIn === 'browser-host')?.message ?? '';
      const { where, twin } = twinOf(tests, test, message, 'Electron');
      if (where === null)
        return /\bElectron\b/.test(message) ? [] : [`${label(test)}: "${message}" says nothing of Electron`];
      return twin?.skips.some((skip) => skip.runsIn === 'electron')
        ? []
        : [`${label(test)}: no Electron twin ${where} it`];
    });
    expect(unsaid).toEqual([]);
  });
});
