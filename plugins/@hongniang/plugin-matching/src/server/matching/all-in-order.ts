/**
 * Awaits independent reads together and answers their values in order, as Promise.all does, but when some fail it
 * throws the failure of the first in the list (not the first to fail in time): a request's refusals stay those it gave
 * when the reads ran one after another (the member's reach before anything about her). Every read is settled first, so
 * none is left rejecting unhandled.
 */
export async function allInOrder<T extends readonly unknown[]>(
  reads: readonly [...{ [K in keyof T]: Promise<T[K]> }],
): Promise<T> {
  const settled = await Promise.allSettled(reads);
  const values = settled.map((outcome) => {
    if (outcome.status === 'rejected') throw outcome.reason;
    return outcome.value;
  });
  return values as unknown as T;
}
