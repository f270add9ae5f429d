import { DateTime } from 'luxon';
import type { INode } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';
import { evaluationInstant } from '../src/evaluation-instant.js';

const node: INode = { id: 'n', name: 'Segment', type: 'n8n-nodes-segments.segment', typeVersion: 1, position: [0, 0], parameters: {} };
const fallback = new Date('2026-11-20T12:00:00Z');

const instant = (value: unknown, zone = 'UTC') => evaluationInstant(node, value, fallback, zone, 0).toISOString();

describe('evaluationInstant', () => {
    it('is the run\'s start when no Now is given', () => {
        for (const value of [undefined, null, '']) expect(instant(value)).toBe('2026-11-20T12:00:00.000Z');
    });

    it('reads ISO texts with an offset as written, and without one in the workflow\'s zone', () => {
        expect(instant('2026-12-01T08:00:00+02:00', 'Asia/Tokyo')).toBe('2026-12-01T06:00:00.000Z');
        expect(instant('2026-12-01T08:00:00', 'Asia/Tokyo')).toBe('2026-11-30T23:00:00.000Z');
        expect(instant(' 2026-12-01 ')).toBe('2026-12-01T00:00:00.000Z');
    });

    it('takes Dates, epoch milliseconds and Luxon DateTimes ({{ $now }})', () => {
        expect(instant(new Date('2026-12-01T08:00:00Z'))).toBe('2026-12-01T08:00:00.000Z');
        expect(instant(Date.UTC(2026, 11, 1, 8))).toBe('2026-12-01T08:00:00.000Z');
        expect(instant(DateTime.fromISO('2026-12-01T08:00:00', { zone: 'America/New_York' }))).toBe('2026-12-01T13:00:00.000Z');
    });

    it('takes a DateTime of another Luxon copy by its ISO text', () => {
        expect(instant({ toISO: () => '2026-12-01T08:00:00.000+01:00' })).toBe('2026-12-01T07:00:00.000Z');
    });

    it('fails with the item\'s index for what is not a date', () => {
        expect(() => evaluationInstant(node, 'soon', fallback, 'UTC', 3)).toThrow('"Now" is not a date and time: "soon"');
        expect(() => evaluationInstant(node, true, fallback, 'UTC', 3)).toThrow('"Now" is not a date and time: "true"');
    });
});
