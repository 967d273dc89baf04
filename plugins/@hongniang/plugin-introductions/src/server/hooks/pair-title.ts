// The title of a record about a pair (an introduction, a date): the two members' names, "甲方 × 乙方".

/** "林小雨 × 周完美" for members `a` and `b` (a member not found is shown by her id). */
export async function pairTitle(db: any, a: unknown, b: unknown, transaction?: any): Promise<string> {
  const members = db.getRepository('members');
  const name = async (id: unknown) =>
    (await members.findOne({ filterByTk: id, transaction }))?.get('name') ?? String(id);
  return `${await name(a)} × ${await name(b)}`;
}
