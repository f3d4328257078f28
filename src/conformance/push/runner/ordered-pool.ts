// Runs tasks at most N at a time, yet hands their results on strictly in task order (stable reports).

export interface OrderedPoolOptions<T, R> {
  items: readonly T[];
  /** At most this many tasks run at once (at least 1). */
  concurrency: number;
  run(item: T, index: number): Promise<R>;
  /** Called once per task, in index order, as soon as it and every task before it are done; awaited. */
  deliver(result: R, index: number): Promise<void> | void;
}

/**
 * Starts tasks in index order as slots free up; a finished task's result waits until every earlier one
 * has been delivered, and is let go once delivered. With concurrency 1 it is a plain loop: run, deliver,
 * next. Resolves once every result is delivered. `run` should not throw: an error rejects the pool.
 */
export async function runOrderedPool<T, R>(options: OrderedPoolOptions<T, R>): Promise<void> {
  const { items } = options;
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
      const index = next;
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
