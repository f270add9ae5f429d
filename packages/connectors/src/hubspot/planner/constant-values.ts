import { DateTime } from 'luxon';
import type { ValueIR } from '@segments/ir';

/**
 * A value that does not depend on the record, as the planner needs it: text, a number, a
 * boolean, `null`, or a point in time. A time is epoch milliseconds with the most it may be off
 * (`slackMs`): the engine computes dates and shifts in the segment's zone, the planner only
 * approximately, and a filter's bound is widened by the slack so that it stays a superset.
 */
export type ConstantValue =
    | { type: 'text'; value: string }
    | { type: 'number'; value: number }
    | { type: 'boolean'; value: boolean }
    | { type: 'null' }
    | { type: 'time'; ms: number; slackMs: number };

const DAY_MS = 86_400_000;
/** The most a zone's offset differs from UTC (UTC+14), plus a DST hour. */
const ZONE_SLACK_MS = 15 * 3_600_000;

/** The instant and zone a segment is evaluated at. */
export interface ConstantContext {
    now: Date;
    timezone: string;
}

/** The value of a record-independent value, or undefined when it reads the record (or is not worth computing). */
export function constantOf(value: ValueIR, context: ConstantContext): ConstantValue | undefined {
    switch (value.kind) {
        case 'literal':
            switch (value.type) {
                case 'text':
                    return { type: 'text', value: value.value };
                case 'number':
                    return { type: 'number', value: value.value };
                case 'boolean':
                    return { type: 'boolean', value: value.value };
                case 'null':
                    return { type: 'null' };
                case 'date':
                    return timeOf(Date.parse(`${value.value}T00:00:00Z`), 0);
                case 'datetime':
                    return timeOf(Date.parse(value.value), 0);
            }
            return undefined;
        case 'now':
            return { type: 'time', ms: context.now.getTime(), slackMs: 0 };
        case 'today': {
            const today = DateTime.fromJSDate(context.now, { zone: context.timezone }).toISODate();
            return today === null ? undefined : timeOf(Date.parse(`${today}T00:00:00Z`), 0);
        }
        case 'dateOf': {
            const operand = constantOf(value.operand, context);
            if (operand?.type !== 'time') return undefined;
            return { type: 'time', ms: Math.floor(operand.ms / DAY_MS) * DAY_MS, slackMs: operand.slackMs + DAY_MS };
        }
        case 'shift': {
            const base = constantOf(value.base, context);
            if (base?.type !== 'time') return undefined;
            const dateBase = value.base.type === 'date';
            // A date is a day at midnight UTC here; the engine moves it by calendar days (no zone), or,
            // by minutes and hours, from its start of day in the zone (up to a zone's offset away).
            const start = DateTime.fromMillis(base.ms, { zone: dateBase ? 'UTC' : context.timezone });
            const moved = start.plus({ [value.unit]: value.amount }).toMillis();
            const zoneSlack = dateBase && (value.unit === 'minutes' || value.unit === 'hours') ? ZONE_SLACK_MS : 0;
            return timeOf(moved, base.slackMs + zoneSlack);
        }
        case 'negate': {
            const operand = constantOf(value.operand, context);
            return operand?.type === 'number' ? { type: 'number', value: -operand.value } : undefined;
        }
        default:
            return undefined;
    }
}

function timeOf(ms: number, slackMs: number): ConstantValue | undefined {
    return Number.isFinite(ms) ? { type: 'time', ms, slackMs } : undefined;
}
