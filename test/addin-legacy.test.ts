/**
 * Issue 11, defect 12: webviews too old for the pane (IE11 in Office 2016/2019 volume editions,
 * EdgeHTML) get a readable Chinese sentence from addin/legacy-check.js, which must itself be ES5;
 * and the built page runs it before Office.js and the bundle.
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import ts from 'typescript';

const root = path.resolve(__dirname, '..');
const source = fs.readFileSync(path.join(root, 'addin', 'legacy-check.js'), 'utf8');

/** Syntax IE11 cannot parse, found in the script's syntax tree (not in its strings). */
function es2015Syntax(code: string): string[] {
  const file = ts.createSourceFile('legacy-check.js', code, ts.ScriptTarget.ES5, true, ts.ScriptKind.JS);
  const found: string[] = [];
  const visit = (n: ts.Node) => {
    if (
      ts.isArrowFunction(n) ||
      ts.isClassLike(n) ||
      ts.isTemplateExpression(n) ||
      ts.isNoSubstitutionTemplateLiteral(n) ||
      ts.isSpreadElement(n) ||
      ts.isForOfStatement(n) ||
      (ts.isVariableDeclarationList(n) && n.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) ||
      (ts.isPropertyAccessExpression(n) && n.questionDotToken) ||
      (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)
    )
      found.push(ts.SyntaxKind[n.kind]);
    ts.forEachChild(n, visit);
  };
  visit(file);
  return found;
}

/** Runs the script in a page-like sandbox; `old` makes Function refuse ES2020 syntax, as Trident does. */
function runIn(old: boolean, search = '') {
  const root = { children: [] as string[], attrs: {} as Record<string, string>, style: {} as Record<string, string> };
  const el = {
    setAttribute: (k: string, v: string) => (root.attrs[k] = v),
    appendChild: (n: { text: string }) => root.children.push(n.text),
    style: root.style,
  };
  const window: Record<string, unknown> = {};
  const sandbox = {
    window,
    location: { search },
    document: { getElementById: () => el, createTextNode: (text: string) => ({ text }), addEventListener: () => undefined },
    Function: old
      ? function () {
          throw new SyntaxError('Expected identifier');
        }
      : Function,
    Promise,
    Symbol,
    Map,
  };
  vm.runInNewContext(source, sandbox);
  return { text: root.children.join(''), attrs: root.attrs, window };
}

describe('legacy-check.js (old webviews)', () => {
  it('is ES5 (no arrow functions, let/const, classes, templates, ?., ??)', () => {
    expect(es2015Syntax(source)).toEqual([]);
    expect(es2015Syntax('const f = () => a?.b ?? `x`;').length).toBeGreaterThan(0); // the check itself finds them
  });

  it('shows a Chinese sentence (English with lang=en) on a webview that cannot run ES2020, and nothing on a current one', () => {
    const old = runIn(true);
    expect(old.text).toContain('浏览器组件过旧');
    expect(old.text).toContain('Excel 网页版');
    expect(old.text.replace(/Office|Excel|Microsoft/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    expect(old.attrs['data-testid']).toBe('old-webview');
    expect(old.window.__xxgkOldWebview).toBe(true);
    expect(runIn(true, '?lang=en').text).toMatch(/^This version of Office/);
    const current = runIn(false);
    expect(current.text).toBe('');
    expect(current.window.__xxgkOldWebview).toBeUndefined();
  });

  it('runs in the built page before Office.js and the bundle', () => {
    const html = fs.readFileSync(path.join(root, 'dist', 'taskpane.html'), 'utf8');
    const at = (re: RegExp) => html.search(re);
    expect(at(/<script src="legacy-check\.js">/)).toBeGreaterThan(0);
    expect(at(/<script src="legacy-check\.js">/)).toBeLessThan(at(/office\.js"/));
    expect(at(/office\.js"/)).toBeLessThan(at(/js\/taskpane\.[0-9a-f]+\.js/));
    expect(fs.existsSync(path.join(root, 'dist', 'legacy-check.js'))).toBe(true);
  });
});
