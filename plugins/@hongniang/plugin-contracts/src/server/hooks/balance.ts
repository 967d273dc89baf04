// A contract's paid amount and balance due, kept from its payments in the payment's own transaction.

/** Sum of a contract's payments in yuan (refunds negative), exact to the fen. */
export async function paidOn(db: any, contractId: number, transaction?: any, excludingPaymentId?: number) {
  const rows: { amount: unknown; id: number }[] = await db
    .getModel('payments')
    .findAll({ where: { contractId }, attributes: ['id', 'amount'], raw: true, transaction });
  const fen = rows
    .filter((row) => row.id !== excludingPaymentId)
    .reduce((sum, row) => sum + Math.round(Number(row.amount) * 100), 0);
  return fen / 100;
}

/**
 * Writes the contract's `paidAmount` (its payments' sum) and `balanceDue` (price − paid). Written without the contract's
 * hooks: these two fields are the server's, and nothing else of the contract changes.
 */
export async function refreshBalance(db: any, contractId: number | null | undefined, transaction?: any) {
  if (contractId == null) return;
  const Contract = db.getModel('contracts');
  const contract = await Contract.findByPk(contractId, { attributes: ['id', 'price'], raw: true, transaction });
  if (!contract) return;
  const paid = await paidOn(db, contractId, transaction);
  const balance = Math.round((Number(contract.price ?? 0) - paid) * 100) / 100;
  await Contract.update(
    { paidAmount: paid, balanceDue: balance },
    { where: { id: contractId }, hooks: false, transaction },
  );
}
