import type { FunnelReport } from '@segments/engine';
import { describe, expect, test } from 'vitest';
import { formatOverview } from '../../src/output/segment-overview.js';

const span = { line: 1, column: 1, endLine: 1, endColumn: 2, text: 'x' };

const context = { records: 2000, noun: 'contacts', source: 'contacts.ndjson', now: '2026-11-20T12:00:00Z', color: false };

function funnel(members: number, nodes: Array<[string, number, number, number, number]>): FunnelReport {
    return {
        total: 2000,
        members,
        nodes: nodes.map(([text, depth, TRUE, FALSE, UNKNOWN], index) => ({
            id: index === 0 ? 'where' : `where.${index - 1}`,
            kind: 'compare',
            text,
            source: span,
            depth,
            ...(depth > 1 ? { parent: 'where' } : {}),
            counts: { TRUE, FALSE, UNKNOWN },
        })),
    };
}

describe('formatOverview', () => {
    test('a line per segment, its name, display name (when it has one) and size aligned', () => {
        const segments = [
            { name: 'high_value_customers', title: 'High Value Customers', members: 292 },
            { name: 'adults', title: 'adults', members: 1638 },
        ];
        expect(formatOverview(segments, context)).toBe(
            [
                '2 segments on 2,000 contacts of contacts.ndjson at 2026-11-20T12:00:00Z',
                '',
                'high_value_customers "High Value Customers"    292 of 2,000 contacts (14.6%)',
                'adults                                       1,638 of 2,000 contacts (81.9%)',
                '',
            ].join('\n'),
        );
    });

    test('with funnels: one heading, and each funnel under its segment, in common columns', () => {
        const segments = [
            { name: 'adults', title: 'Adults', members: 1000, funnel: funnel(1000, [['age >= 21', 1, 1000, 900, 100]]) },
            { name: 'us_buyers', title: 'us_buyers', members: 20, funnel: funnel(20, [['country = "US" and orders > 0 and lifetime_points >= 5_000', 1, 20, 1980, 0], ['country = "US"', 2, 1500, 500, 0], ['orders > 0', 2, 22, 1978, 0]]) },
        ];
        expect(formatOverview(segments, context).split('\n').slice(2)).toEqual([
            '  condition                                               TRUE             TRUE  FALSE  UNKNOWN',
            'adults "Adults"  1,000 of 2,000 contacts (50%)',
            '  where age >= 21                                         ███████         1,000    900      100',
            'us_buyers           20 of 2,000 contacts (1%)',
            '  where country = "US" and orders > 0 and lifetime_poin…  ▏                  20  1,980        0',
            '    country = "US"                                        ██████████▌     1,500    500        0',
            '    orders > 0                                            ▏                  22  1,978        0',
            '',
        ]);
    });

    test('colours only when asked: names in bold, display names dimmed, bars in cyan', () => {
        const segments = [{ name: 'adults', title: 'Adults', members: 1000, funnel: funnel(1000, [['age >= 21', 1, 1000, 900, 100]]) }];
        const plain = formatOverview(segments, context);
        expect(plain).not.toContain('\u001b[');
        const colored = formatOverview(segments, { ...context, color: true });
        expect(colored).toContain('\u001b[1madults\u001b[22m \u001b[2m"Adults"\u001b[22m');
        expect(colored).toContain('\u001b[36m███████\u001b[39m');
        expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(plain);
    });
});
