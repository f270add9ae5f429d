import { DateTime } from 'luxon';
import { type INode, NodeOperationError } from 'n8n-workflow';

/**
 * The instant a node evaluates segments at: the `now` parameter when given, else `fallback` (the
 * moment the node started running, the same for every item of a run). A parameter is an ISO-8601
 * text, a Date, epoch milliseconds, or a Luxon DateTime (what `{{ $now }}` gives); a text without
 * an offset is read in the workflow's time zone (`zone`), as n8n's date fields are.
 */
export function evaluationInstant(node: INode, value: unknown, fallback: Date, zone: string, itemIndex: number): Date {
    if (value === undefined || value === null || value === '') return fallback;
    const instant = toDateTime(value, zone);
    if (instant === undefined || !instant.isValid) {
        throw new NodeOperationError(node, `"Now" is not a date and time: ${JSON.stringify(String(value))}`, {
            itemIndex,
            description: 'Give an ISO-8601 date and time (2026-11-20T12:00:00Z), epoch milliseconds, or an expression such as {{ $now }}.',
        });
    }
    return instant.toJSDate();
}

function toDateTime(value: unknown, zone: string): DateTime | undefined {
    if (DateTime.isDateTime(value)) return value;
    if (value instanceof Date) return DateTime.fromJSDate(value);
    if (typeof value === 'number') return DateTime.fromMillis(value);
    if (typeof value === 'string') return DateTime.fromISO(value.trim(), { zone, setZone: true });
    if (typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
        // A DateTime of another Luxon copy (the expression engine's).
        return toDateTime((value as { toISO(): string }).toISO(), zone);
    }
    return undefined;
}
