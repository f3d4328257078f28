// Runs tasks at most N at a time, in a given start order, yet hands results on strictly in task order.

export interface OrderedPoolOptions<T, R> {
  items: readonly T[];
  /** At most this many tasks run at once (at least 1). */
  concurrency: number;
  /** The indices in the order tasks start (a permutation of 0 … items.length − 1); default index order. */
  startOrder?: readonly number[];
  run(item: T, index: number): Promise<R>;
  /** Called once per task, in index order, as soon as it and every task before it are done; awaited. */
  deliver(result: R, index: number): Promise<void> | void;
}

/** Throws unless `order` names every index of `length` items exactly once. */
function checkPermutation(order: readonly number[], length: number): void {
  const seen = new Set(order);
  if (order.length !== length || seen.size !== length || order.some((i) => !(i >= 0 && i < length)))
    throw new TypeError(`startOrder must name each of the ${length} indices once, got [${order.join(', ')}]`);
}

/**
 * Starts tasks in `startOrder` (default index order) as slots free up; a finished task's result waits
 * until every task of lower index has been delivered, and is let go once delivered. With concurrency 1
 * and index order it is a plain loop: run, deliver, next. Resolves once every result is delivered. `run`
 * should not throw: an error rejects the pool.
 */
export async function runOrderedPool<T, R>(options: OrderedPoolOptions<T, R>): Promise<void> {
  const { items } = options;
  const order = options.startOrder ?? items.map((_, i) => i);
  checkPermutation(order, items.length);
  const done: (R | undefined)[] = new Array(items.length);
  const finished: boolean[] = new Array(items.length).fill(false);
  let next = 0;
  let delivered = 0;
  // Deliveries are chained so that two never overlap, whichever task finishes first.
  let delivering: Promise<void> = Promise.resolve();
  const flush = () => {
    delivering = delivering.then(async () => {
      while (delivered < items.length && finished[delivered]) {
        const index = delivered;
        delivered += 1;
        const result = done[index] as R;
        done[index] = undefined;
        await options.deliver(result, index);
      }
    });
    return delivering;
  };
  const worker = async () => {
    while (next < items.length) {
      const index = order[next] as number;
      next += 1;
      done[index] = await options.run(items[index] as T, index);
      finished[index] = true;
      await flush();
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(options.concurrency) || 1, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  await delivering;
}
