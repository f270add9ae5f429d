import { describe, expect, test } from 'vitest';
import { blockBar } from '../../src/output/numbers.js';
import { formatProgress, progressOn, silentProgress, TerminalProgress } from '../../src/output/progress-bar.js';

function stream(isTTY: boolean) {
    const written: string[] = [];
    return { write: (text: string) => void written.push(text), isTTY, written };
}

describe('blockBar', () => {
    test('is proportional, with eighth blocks', () => {
        expect(blockBar(0, 10)).toBe('');
        expect(blockBar(1, 10)).toBe('██████████');
        expect(blockBar(0.45, 10)).toBe('████▌');
        expect(blockBar(0.0125, 10)).toBe('▏');
        expect(blockBar(2, 4)).toBe('████');
    });
});

describe('formatProgress', () => {
    test('shows a bar and a percentage when the size is known, the records and the rate', () => {
        expect(formatProgress({ label: 'c.ndjson', records: 120_000, bytes: 50, totalBytes: 100, elapsedMs: 2000 })).toBe(
            'c.ndjson  ██████████░░░░░░░░░░  50%  120,000 records  60,000/s',
        );
        expect(formatProgress({ label: 'c.ndjson', records: 3, bytes: 50, elapsedMs: 0 })).toBe('c.ndjson  3 records');
    });
});

describe('TerminalProgress', () => {
    test('redraws in place at most once per interval, and erases itself when done', () => {
        let time = 0;
        const out = stream(true);
        const progress = new TerminalProgress(out, 'c.csv', 1000, () => time, 100);
        progress.update(1, 10);
        time = 50;
        progress.update(2, 20);
        expect(out.written).toEqual([]);
        time = 100;
        progress.update(3, 500);
        time = 150;
        progress.update(4, 600);
        expect(out.written).toEqual(['\rc.csv  ██████████░░░░░░░░░░  50%  3 records  30/s\u001b[K']);
        progress.finish();
        expect(out.written.at(-1)).toBe('\r\u001b[K');
    });

    test('a progress that never showed erases nothing; not on a terminal, there is none', () => {
        const out = stream(true);
        new TerminalProgress(out, 'x', undefined).finish();
        expect(out.written).toEqual([]);
        expect(progressOn(stream(false), 'x', 10)).toBe(silentProgress);
        expect(progressOn(out, 'x', 10)).toBeInstanceOf(TerminalProgress);
    });
});
