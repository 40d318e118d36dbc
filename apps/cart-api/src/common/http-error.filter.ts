import { ArgumentsHost, Catch, ExceptionFilter, HttpException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { logError } from './log';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

/** A 503 that tells the client when to come back (`Retry-After`, seconds). */
export class RetryLaterException extends ServiceUnavailableException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

function messageOf(value: unknown, fallback: string): string {
  if (Array.isArray(value)) return value.join('; ');
  return typeof value === 'string' && value ? value : fallback;
}

/** Nest's HttpException, or an http-errors error (body-parser) with a 4xx/5xx status. */
export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof HttpException) {
    const statusCode = err.getStatus();
    const error = STATUS_CODES[statusCode] ?? 'Error';
    const response = err.getResponse();
    const raw = typeof response === 'object' && response ? (response as { message?: unknown }).message : response;
    return { statusCode, error, message: messageOf(raw, error) };
  }
  const e = err as { status?: unknown; statusCode?: unknown; expose?: boolean; message?: unknown };
  const status = Number(e?.status ?? e?.statusCode);
  if (Number.isInteger(status) && status >= 400 && status < 600 && e.expose !== false) {
    const error = STATUS_CODES[status] ?? 'Error';
    return { statusCode: status, error, message: messageOf(e.message, error) };
  }
  return { statusCode: 500, error: 'Internal Server Error', message: 'internal server error' };
}

/** An error the service answers on purpose (4xx, a 503 from a store outage): no stack trace. */
function expected(err: unknown, body: ErrorBody): boolean {
  return body.statusCode !== 500 || err instanceof HttpException;
}

export interface HttpErrorFilterOptions {
  replica: string;
  logErrors: boolean;
  /** Methods the routes answer for a path; a 404 on a known path becomes a 405. */
  allowedMethods?: (path: string) => string[];
}

/** Every error body is `{statusCode, error, message}`; no stack traces leave the process. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly opts: HttpErrorFilterOptions) {}

  catch(err: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const body = (err instanceof NotFoundException && this.methodNotAllowed(req, res)) || toErrorBody(err);
    if (body.statusCode >= 500 && this.opts.logErrors) this.log(err, body, req);
    if (res.headersSent) return;
    if (err instanceof RetryLaterException) res.setHeader('Retry-After', String(err.retryAfterSeconds));
    res.status(body.statusCode).json(body);
  }

  /** Nest answers an unrouted request 404; when the path exists under other methods it is a 405. */
  private methodNotAllowed(req: Request, res: Response): ErrorBody | null {
    if (req.route || !this.opts.allowedMethods) return null;
    const allow = this.opts.allowedMethods(req.path);
    if (allow.length === 0 || allow.includes(req.method)) return null;
    res.setHeader('Allow', allow.join(', '));
    return { statusCode: 405, error: 'Method Not Allowed', message: `${req.method} is not allowed on ${req.path}; allowed: ${allow.join(', ')}` };
  }

  /** One JSON line per error; the stack only for what nobody expected (a bug). */
  private log(err: unknown, body: ErrorBody, req: Request): void {
    const line: Record<string, unknown> = {
      replica: this.opts.replica,
      level: 'error',
      method: req.method,
      path: req.path,
      status: body.statusCode,
      error: err instanceof Error ? err.message : String(err),
    };
    if (!expected(err, body)) line.stack = (err as Error)?.stack;
    logError(line);
  }
}
