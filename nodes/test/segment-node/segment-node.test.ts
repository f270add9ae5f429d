import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';
import { Segment } from '../../nodes/Segment/Segment.node.js';
import { fixture } from '../fixtures.js';
import { runNode } from '../harness/index.js';

const NOW = '2026-11-20T12:00:00Z';
const schema = fixture('customer.segment');
const highValue = fixture('high-value.segment');

/** Customers as an upstream node gives them: a member, a non-member, a missing value, an unreadable value. */
const customers: INodeExecutionData[] = [
    { json: { id: 'c1', email: 'ana@example.com', country: 'US', tier: 'Gold', stats: { total_spent: 1500 }, last_order: '2026-11-10T09:00:00Z' } },
    { json: { id: 'c2', email: 'bo@example.com', country: 'CA', tier: 'Bronze', stats: { total_spent: 200 }, last_order: '2026-08-01T09:00:00Z' } },
    { json: { id: 'c3', email: 'cy@example.com', country: 'US' } },
    { json: { id: 'c4', email: 'di@example.com', country: 'US', stats: { total_spent: 'lots' } } },
];

function filter(parameters: IDataObject, items = customers, options = {}) {
    return runNode(new Segment(), { operation: 'filter', schema, source: highValue, ...parameters, options: { now: NOW, ...(parameters.options as IDataObject) } }, items, options);
}

const ids = (items: INodeExecutionData[] | undefined) => (items ?? []).map((item) => item.json.id);

describe('Segment node: Filter', () => {
    it('routes members to "In segment" and the others, missing and unreadable values included, to "Not in segment"', async () => {
        const { outputs, error } = await filter({});
        expect(error).toBeUndefined();
        expect(outputs).toHaveLength(2);
        expect(ids(outputs[0])).toEqual(['c1']);
        expect(ids(outputs[1])).toEqual(['c2', 'c3', 'c4']);
    });

    it('pairs every output item with its input item and passes its JSON on unchanged', async () => {
        const { outputs } = await filter({});
        expect(outputs[0]!.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
        expect(outputs[1]!.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }, { item: 3 }]);
        expect(outputs[0]![0]!.json).toEqual(customers[0]!.json);
    });

    it('annotates items with the explain trace when asked', async () => {
        const { outputs } = await filter({ options: { explain: true } });
        const trace = outputs[0]![0]!.json.segmentTrace as IDataObject;
        expect(trace).toMatchObject({ key: 'c1', member: true, truth: 'TRUE', where: { text: 'total_spent >= 1000', truth: 'TRUE', values: { left: 1500, right: 1000 } } });
        const missing = outputs[1]!.find((item) => item.json.id === 'c3')!.json.segmentTrace as IDataObject;
        expect(missing).toMatchObject({ member: false, truth: 'UNKNOWN' });
    });

    it('writes the trace to the field named by the Explain Field option', async () => {
        const { outputs } = await filter({ options: { explain: true, explainField: 'why' } });
        expect(outputs[0]![0]!.json.why).toMatchObject({ member: true });
        expect(outputs[0]![0]!.json.segmentTrace).toBeUndefined();
    });

    it('evaluates time windows at the Now option, and at the time of the run by default', async () => {
        const recent = fixture('recent-buyers.segment');
        const atNow = await filter({ source: recent });
        expect(ids(atNow.outputs[0])).toEqual(['c1']);
        const later = await filter({ source: recent, options: { now: '2027-01-20T12:00:00Z' } });
        expect(ids(later.outputs[0])).toEqual([]);
        const item = { json: { id: 'c9', last_order: new Date(Date.now() - 86_400_000).toISOString() } };
        const byDefault = await runNode(new Segment(), { operation: 'filter', schema, source: recent }, [item]);
        expect(ids(byDefault.outputs[0])).toEqual(['c9']);
    });

    it('reads a Now without an offset in the workflow\'s time zone', async () => {
        const recent = fixture('recent-buyers.segment');
        // 30 days before 2026-12-10T09:30 in Tokyo (00:30 UTC) is 2026-11-10T00:30Z: c1 (09:00Z) is in.
        // Read as UTC (09:30Z) the window would start after c1's order.
        const tokyo = await filter({ source: recent, options: { now: '2026-12-10T09:30:00' } }, customers, { timezone: 'Asia/Tokyo' });
        expect(ids(tokyo.outputs[0])).toEqual(['c1']);
        const utc = await filter({ source: recent, options: { now: '2026-12-10T09:30:00' } });
        expect(ids(utc.outputs[0])).toEqual([]);
    });

    it('fails with a clear error for a Now that is not a date', async () => {
        const { error } = await filter({ options: { now: 'next tuesday' } });
        expect(error?.message).toBe('"Now" is not a date and time: "next tuesday"');
    });

    it('evaluates the segment named by the Segment Name option when the text declares several', async () => {
        const source = fixture('two-segments.segment');
        const gold = await filter({ source, options: { segmentName: 'gold' } });
        expect(ids(gold.outputs[0])).toEqual(['c1']);
        const unnamed = await filter({ source });
        expect(unnamed.error?.message).toBe('the texts declare several segments (big_spenders, gold): name the one to evaluate');
        const unknown = await filter({ source, options: { segmentName: 'silver' } });
        expect(unknown.error?.message).toBe("no segment named 'silver' (the texts declare big_spenders, gold)");
    });

    it('overrides the segment\'s time zone with the Time Zone option', async () => {
        // "today" is in the segment's zone (UTC here): 2026-11-20T23:30Z is already the 21st in Tokyo.
        const source = 'segment on_the_20th of Customer {\n  where\n    day(today) = 20\n}';
        const items = [{ json: { id: 'c1' } }];
        const utc = await filter({ source, options: { now: '2026-11-20T23:30:00Z' } }, items);
        expect(ids(utc.outputs[0])).toEqual(['c1']);
        const tokyo = await filter({ source, options: { now: '2026-11-20T23:30:00Z', timezone: 'Asia/Tokyo' } }, items);
        expect(ids(tokyo.outputs[0])).toEqual([]);
    });
});

describe('Segment node: data quality', () => {
    it('adds what could not be read to each item with the Data Quality Field option', async () => {
        const { outputs } = await filter({ options: { dataQualityField: 'quality' } });
        const byId = Object.fromEntries([...outputs[0]!, ...outputs[1]!].map((item) => [item.json.id, item.json.quality]));
        expect(byId.c1).toEqual({ missingKey: false, unreadable: [], eventsWithoutTime: 0, invalidEvents: 0 });
        expect(byId.c3).toEqual({ missingKey: false, unreadable: [], eventsWithoutTime: 0, invalidEvents: 0 });
        expect(byId.c4).toEqual({ missingKey: false, unreadable: ['total_spent'], eventsWithoutTime: 0, invalidEvents: 0 });
    });

    it('tells the builder in an execution hint how many items had unreadable values', async () => {
        const { hints } = await filter({});
        expect(hints).toEqual([
            {
                message: '1 item has values the segment could not read (total_spent in 1): they count as unknown. Add the "Data Quality Field" option to see them per item.',
                type: 'warning',
                location: 'outputPane',
            },
        ]);
    });

    it('reads the record key at the Record Key Path option', async () => {
        const items = [{ json: { customer: { number: 'k1' }, stats: { total_spent: 2000 } } }];
        const byDefault = await filter({ options: { dataQualityField: 'quality', explain: true } }, items);
        expect(byDefault.outputs[0]![0]!.json.quality).toMatchObject({ missingKey: true });
        const mapped = await filter({ options: { dataQualityField: 'quality', explain: true, keyPath: 'customer.number' } }, items);
        expect(mapped.outputs[0]![0]!.json.quality).toMatchObject({ missingKey: false });
        expect(mapped.outputs[0]![0]!.json.segmentTrace).toMatchObject({ key: 'k1' });
    });
});

describe('Segment node: Check Memberships', () => {
    const segments = { segment: [{ source: highValue }, { source: fixture('us-customers.segment') }, { source: fixture('recent-buyers.segment') }] };

    it('adds to each item the names of the segments it belongs to, in declaration order', async () => {
        const { outputs, error } = await runNode(new Segment(), { operation: 'checkMemberships', schema, segments, options: { now: NOW } }, customers);
        expect(error).toBeUndefined();
        expect(outputs).toHaveLength(1);
        expect(outputs[0]!.map((item) => [item.json.id, item.json.segments])).toEqual([
            ['c1', ['high_value', 'us_customers', 'recent_buyers']],
            ['c2', []],
            ['c3', ['us_customers']],
            ['c4', ['us_customers']],
        ]);
        expect(outputs[0]!.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
    });

    it('writes to the field named by the Memberships Field option', async () => {
        const { outputs } = await runNode(new Segment(), { operation: 'checkMemberships', schema, segments, options: { now: NOW, membershipsField: 'audiences' } }, customers.slice(0, 1));
        expect(outputs[0]![0]!.json.audiences).toEqual(['high_value', 'us_customers', 'recent_buyers']);
    });

    it('counts every segment of a text that declares several', async () => {
        const { outputs } = await runNode(new Segment(), { operation: 'checkMemberships', schema, segments: { segment: [{ source: fixture('two-segments.segment') }] }, options: { now: NOW } }, customers.slice(0, 2));
        expect(outputs[0]!.map((item) => item.json.segments)).toEqual([['gold'], []]);
    });
});

describe('Segment node: Validate', () => {
    it('returns a valid result without diagnostics for a correct text', async () => {
        const { outputs } = await runNode(new Segment(), { operation: 'validate', schema, source: highValue }, [{ json: {} }]);
        expect(outputs[0]).toEqual([{ json: { valid: true, errors: 0, warnings: 0, segments: ['high_value'], diagnostics: [] }, pairedItem: { item: 0 } }]);
    });

    it('returns the diagnostics in the JSON shape of segment check, with lines and columns', async () => {
        const { outputs, error } = await runNode(new Segment(), { operation: 'validate', schema, source: fixture('unknown-field.segment') }, [{ json: {} }]);
        expect(error).toBeUndefined();
        expect(outputs[0]![0]!.json).toEqual({
            valid: false,
            errors: 1,
            warnings: 0,
            segments: ['broken'],
            diagnostics: [
                {
                    file: 'segment.segment',
                    line: 4,
                    column: 9,
                    endLine: 4,
                    endColumn: 23,
                    severity: 'error',
                    code: 'unknown-field',
                    message: 'Unknown field `lifetime_value` in this schema.',
                },
            ],
        });
    });

    it('validates the text of each item, given by an expression', async () => {
        const items = [{ json: { text: highValue } }, { json: { text: fixture('syntax-error.segment') } }];
        const { outputs } = await runNode(new Segment(), { operation: 'validate', schema, source: '={{ $json.text }}' }, items);
        expect(outputs[0]!.map((item) => [item.json.valid, item.json.errors, item.pairedItem])).toEqual([
            [true, 0, { item: 0 }],
            [false, 2, { item: 1 }],
        ]);
    });
});

describe('Segment node: errors', () => {
    it('fails with the first error\'s file, line and column, and lists every error in the description', async () => {
        const { error, outputs } = await filter({ source: fixture('syntax-error.segment') });
        expect(outputs).toEqual([]);
        expect(error?.name).toBe('NodeOperationError');
        expect(error?.message).toBe('segment.segment:3:5: The `where` condition must be true or false, but `total_spent` is a number. (and 1 more error)');
        expect(error?.description).toBe(
            [
                'segment.segment:3:5 error type-mismatch: The `where` condition must be true or false, but `total_spent` is a number.',
                "segment.segment:3:17 error syntax-error: Expected `}` but found `>=`.",
            ].join('\n'),
        );
    });

    it('names the schema file when the error is in the schema', async () => {
        const { error } = await filter({ schema: schema.replace('total_spent number', 'total_spent numbr') });
        expect(error?.message).toMatch(/^schema\.segment:\d+:\d+: /);
    });

    const perItem = [
        { json: { id: 'c1', stats: { total_spent: 1500 }, text: highValue } },
        { json: { id: 'c2', stats: { total_spent: 1500 }, text: fixture('unknown-field.segment') } },
        { json: { id: 'c3', stats: { total_spent: 100 }, text: highValue } },
    ];
    const parameters = { source: '={{ $json.text }}' };

    it('with "continue on fail", outputs the failed item with its error on "Not in segment" and evaluates the others', async () => {
        const { outputs, error } = await filter(parameters, perItem, { node: { continueOnFail: true } });
        expect(error).toBeUndefined();
        expect(ids(outputs[0])).toEqual(['c1']);
        expect(outputs[1]).toEqual([
            {
                json: {
                    error: 'segment.segment:4:9: Unknown field `lifetime_value` in this schema.',
                    details: 'segment.segment:4:9 error unknown-field: Unknown field `lifetime_value` in this schema.',
                },
                pairedItem: { item: 1 },
            },
            { json: perItem[2]!.json, pairedItem: { item: 2 } },
        ]);
    });

    it('with an error output, routes the failed item to it', async () => {
        const { outputs } = await filter(parameters, perItem, { node: { onError: 'continueErrorOutput' } });
        expect(outputs).toHaveLength(3);
        expect(ids(outputs[0])).toEqual(['c1']);
        expect(ids(outputs[1])).toEqual(['c3']);
        expect(outputs[2]).toHaveLength(1);
        expect(outputs[2]![0]).toMatchObject({ json: { error: 'segment.segment:4:9: Unknown field `lifetime_value` in this schema.' }, pairedItem: { item: 1 } });
    });

    it('without "continue on fail", stops at the failed item with its index', async () => {
        const { error } = await filter(parameters, perItem);
        expect(error?.message).toBe('segment.segment:4:9: Unknown field `lifetime_value` in this schema.');
        expect(error?.context).toMatchObject({ itemIndex: 1 });
    });

    it('with "continue on fail" in Check Memberships, keeps the failed item in the one output', async () => {
        const items = [{ json: { id: 'c1', stats: { total_spent: 1500 }, text: highValue } }, { json: { id: 'c2', text: '' } }];
        const { outputs } = await runNode(new Segment(), { operation: 'checkMemberships', schema, segments: { segment: [{ source: '={{ $json.text }}' }] }, options: { now: NOW } }, items, { node: { continueOnFail: true } });
        expect(outputs[0]).toEqual([
            { json: { ...items[0]!.json, segments: ['high_value'] }, pairedItem: { item: 0 } },
            { json: { error: 'the segment texts declare no segment' }, pairedItem: { item: 1 } },
        ]);
    });
});
