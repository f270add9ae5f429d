/** What went wrong talking to HubSpot: the HTTP status and HubSpot's error category when it answered. */
export class HubSpotApiError extends Error {
    /** The HTTP status of the last answer, absent for a network error or a timeout. */
    readonly status?: number;
    /** HubSpot's error category (`VALIDATION_ERROR`, `RATE_LIMITS`, `INVALID_AUTHENTICATION`...), when it gave one. */
    readonly category?: string;
    /** Whether the request could succeed if tried again later (rate limits, server errors, timeouts). */
    readonly retriable: boolean;

    constructor(message: string, details: { status?: number; category?: string; retriable: boolean; cause?: unknown }) {
        super(message, details.cause === undefined ? undefined : { cause: details.cause });
        this.name = 'HubSpotApiError';
        if (details.status !== undefined) this.status = details.status;
        if (details.category !== undefined) this.category = details.category;
        this.retriable = details.retriable;
    }
}

/** A poll could not read HubSpot's result whole (a short or inconsistent read): nothing was changed or emitted. */
export class HubSpotPollError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'HubSpotPollError';
    }
}
