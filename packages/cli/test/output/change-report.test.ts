import { describe, expect, test } from 'vitest';
import { formatChangeReport } from '../../src/output/change-report.js';

const context = {
    before: { source: 'monday.ndjson', records: 1200, now: '2026-11-20T12:00:00Z' },
    after: { source: 'tuesday.ndjson', records: 1205, now: '2026-11-21T12:00:00Z' },
    noun: 'contacts',
    limit: 3,
    color: false,
};

const changes = [
    { name: 'cart_abandoners', before: 17, after: 6, entered: ['c1', 'c2', 'c3'], exited: ['c4', 'c5', 'c6', 'c7', 'c8'] },
    { name: 'vips', before: 1100, after: 1101, entered: ['c9'], exited: [] },
    { name: 'quiet', before: 4, after: 4, entered: [], exited: [] },
];

describe('formatChangeReport', () => {
    test('the snapshots, then per segment its counts and first keys, then a summary table', () => {
        expect(formatChangeReport(changes, context)).toBe(
            [
                'Changes of 3 segments',
                '  from 1,200 contacts of monday.ndjson at 2026-11-20T12:00:00Z',
                '  to   1,205 contacts of tuesday.ndjson at 2026-11-21T12:00:00Z',
                '',
                'cart_abandoners: +3 −5  (17 → 6)',
                '  entered: c1, c2, c3',
                '  exited:  c4, c5, c6 and 2 more',
                'vips:            +1 −0  (1,100 → 1,101)',
                '  entered: c9',
                'quiet:           +0 −0  (4 → 4)',
                '',
                'segment          before  after  entered  exited',
                '---------------  ------  -----  -------  ------',
                'cart_abandoners      17      6        3       5',
                'vips              1,100  1,101        1       0',
                'quiet                 4      4        0       0',
                '',
            ].join('\n'),
        );
    });

    test('colours only when asked, and only the counts that are not zero', () => {
        const colored = formatChangeReport(changes, { ...context, color: true });
        expect(colored).toContain('\u001b[1mvips:\u001b[22m            \u001b[32m+1\u001b[39m −0  (1,100 → 1,101)');
        expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(formatChangeReport(changes, context));
    });
});
