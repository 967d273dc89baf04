import fs from 'fs';
import path from 'path';

/** plugin-core's shared snippets for JS blocks (src/blueprints/code, copied to dist/blueprints/code by the build). */
const SNIPPETS = path.resolve(__dirname, '../../blueprints/code');
/** A line `// @include <name>` in a JS block's code file: replaced by the snippet `<name>.jsx`. */
const INCLUDE = /^[ \t]*\/\/ @include ([a-z][a-z0-9-]*)[ \t]*$/gm;

/**
 * A JS block's or action's code file with each `// @include <name>` line replaced by plugin-core's snippet of that name
 * (e.g. `may`: may(resource, action) from roles:check). Code runs in the browser as one text, so a helper several blocks
 * share is put into each, not imported. Throws an Error naming the file and the snippet when the snippet does not exist.
 */
export function readCodeFile(file: string): string {
  return fs.readFileSync(file, 'utf8').replace(INCLUDE, (_line, name: string) => {
    const snippet = path.join(SNIPPETS, `${name}.jsx`);
    if (!fs.existsSync(snippet)) throw new Error(`${file}: no shared code "${name}" (${snippet})`);
    return fs.readFileSync(snippet, 'utf8').trimEnd();
  });
}
