import { describe, expect, test } from 'vitest';
import { EventIndex } from '../../src/input/event-index.js';
import { MalformedLog } from '../../src/input/malformed-log.js';
import { combinedQuality, formatQuality } from '../../src/output/quality-summary.js';

const clean = { records: 10, recordsWithoutKey: 0, unreadableValues: {}, eventsWithoutTime: 0, invalidEvents: 0 };

describe('formatQuality', () => {
    test('is empty when everything was read', () => {
        expect(formatQuality({ malformed: [new MalformedLog('c.ndjson')], quality: clean })).toBe('');
    });

    test('lists the unreadable entries (the first few with their lines), then what the evaluation could not read', () => {
        const log = new MalformedLog('c.ndjson', 2);
        for (const line of [3, 7, 9]) log.add({ kind: 'malformed', line, message: `bad ${line}` });
        const events = new EventIndex(new Map([['k', [{}, {}]]]), new MalformedLog('e.ndjson'), 1);
        const quality = { records: 10, recordsWithoutKey: 2, unreadableValues: { age: 3, 'Purchased.amount': 1, country: 0 }, eventsWithoutTime: 1, invalidEvents: 4 };
        expect(formatQuality({ malformed: [log], quality, events })).toBe(
            [
                'Data quality:',
                '  c.ndjson: 3 entries could not be read (skipped)',
                '    line 3: bad 3',
                '    line 7: bad 7',
                '    ... and 1 more',
                '  2 records without a key',
                '  values that could not be read as their type (UNKNOWN): age 3, Purchased.amount 1',
                '  1 event without a readable time (ignored)',
                '  4 events entries that are not events (ignored)',
                '  1 event without a "contact" key (ignored)',
                '  2 events for records not in the data',
                '',
            ].join('\n'),
        );
        events.eventsOf('k');
        expect(formatQuality({ malformed: [], quality: clean, events })).not.toContain('records not in the data');
    });
});

describe('combinedQuality', () => {
    test('keeps, for each count and each field, the largest any segment made', () => {
        const adults = { records: 10, recordsWithoutKey: 2, unreadableValues: { age: 3 }, eventsWithoutTime: 0, invalidEvents: 1 };
        const buyers = { records: 10, recordsWithoutKey: 2, unreadableValues: { age: 1, total: 4 }, eventsWithoutTime: 5, invalidEvents: 0 };
        expect(combinedQuality([adults, buyers])).toEqual({ records: 10, recordsWithoutKey: 2, unreadableValues: { age: 3, total: 4 }, eventsWithoutTime: 5, invalidEvents: 1 });
        expect(combinedQuality([])).toEqual({ records: 0, recordsWithoutKey: 0, unreadableValues: {}, eventsWithoutTime: 0, invalidEvents: 0 });
    });
});
