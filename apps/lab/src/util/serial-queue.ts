/**
 * Runs tasks one after another, each from the state the previous one left,
 * whatever that one's outcome: a failed task never wedges the ones behind it.
 * The one queue the lab has; the topology core, the compose driver's
 * `up` calls and the control API each hold an instance at their own level.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** Tasks queued or running: a caller may refuse new work past a bound. */
  get pending(): number {
    return this.waiting;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    this.waiting += 1;
    const result = this.tail.then(task, task).finally(() => (this.waiting -= 1));
    this.tail = result.catch(() => undefined);
    return result;
  }
}
