/**
 * The benchmark segments as json-logic-js rules. json-logic has no case-insensitive comparison, no
 * date parsing, no numeric-string conversion and no `;`-separated lists, so the rules call five
 * operations registered with `jsonLogic.add_operation` (its documented extension point) that do
 * the conversions the engine and the handwritten predicate do; they run per record, inside
 * `jsonLogic.apply`, so their cost is part of json-logic's time. They return NaN or null for a
 * missing or unreadable value, which makes every comparison with it false: a missing value is not
 * a member, as in the engine. Window bounds and `month(today)` are constants of the rules.
 */
import jsonLogic, { type RulesLogic } from 'json-logic-js';

const DAY_MS = 86_400_000;

/** The same conversions as the handwritten predicate's, as json-logic operations. */
const operations: Record<string, (...args: unknown[]) => unknown> = {
    /** A raw number or decimal string as a number; NaN when missing or unreadable. */
    to_number: (raw) => (typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN),
    /** A raw datetime (ISO-8601 string, epoch milliseconds) as epoch milliseconds; NaN when missing or unreadable. */
    to_instant: (raw) => (typeof raw === 'string' ? Date.parse(raw) : typeof raw === 'number' ? raw : NaN),
    /** Text in lower case; null when not text. */
    lower: (raw) => (typeof raw === 'string' ? raw.toLowerCase() : null),
    /** A raw list of text (array or `;`-separated string), trimmed and lower-cased; null when missing. */
    text_list: (raw) => {
        const parts = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(';') : undefined;
        return parts === undefined ? null : parts.map((part) => (typeof part === 'string' ? part.trim().toLowerCase() : null));
    },
    /** The month (1-12) of a valid `YYYY-MM-DD` date, else of an instant, UTC; NaN when missing or unreadable. */
    month_of: (raw) => {
        if (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw)) {
            const year = Number(raw.slice(0, 4));
            const month = Number(raw.slice(5, 7));
            const day = Number(raw.slice(8, 10));
            const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
            return month >= 1 && month <= 12 && day >= 1 && day <= last ? month : NaN;
        }
        const ms = typeof raw === 'string' ? Date.parse(raw) : typeof raw === 'number' ? raw : NaN;
        return ms === ms ? new Date(ms).getUTCMonth() + 1 : NaN;
    },
};

let registered = false;

/** Registers the conversion operations with json-logic-js (once). */
export function registerJsonLogicOperations(): void {
    if (registered) return;
    for (const [name, operation] of Object.entries(operations)) jsonLogic.add_operation(name, operation);
    registered = true;
}

/** The three rules for the instant `now` (epoch milliseconds, UTC like the segments). */
export function jsonLogicRules(now: number): Record<'attribute' | 'nested' | 'event', RulesLogic> {
    const month = new Date(now).getUTCMonth() + 1;
    const rules = {
        attribute: {
            and: [
                { in: [{ lower: { var: 'country' } }, ['us', 'ca', 'gb', 'de', 'fr']] },
                { '<=': [now - 30 * DAY_MS, { to_instant: { var: 'last_activity' } }, now] },
                { '>=': [{ to_number: { var: 'properties.total_revenue' } }, 100] },
                { '<': [{ to_number: { var: 'lifetime_points' } }, 5000] },
            ],
        },
        nested: {
            and: [
                {
                    or: [
                        { in: ['newsletter', { text_list: { var: 'tags' } }] },
                        { in: ['manager', { lower: { var: 'properties.jobtitle' } }] },
                    ],
                },
                { '==': [{ month_of: { var: 'birthday' } }, month] },
            ],
        },
        event: {
            and: [
                {
                    '>=': [
                        {
                            reduce: [
                                { var: 'events' },
                                {
                                    '+': [
                                        { var: 'accumulator' },
                                        {
                                            if: [
                                                {
                                                    and: [
                                                        { '==': [{ var: 'current.event' }, 'Purchased'] },
                                                        { '<=': [now - 90 * DAY_MS, { to_instant: { var: 'current.at' } }, now] },
                                                        { '>': [{ to_number: { var: 'current.amount' } }, 50] },
                                                    ],
                                                },
                                                1,
                                                0,
                                            ],
                                        },
                                    ],
                                },
                                0,
                            ],
                        },
                        2,
                    ],
                },
                {
                    '!': {
                        some: [
                            { var: 'events' },
                            {
                                and: [
                                    { '==': [{ var: 'event' }, 'EmailOpened'] },
                                    { '<=': [now - 60 * DAY_MS, { to_instant: { var: 'at' } }, now] },
                                ],
                            },
                        ],
                    },
                },
            ],
        },
    };
    return rules as unknown as Record<'attribute' | 'nested' | 'event', RulesLogic>;
}

/** Whether a record satisfies a rule (json-logic's truthiness of the result). */
export function jsonLogicApply(rule: RulesLogic, record: Record<string, unknown>): boolean {
    return jsonLogic.truthy(jsonLogic.apply(rule, record));
}
