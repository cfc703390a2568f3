/**
 * Domain errors. Domain code throws these; only the HTTP edge maps them to status codes
 * (packages/http/src/problem.ts), and workers decide retry or give-up from `retryable`.
 */
export type FieldIssue = { field: string; message: string };

export type AppErrorCode =
  | 'validation'
  | 'not_found'
  | 'forbidden'
  | 'unauthenticated'
  | 'conflict'
  | 'gone'
  | 'unprocessable'
  | 'rate_limited'
  | 'unavailable';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: { fields?: FieldIssue[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  static validation(fields: FieldIssue[], message = 'Die Eingaben sind ungültig.'): AppError {
    return new AppError('validation', message, { fields });
  }
  static notFound(message = 'Nicht gefunden.'): AppError {
    return new AppError('not_found', message);
  }
  static forbidden(message = 'Keine Berechtigung.'): AppError {
    return new AppError('forbidden', message);
  }
  static conflict(message: string): AppError {
    return new AppError('conflict', message);
  }
  static unprocessable(message: string, fields?: FieldIssue[]): AppError {
    return new AppError('unprocessable', message, { fields });
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
