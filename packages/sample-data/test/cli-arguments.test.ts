import { describe, expect, test } from 'vitest';
import { DEFAULT_NOW, parseSampleArguments } from '../src/index.js';

describe('parseSampleArguments', () => {
    test('reads every option', () => {
        expect(parseSampleArguments(['--contacts', '10', '--seed', '7', '--now', '2026-01-01T00:00:00Z', '--out', 'd', '--events-separately', '--day-later'])).toEqual({
            help: false, out: 'd', contacts: 10, seed: '7', now: '2026-01-01T00:00:00Z', eventsSeparately: true, dayLater: true,
        });
    });

    test('has defaults', () => {
        expect(parseSampleArguments(['--out', 'd'])).toMatchObject({ contacts: 2_000, seed: 'segments', now: DEFAULT_NOW, eventsSeparately: false, dayLater: false });
    });

    test('rejects what it cannot use', () => {
        expect(() => parseSampleArguments([])).toThrow(/--out/);
        expect(() => parseSampleArguments(['--out', 'd', '--contacts', 'many'])).toThrow(/--contacts/);
        expect(() => parseSampleArguments(['--out', 'd', '--now', 'tomorrow'])).toThrow(/instant/);
        expect(() => parseSampleArguments(['--out', 'd', '--colour'])).toThrow();
    });

    test('asks for help', () => {
        expect(parseSampleArguments(['-h'])).toEqual({ help: true });
    });
});
