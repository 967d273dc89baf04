// The steering repository's shared files (field-report spreadsheets, datasets), read in place and never copied here.
import fs from 'fs';
import path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Where the shared folder is: `HONGNIANG_SHARED_DIR`, else `../shared` beside this checkout, else `/work/shared` (this
 * machine's steering checkout, for clones made elsewhere, e.g. a CI clone in /tmp). Throws when none exists: a test
 * that needs a field report fails, it never skips.
 */
export function sharedDir(): string {
  const candidates = [process.env.HONGNIANG_SHARED_DIR, path.resolve(ROOT, '..', 'shared'), '/work/shared'].filter(
    Boolean,
  ) as string[];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'cases')));
  if (!found)
    throw new Error(
      `the shared steering files are missing (looked in ${candidates.join(', ')}); set HONGNIANG_SHARED_DIR`,
    );
  return found;
}

/** A file of the shared folder, e.g. sharedFile('cases', 'field-reports-1', 'R08-….xlsx'); throws naming it when missing. */
export function sharedFile(...parts: string[]): Buffer {
  const file = path.join(sharedDir(), ...parts);
  if (!fs.existsSync(file)) throw new Error(`shared file ${file} is missing`);
  return fs.readFileSync(file);
}
