import type { FunnelReport } from '@segments/engine';
import { describe, expect, test } from 'vitest';
import { formatFunnel } from '../../src/output/funnel-chart.js';

const span = (text: string) => ({ line: 1, column: 1, endLine: 1, endColumn: 1 + text.length, text });

describe('formatFunnel', () => {
    test('shows each condition as a tree with a bar of its TRUE share and its three counts', () => {
        const report: FunnelReport = {
            total: 8,
            members: 2,
            nodes: [
                { id: 'where', kind: 'and', text: 'age >= 21\n    and country = "US"', source: span('x'), depth: 1, counts: { TRUE: 3, FALSE: 4, UNKNOWN: 1 } },
                { id: 'where.0', kind: 'compare', text: 'age >= 21', source: span('x'), depth: 2, parent: 'where', counts: { TRUE: 8, FALSE: 0, UNKNOWN: 0 } },
                { id: 'where.1', kind: 'compare', text: 'country = "US"', source: span('x'), depth: 2, parent: 'where', counts: { TRUE: 3, FALSE: 4, UNKNOWN: 1 } },
                { id: 'exclude', kind: 'inList', text: 'in list vip', source: span('x'), depth: 1, counts: { TRUE: 1, FALSE: 7, UNKNOWN: 0 } },
            ],
        };
        expect(formatFunnel(report)).toBe(
            [
                'condition                           TRUE                  TRUE  FALSE  UNKNOWN',
                'where age >= 21 and country = "US"  ███████▌                 3      4        1',
                '  age >= 21                         ████████████████████     8      0        0',
                '  country = "US"                    ███████▌                 3      4        1',
                'exclude in list vip                 ██▌                      1      7        0',
                '',
                '2 members among 8 records (25%)',
                '',
            ].join('\n'),
        );
    });

    test('cuts long conditions and copes with no records', () => {
        const long = 'x'.repeat(100);
        const text = formatFunnel({ total: 0, members: 0, nodes: [{ id: 'where', kind: 'compare', text: long, source: span(long), depth: 1, counts: { TRUE: 0, FALSE: 0, UNKNOWN: 0 } }] });
        expect(text).toContain(`where ${'x'.repeat(49)}…`);
        expect(text).toContain('0 members among 0 records (0%)');
    });
});
