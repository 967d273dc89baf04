// Which writes are matching's own. A transaction opened here carries values the engine or the batch run computed; the
// rules on match suggestions (suggestion-rules.ts) hold every other write to what a caller may change.

const processTransactions = new WeakSet<object>();

/** Runs `work` in a new transaction whose writes to match suggestions are matching's own (computed, not typed in). */
export function asMatchingProcess<T>(db: any, work: (transaction: any) => Promise<T>): Promise<T> {
  return db.sequelize.transaction(async (transaction: any) => {
    processTransactions.add(transaction);
    return work(transaction);
  });
}

/** Whether a database operation runs inside such a transaction (no request can name one: it is an object, not a value). */
export const byMatchingProcess = (options: any) =>
  Boolean(options?.transaction && processTransactions.has(options.transaction));
