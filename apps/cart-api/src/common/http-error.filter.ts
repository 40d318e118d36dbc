import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
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

/** Every error body is `{statusCode, error, message}`; no stack traces leave the process. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly logErrors: boolean) {}

  catch(err: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = toErrorBody(err);
    if (body.statusCode >= 500 && this.logErrors) {
      process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
    }
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }
}
