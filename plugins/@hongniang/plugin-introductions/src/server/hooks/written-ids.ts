// Which record a write names through a belongsTo: its foreign key, or the association as the web client sends it
// (`introduction: { id }`) or an import writes it, which NocoBase links only after the record is created (the
// repository's values reach the hook as options.values).

/** The id written for `association` (e.g. 'memberA', 'date') on `record`, or undefined/null when none was written. */
export function writtenId(record: any, association: string, options: any) {
  const written = record.get(`${association}Id`) ?? options.values?.[association];
  return written != null && typeof written === 'object' ? written.id : written;
}
