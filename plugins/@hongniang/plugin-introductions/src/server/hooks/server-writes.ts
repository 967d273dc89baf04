// The history is the server's: writes in a transaction marked here are the server's own; every other write to the
// history or the contact releases is refused (server-records.ts). A request cannot name a transaction (it is an object, not a value).

const serverTransactions = new WeakSet<object>();

/** Runs `work` in the caller's transaction (or a new one), marked as one in which the server writes the history. */
export function asServer<T>(db: any, transaction: any, work: (transaction: any) => Promise<T>): Promise<T> {
  const run = (marked: any) => {
    serverTransactions.add(marked);
    return work(marked);
  };
  return transaction ? run(transaction) : db.sequelize.transaction(run);
}

/** Whether a database operation runs inside a transaction the server marked. */
export const byServer = (options: any) => Boolean(options?.transaction && serverTransactions.has(options.transaction));
