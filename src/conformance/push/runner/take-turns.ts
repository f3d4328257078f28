// A queue of async tasks that run one at a time in the order they were handed in (scenario set-ups).

/** Runs a piece of async work once every earlier one has settled; resolves or rejects with its own outcome. */
export type TakeTurns = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * One queue: each call's work starts when the previous call's has settled (whether it resolved or threw),
 * so a failed set-up never holds up the next.
 * @example const setUp = takeTurns(); await Promise.all([setUp(a), setUp(b)]); // b starts after a settles
 */
export function takeTurns(): TakeTurns {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const turn = last.then(work);
    last = turn.catch(() => undefined);
    return turn;
  };
}
