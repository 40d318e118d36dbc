/**
 * Runs topology changes one after another: two terminals (or the dashboard
 * and a terminal) acting at once must not interleave a reload with a restart.
 */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
