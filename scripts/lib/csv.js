// Reading a CSV file (RFC 4180: commas, double-quoted fields with "" for a quote, CRLF or LF), Node built-ins only: the
// evaluation runs on a fresh checkout without the dependencies of the app.
const fs = require('fs');

class CsvError extends Error {}

/**
 * The rows of a CSV file as objects keyed by its header (every value a string, '' for an empty field). Throws CsvError
 * naming the file when it cannot be read, is empty, or has a row with more fields than the header (naming the line).
 */
function readCsv(file) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CsvError(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  }
  const records = parse(text.replace(/^\uFEFF/, ''));
  if (records.length === 0 || (records.length === 1 && records[0].fields.join('') === ''))
    throw new CsvError(`${file} is empty: a header line is needed`);
  const header = records[0].fields.map((name) => name.trim());
  const rows = [];
  for (const { fields, line } of records.slice(1)) {
    if (fields.length === 1 && fields[0] === '') continue;
    if (fields.length > header.length)
      throw new CsvError(`${file}, line ${line}: ${fields.length} fields, the header has ${header.length}`);
    rows.push({ line, values: Object.fromEntries(header.map((name, i) => [name, fields[i] ?? ''])) });
  }
  return { header, rows };
}

/** Records of fields, each with the line it starts on (1-based). */
function parse(text) {
  const records = [];
  let fields = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ fields, line: startLine });
      fields = [];
      field = '';
      startLine = ++line;
    } else field += char;
  }
  if (field !== '' || fields.length) {
    fields.push(field);
    records.push({ fields, line: startLine });
  }
  return records;
}

module.exports = { readCsv, CsvError };
