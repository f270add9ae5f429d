import { describe, expect, test } from 'vitest';
import { matchesFilterGroups } from '../src/index.js';
import { PROPERTIES } from './search-test-utils.js';

const ADA = { email: 'Ada@Example.com', lifecyclestage: 'customer', total_revenue: '1200', birthday: '1990-05-17', interests: 'shoes;hats' };

describe('matchesFilterGroups (the semantics the search endpoint applies)', () => {
    test('no groups match every contact', () => {
        expect(matchesFilterGroups([], {}, PROPERTIES)).toBe(true);
    });

    test('an OR of ANDs', () => {
        const groups = [
            { filters: [{ propertyName: 'lifecyclestage', operator: 'EQ', value: 'customer' }, { propertyName: 'total_revenue', operator: 'GT', value: '5000' }] },
            { filters: [{ propertyName: 'email', operator: 'CONTAINS_TOKEN', value: 'example' }] },
        ];
        expect(matchesFilterGroups(groups, ADA, PROPERTIES)).toBe(true);
        expect(matchesFilterGroups(groups.slice(0, 1), ADA, PROPERTIES)).toBe(false);
    });

    test('a null value is missing: negative operators hold, positive ones do not', () => {
        const missing = { email: null };
        const holds = (operator: string, extra: object = {}) => matchesFilterGroups([{ filters: [{ propertyName: 'email', operator, ...extra }] }], missing, PROPERTIES);
        expect(holds('NEQ', { value: 'a' })).toBe(true);
        expect(holds('NOT_IN', { values: ['a'] })).toBe(true);
        expect(holds('NOT_HAS_PROPERTY')).toBe(true);
        expect(holds('NOT_CONTAINS_TOKEN', { value: 'a' })).toBe(true);
        expect(holds('EQ', { value: 'a' })).toBe(false);
        expect(holds('LT', { value: 'z' })).toBe(false);
        expect(holds('HAS_PROPERTY')).toBe(false);
    });

    test('a number filter value that is not a number matches nothing positively', () => {
        expect(matchesFilterGroups([{ filters: [{ propertyName: 'total_revenue', operator: 'GT', value: 'abc' }] }], ADA, PROPERTIES)).toBe(false);
        expect(matchesFilterGroups([{ filters: [{ propertyName: 'total_revenue', operator: 'NEQ', value: 'abc' }] }], ADA, PROPERTIES)).toBe(true);
    });
});
