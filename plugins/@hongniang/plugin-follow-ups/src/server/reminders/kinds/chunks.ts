/** `ids` in slices of `size`, for IN lists every dialect accepts (SQLite binds at most 32766 parameters). */
export function chunks<T>(ids: T[], size = 500): T[][] {
  const slices: T[][] = [];
  for (let i = 0; i < ids.length; i += size) slices.push(ids.slice(i, i + size));
  return slices;
}
