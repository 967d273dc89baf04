// Keeping a scan's best results as it goes, without sorting every candidate.

/** Whether (score a, id a) ranks below (score b, id b): a lower score, or the same with a higher id. */
const worse = (scoreA: number, idA: number, scoreB: number, idB: number) =>
  scoreA < scoreB || (scoreA === scoreB && idA > idB);

/** The best `limit` (score, id) pairs seen: a min-heap in two arrays, worst on top; ties go to the lower id. */
export class TopK {
  // Plain arrays: stores into typed arrays are slow after SES's lockdown (exact-checks.ts), and a scan offers hundreds.
  private readonly scores: number[];
  private readonly ids: number[];
  private size = 0;

  constructor(private readonly limit: number) {
    this.scores = new Array<number>(limit).fill(0.5);
    this.ids = new Array<number>(limit).fill(0);
  }

  /** Keeps (score, id) if it ranks among the best `limit` so far, pushing out the worst. */
  offer(score: number, id: number) {
    if (this.size < this.limit) this.siftUp(this.size++, score, id);
    else if (this.limit > 0 && worse(this.scores[0], this.ids[0], score, id)) this.siftDown(score, id);
  }

  /** Holds `limit` pairs: a newcomer now has to outrank the worst. */
  get full() {
    return this.size >= this.limit;
  }

  /** The score a newcomer has to beat, or tie with a lower id than `worstId`. */
  get worstScore() {
    return this.size ? this.scores[0] : -Infinity;
  }

  /** The id of the worst pair kept (0 while empty). */
  get worstId() {
    return this.size ? this.ids[0] : 0;
  }

  /** The ids, best first. */
  ranked(): number[] {
    const order = Array.from({ length: this.size }, (_, i) => i);
    return order.sort((a, b) => this.scores[b] - this.scores[a] || this.ids[a] - this.ids[b]).map((i) => this.ids[i]);
  }

  /** Places (score, id) at `i` or above, moving worse parents down. */
  private siftUp(i: number, score: number, id: number) {
    const { scores, ids } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(score, id, scores[parent], ids[parent])) break;
      scores[i] = scores[parent];
      ids[i] = ids[parent];
      i = parent;
    }
    scores[i] = score;
    ids[i] = id;
  }

  /** Replaces the worst entry with (score, id) and moves it down to its place. */
  private siftDown(score: number, id: number) {
    const { scores, ids, size } = this;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && worse(scores[child + 1], ids[child + 1], scores[child], ids[child])) child++;
      if (!worse(scores[child], ids[child], score, id)) break;
      scores[i] = scores[child];
      ids[i] = ids[child];
      i = child;
    }
    scores[i] = score;
    ids[i] = id;
  }
}
