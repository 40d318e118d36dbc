// Errors a local JSON API (the control server, the dashboard) turns into a
// status code and a JSON body; anything else a handler throws is a topology
// error (500 with its message).

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (message: string, extra?: Record<string, unknown>) => new HttpError(404, message, extra);
export const conflict = (message: string) => new HttpError(409, message);
export const badRequest = (message: string) => new HttpError(400, message);
