/**
 * The error bodies HubSpot's CRM API answers with (the SDK's `Error` model: status, message, correlationId,
 * category, optional errors and context), and the rate-limit body of its 429 responses.
 */
import { randomUUID } from 'node:crypto';

/** One detail of a HubSpot error (the SDK's `ErrorDetail`). */
export interface HubSpotErrorDetail {
    message: string;
    code?: string;
    in?: string;
    context?: Record<string, string[]>;
}

/** A HubSpot error body. */
export interface HubSpotErrorBody {
    status: 'error';
    message: string;
    correlationId: string;
    category: string;
    subCategory?: string;
    errors?: HubSpotErrorDetail[];
    context?: Record<string, string[]>;
    policyName?: string;
    errorType?: string;
}

/** An error response: the HTTP status, the body and any headers (Retry-After). */
export interface HubSpotErrorResponse {
    status: number;
    body: HubSpotErrorBody;
    headers?: Record<string, string>;
}

function error(status: number, category: string, message: string, extra: Partial<HubSpotErrorBody> = {}): HubSpotErrorResponse {
    return { status, body: { status: 'error', message, correlationId: randomUUID(), category, ...extra } };
}

/** 400: the request is not valid (HubSpot's VALIDATION_ERROR). */
export function validationError(message: string, errors?: HubSpotErrorDetail[]): HubSpotErrorResponse {
    return error(400, 'VALIDATION_ERROR', message, errors ? { errors } : {});
}

/** 401: the token is missing or not the account's. */
export function authenticationError(): HubSpotErrorResponse {
    return error(401, 'INVALID_AUTHENTICATION',
        'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview');
}

/** 404: no such object (or no such endpoint). */
export function notFoundError(message = 'resource not found'): HubSpotErrorResponse {
    return error(404, 'OBJECT_NOT_FOUND', message);
}

/** 429: the account's secondly search limit was reached; retry after the given seconds. */
export function rateLimitError(retryAfterSeconds: number): HubSpotErrorResponse {
    const response = error(429, 'RATE_LIMITS', 'You have reached your secondly limit.', { errorType: 'RATE_LIMIT', policyName: 'SECONDLY' });
    return { ...response, headers: { 'Retry-After': String(retryAfterSeconds) } };
}

/** 5xx: HubSpot could not answer. */
export function serverError(status: number): HubSpotErrorResponse {
    return error(status, 'INTERNAL_ERROR', status === 500 ? 'internal error' : `upstream unavailable (${status})`);
}
