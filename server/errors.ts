import type { ErrorCode } from '../shared/domain';

/** An error that leaves the API as `{error:{code,message,details}}` with its HTTP status. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** 400 naming the field and why. */
export function invalid(field: string, why: string): AppError {
  return new AppError(400, 'VALIDATION_FAILED', `${field}: ${why}`, [{ field, message: why }]);
}

/** 404: unknown, or not visible to the caller (the two are indistinguishable on purpose). */
export function notFound(what = 'appeal'): AppError {
  return new AppError(404, 'NOT_FOUND', `${what} not found`);
}

/** 401: no valid session. */
export function unauthenticated(message = 'login required'): AppError {
  return new AppError(401, 'UNAUTHENTICATED', message);
}

/** 403: visible, but this caller may not do it. */
export function forbidden(message: string): AppError {
  return new AppError(403, 'FORBIDDEN', message);
}

/** 409: the appeal is not in a state that allows the action. */
export function invalidTransition(action: string, status: string): AppError {
  return new AppError(409, 'INVALID_TRANSITION', `action ${action} is not allowed while the appeal is ${status}`, {
    action,
    status,
  });
}

/** 409: someone else changed the appeal since the caller read it. */
export function versionConflict(expected: number, actual: number): AppError {
  return new AppError(409, 'VERSION_CONFLICT', `the appeal changed (version ${actual}, you had ${expected}); reload it`, {
    expected,
    actual,
  });
}
