import { describe, expect, test } from 'vitest';
import { matchesFilterGroups, type HubSpotPropertyDefinition } from '@segments/hubspot-test-server';
import { SeededRandom } from '@segments/sample-data';
import { allOf, anyOf, filterOf, PLAN_LIMITS, toFilterGroups, type FilterFormula } from '../../../src/hubspot/planner/filter-formula.js';
import type { HubSpotFilter } from '../../../src/index.js';

const definitions: HubSpotPropertyDefinition[] = [
    { name: 'a', label: 'A', type: 'number', fieldType: 'number' },
    { name: 'b', label: 'B', type: 'number', fieldType: 'number' },
    { name: 'c', label: 'C', type: 'string', fieldType: 'text' },
    { name: 'd', label: 'D', type: 'enumeration', fieldType: 'select', options: ['x', 'y', 'z'].map((value) => ({ label: value, value })) },
];

const FILTERS: HubSpotFilter[] = [
    ...['a', 'b'].flatMap((p) => [1, 2, 3].flatMap((v) => (['LT', 'GTE', 'EQ', 'NEQ'] as const).map((operator) => ({ propertyName: p, operator, value: String(v) })))),
    ...['a', 'b', 'c', 'd'].flatMap((p) => (['HAS_PROPERTY', 'NOT_HAS_PROPERTY'] as const).map((operator) => ({ propertyName: p, operator }))),
    { propertyName: 'c', operator: 'EQ', value: 'hi' },
    { propertyName: 'd', operator: 'IN', values: ['x', 'y'] },
    { propertyName: 'd', operator: 'NOT_IN', values: ['x'] },
];

function randomFormula(random: SeededRandom, depth: number): FilterFormula {
    if (depth === 0 || random.chance(0.3)) return filterOf(random.pick(FILTERS));
    const operands = Array.from({ length: random.int(2, 4) }, () => randomFormula(random, depth - 1));
    return random.chance(0.5) ? allOf(...operands) : anyOf(...operands);
}

function holds(formula: FilterFormula, contact: Record<string, string | null>): boolean {
    switch (formula.kind) {
        case 'all':
            return true;
        case 'none':
            return false;
        case 'filter':
            return matchesFilterGroups([{ filters: [formula.filter] }], contact, definitions);
        case 'and':
            return formula.operands.every((o) => holds(o, contact));
        case 'or':
            return formula.operands.some((o) => holds(o, contact));
    }
}

function randomContact(random: SeededRandom): Record<string, string | null> {
    const maybe = (value: () => string): string | null => (random.chance(0.25) ? null : value());
    return { a: maybe(() => String(random.int(0, 4))), b: maybe(() => String(random.int(0, 4))), c: maybe(() => random.pick(['hi', 'HI', 'ho'])), d: maybe(() => random.pick(['x', 'y', 'z'])) };
}

describe('cutting a filter formula to HubSpot filter groups', () => {
    test('always within the limits (with a filter a group to spare), and never losing a contact the formula matches', () => {
        const random = new SeededRandom(42);
        const contacts = Array.from({ length: 300 }, () => randomContact(random));
        let narrowed = 0;
        for (let i = 0; i < 500; i++) {
            const formula = randomFormula(random, 4);
            const groups = toFilterGroups(formula);
            if (groups === 'none') {
                expect(contacts.filter((c) => holds(formula, c))).toEqual([]);
                continue;
            }
            expect(groups.length).toBeLessThanOrEqual(PLAN_LIMITS.maxGroups);
            expect(groups.every((g) => g.filters.length <= PLAN_LIMITS.maxFiltersPerGroup && g.filters.length > 0)).toBe(true);
            expect(groups.reduce((sum, g) => sum + g.filters.length + 1, 0)).toBeLessThanOrEqual(PLAN_LIMITS.maxFilters);
            const lost = contacts.filter((c) => holds(formula, c) && !matchesFilterGroups(groups, c, definitions));
            expect(lost, JSON.stringify(groups)).toEqual([]);
            if (contacts.some((c) => !matchesFilterGroups(groups, c, definitions))) narrowed++;
        }
        expect(narrowed).toBeGreaterThan(250);
    });

    test('joins a group with its complement on one property\'s presence', () => {
        const has = filterOf({ propertyName: 'a', operator: 'HAS_PROPERTY' });
        const lacks = filterOf({ propertyName: 'a', operator: 'NOT_HAS_PROPERTY' });
        const other = filterOf({ propertyName: 'b', operator: 'EQ', value: '1' });
        const notOne = filterOf({ propertyName: 'a', operator: 'NEQ', value: '1' });
        expect(toFilterGroups(anyOf(allOf(other, has), allOf(other, lacks)))).toEqual([{ filters: [{ propertyName: 'b', operator: 'EQ', value: '1' }] }]);
        expect(toFilterGroups(anyOf(allOf(other, has, notOne), allOf(other, lacks)))).toEqual([{ filters: [{ propertyName: 'b', operator: 'EQ', value: '1' }, { propertyName: 'a', operator: 'NEQ', value: '1' }] }]);
        expect(toFilterGroups(anyOf(has, lacks))).toEqual([]);
        expect(toFilterGroups(allOf(has, lacks))).toBe('none');
    });
});
