import { CliError } from './output';

/** The control server did not answer at all (refused, reset, timed out). */
export class ControlUnreachable extends CliError {}

/** The control server answered with an error status. */
export class ControlRefused extends CliError {
  constructor(
    message: string,
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }
}

// Starting a replica waits for its readiness and scaling reloads nginx: on a
// loaded machine that takes a while, but never forever.
const DEFAULT_TIMEOUT_MS = 180_000;

export class ControlClient {
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  get<T>(path: string, timeoutMs?: number): Promise<T> {
    return this.call<T>('GET', path, undefined, timeoutMs);
  }

  post<T>(path: string, body?: unknown, timeoutMs?: number): Promise<T> {
    return this.call<T>('POST', path, body, timeoutMs);
  }

  private async call<T>(method: string, path: string, body: unknown, timeoutMs = this.timeoutMs): Promise<T> {
    let res: Response;
    try {
      res = await fetch(this.baseUrl + path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
      throw new ControlUnreachable(`the lab's control server at ${this.baseUrl} does not answer (${cause})`);
    }
    const parsed = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok) {
      // `message` is the sentence for people; `error` is a code (an older server put its sentence there).
      const text = [parsed.message, parsed.error].find((v): v is string => typeof v === 'string' && v !== '');
      const message = text ?? `${method} ${path} answered ${res.status}`;
      throw new ControlRefused(message, res.status, parsed);
    }
    return parsed as T;
  }
}
