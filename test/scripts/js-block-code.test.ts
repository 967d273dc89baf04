// The JS blocks' code files (plugins/*/src/blueprints/code/*.jsx) as the browser receives them: each `// @include`
// replaced by plugin-core's shared snippet (plugin-core's blueprints/code-includes.ts), then parsed as JSX. A file
// that calls may() without including it, or names a snippet that does not exist, is found here, not in a matchmaker's
// popup.
import fs from 'fs';
import os from 'os';
import path from 'path';
import ts from 'typescript';
import { readCodeFile } from '../../plugins/@hongniang/plugin-core/src/server/blueprints/code-includes';

const plugins = path.resolve(__dirname, '..', '..', 'plugins', '@hongniang');
const SNIPPET_DIR = path.join(plugins, 'plugin-core', 'src', 'blueprints', 'code');
const codeFiles = fs
  .readdirSync(plugins)
  .map((plugin) => path.join(plugins, plugin, 'src', 'blueprints', 'code'))
  .filter((dir) => dir !== SNIPPET_DIR && fs.existsSync(dir))
  .flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((file) => file.endsWith('.jsx'))
      .map((file) => path.join(dir, file)),
  );

/** Syntax errors of a text parsed as a JSX module (what the JS runner compiles), as "line: message". */
function syntaxErrors(code: string) {
  const source = ts.createSourceFile('block.jsx', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JSX);
  return ((source as any).parseDiagnostics as ts.Diagnostic[]).map(
    (d) =>
      `${source.getLineAndCharacterOfPosition(d.start || 0).line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
  );
}

describe('the JS blocks’ code files, as the browser receives them', () => {
  it('finds the code files (at least the blocks that include may)', () => {
    const including = codeFiles.filter((file) => /^\/\/ @include may$/m.test(fs.readFileSync(file, 'utf8')));
    expect(codeFiles.length).toBeGreaterThanOrEqual(10);
    expect(including.map((file) => path.basename(file)).sort()).toEqual(
      expect.arrayContaining(['contract-ledger.jsx', 'purchase-history.jsx', 'timeline.jsx']),
    );
  });

  it.each(codeFiles.map((file) => [path.relative(plugins, file), file]))(
    '%s parses, with its includes in place and may() defined where called',
    (_name, file) => {
      const code = readCodeFile(file);
      expect(code).not.toMatch(/^[ \t]*\/\/ @include /m);
      expect(syntaxErrors(code)).toEqual([]);
      if (/\bmay\(/.test(code)) expect(code).toMatch(/async function may\(resource, action\)/);
    },
  );

  it('refuses an include that names no snippet, naming the file and the snippet', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongniang-code-'));
    const file = path.join(dir, 'block.jsx');
    fs.writeFileSync(file, "// @include no-such-snippet\nctx.render('x');\n");
    try {
      expect(() => readCodeFile(file)).toThrow(/block\.jsx: no shared code "no-such-snippet"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a syntax error is found by this parse (the check can fail)', () => {
    expect(syntaxErrors('const a = <div>;')).not.toEqual([]);
  });
});
