import { HUBSPOT_SEARCH_LIMITS, type HubSpotFilter, type HubSpotFilterGroup } from '../hubspot-types.js';

/**
 * A boolean formula over HubSpot filters: what the planner builds from a segment before it is cut
 * to the shape HubSpot accepts (an OR of at most 5 ANDs). `all` matches every contact, `none` no
 * contact.
 */
export type FilterFormula =
    | { kind: 'all' }
    | { kind: 'none' }
    | { kind: 'filter'; filter: HubSpotFilter }
    | { kind: 'and'; operands: FilterFormula[] }
    | { kind: 'or'; operands: FilterFormula[] };

export const ALL: FilterFormula = { kind: 'all' };
export const NONE: FilterFormula = { kind: 'none' };

/** One filter as a formula. */
export function filterOf(filter: HubSpotFilter): FilterFormula {
    return { kind: 'filter', filter };
}

/** The conjunction, simplified (`all` operands dropped, `none` absorbing, nested `and` flattened). */
export function allOf(...operands: FilterFormula[]): FilterFormula {
    const kept: FilterFormula[] = [];
    for (const operand of operands) {
        if (operand.kind === 'none') return NONE;
        if (operand.kind === 'and') kept.push(...operand.operands);
        else if (operand.kind !== 'all') kept.push(operand);
    }
    return kept.length === 0 ? ALL : kept.length === 1 ? kept[0] : { kind: 'and', operands: kept };
}

/** The disjunction, simplified (`none` operands dropped, `all` absorbing, nested `or` flattened). */
export function anyOf(...operands: FilterFormula[]): FilterFormula {
    const kept: FilterFormula[] = [];
    for (const operand of operands) {
        if (operand.kind === 'all') return ALL;
        if (operand.kind === 'or') kept.push(...operand.operands);
        else if (operand.kind !== 'none') kept.push(operand);
    }
    return kept.length === 0 ? NONE : kept.length === 1 ? kept[0] : { kind: 'or', operands: kept };
}

/** A formula in disjunctive normal form: groups of filters. `[]` matches nothing, `[[]]` everything. */
type Dnf = HubSpotFilter[][];

/** More groups than this while expanding, and the operand with the most groups is dropped (weakened to `all`). */
const MAX_EXPANSION = 64;

/**
 * Converts a formula to DNF. Where the expansion would grow past {@link MAX_EXPANSION} groups, the
 * widest operand of a conjunction is dropped: a conjunction with fewer operands matches more, so
 * the result still matches every contact the formula matches.
 */
export function toDnf(formula: FilterFormula): Dnf {
    switch (formula.kind) {
        case 'all':
            return [[]];
        case 'none':
            return [];
        case 'filter':
            return [[formula.filter]];
        case 'or': {
            const groups = formula.operands.flatMap(toDnf);
            return groups.length > MAX_EXPANSION ? [[]] : groups;
        }
        case 'and': {
            const parts = formula.operands.map(toDnf).sort((a, b) => a.length - b.length);
            if (parts.some((part) => part.length === 0)) return [];
            let product: Dnf = [[]];
            for (const part of parts) {
                if (product.length * part.length > MAX_EXPANSION) continue;
                product = product.flatMap((left) => part.map((right) => [...left, ...right]));
            }
            return product;
        }
    }
}

/** How much a filter narrows a search, to choose which to keep when some must go. */
const SELECTIVITY: Record<HubSpotFilter['operator'], number> = {
    EQ: 6,
    IN: 5,
    BETWEEN: 4,
    LT: 3,
    LTE: 3,
    GT: 3,
    GTE: 3,
    NOT_HAS_PROPERTY: 2,
    CONTAINS_TOKEN: 2,
    NEQ: 1,
    NOT_IN: 1,
    NOT_CONTAINS_TOKEN: 1,
    HAS_PROPERTY: 0,
};

/** Operators that only hold for a contact that has the property (so `HAS_PROPERTY` beside them is redundant). */
const IMPLIES_PRESENCE: ReadonlySet<string> = new Set(['EQ', 'IN', 'BETWEEN', 'LT', 'LTE', 'GT', 'GTE', 'CONTAINS_TOKEN']);

/** The limits a plan is cut to: HubSpot's, less one filter a group that paging adds. */
export interface GroupLimits {
    maxGroups: number;
    maxFiltersPerGroup: number;
    maxFilters: number;
}

/** HubSpot's limits, keeping one filter in every group for `hs_object_id > last id` (see `searchAll`). */
export const PLAN_LIMITS: GroupLimits = {
    maxGroups: HUBSPOT_SEARCH_LIMITS.maxGroups,
    maxFiltersPerGroup: HUBSPOT_SEARCH_LIMITS.maxFiltersPerGroup - 1,
    maxFilters: HUBSPOT_SEARCH_LIMITS.maxFilters,
};

/**
 * Cuts a formula to filter groups within `limits` (counting one reserved filter a group against
 * `maxFilters`), only ever weakening it: a dropped filter or two groups merged into the filters
 * they share match at least what they matched before. Returns `'none'` when the formula matches
 * no contact, `[]` when it must match every contact.
 */
export function toFilterGroups(formula: FilterFormula, limits: GroupLimits = PLAN_LIMITS): HubSpotFilterGroup[] | 'none' {
    let groups = toDnf(formula).map(normalizeGroup).filter((group): group is HubSpotFilter[] => group !== undefined);
    if (groups.length === 0) return 'none';
    groups = removeSubsumed(resolveComplements(groups));
    while (groups.length > limits.maxGroups) groups = mergeClosestPair(groups);
    groups = groups.map((group) => [...group].sort((a, b) => SELECTIVITY[b.operator] - SELECTIVITY[a.operator]).slice(0, limits.maxFiltersPerGroup));
    const count = (): number => groups.reduce((sum, group) => sum + group.length + 1, 0);
    while (count() > limits.maxFilters) {
        const widest = groups.reduce((best, group) => (group.length > best.length ? group : best));
        widest.pop();
    }
    if (groups.some((group) => group.length === 0)) return [];
    return removeSubsumed(groups).map((filters) => ({ filters }));
}

/** Removes duplicate and redundant filters; undefined when the group can match nothing. */
function normalizeGroup(group: HubSpotFilter[]): HubSpotFilter[] | undefined {
    const unique = new Map(group.map((filter) => [filterKey(filter), filter]));
    const filters = [...unique.values()];
    const present = new Set(filters.filter((f) => f.operator === 'HAS_PROPERTY' || IMPLIES_PRESENCE.has(f.operator)).map((f) => f.propertyName));
    if (filters.some((f) => f.operator === 'NOT_HAS_PROPERTY' && present.has(f.propertyName))) return undefined;
    return filters.filter((f) => f.operator !== 'HAS_PROPERTY' || !filters.some((g) => g.propertyName === f.propertyName && IMPLIES_PRESENCE.has(g.operator)));
}

/** Drops every group that holds all the filters of another (it matches nothing the other does not). */
function removeSubsumed(groups: HubSpotFilter[][]): HubSpotFilter[][] {
    const keys = groups.map((group) => new Set(group.map(filterKey)));
    return groups.filter((_, i) => !keys.some((other, j) => j !== i && [...other].every((key) => keys[i].has(key)) && (other.size < keys[i].size || j < i)));
}

/** Operators that also hold for a contact without the property. */
const HOLDS_WHEN_MISSING: ReadonlySet<string> = new Set(['NEQ', 'NOT_IN', 'NOT_CONTAINS_TOKEN']);

/**
 * Joins `A and p present and N` with `A and p absent` into `A and N`, where `N` are filters on `p`
 * that hold when it is absent (NEQ, NOT_IN): exact, since the two groups cover `A and N` whole.
 */
function resolveComplements(groups: HubSpotFilter[][]): HubSpotFilter[][] {
    for (let i = 0; i < groups.length; i++) {
        for (let j = 0; j < groups.length; j++) {
            if (i === j) continue;
            const there = new Set(groups[j].map(filterKey));
            const here = new Set(groups[i].map(filterKey));
            const onlyHere = groups[i].filter((f) => !there.has(filterKey(f)));
            const onlyThere = groups[j].filter((f) => !here.has(filterKey(f)));
            if (onlyThere.length !== 1 || onlyThere[0].operator !== 'NOT_HAS_PROPERTY') continue;
            const property = onlyThere[0].propertyName;
            const presence = onlyHere.filter((f) => f.propertyName === property && f.operator === 'HAS_PROPERTY');
            const rest = onlyHere.filter((f) => f.propertyName === property && HOLDS_WHEN_MISSING.has(f.operator));
            if (presence.length !== 1 || presence.length + rest.length !== onlyHere.length) continue;
            const joined = groups[i].filter((f) => f !== presence[0]);
            return resolveComplements([...groups.filter((_, k) => k !== i && k !== j), joined]);
        }
    }
    return groups;
}

/** Replaces the two groups sharing the most filters by their shared filters. */
function mergeClosestPair(groups: HubSpotFilter[][]): HubSpotFilter[][] {
    let best = { i: 0, j: 1, shared: [] as HubSpotFilter[] };
    for (let i = 0; i < groups.length; i++) {
        for (let j = i + 1; j < groups.length; j++) {
            const keys = new Set(groups[j].map(filterKey));
            const shared = groups[i].filter((filter) => keys.has(filterKey(filter)));
            if (shared.length > best.shared.length) best = { i, j, shared };
        }
    }
    return [...groups.filter((_, k) => k !== best.i && k !== best.j), best.shared];
}

function filterKey(filter: HubSpotFilter): string {
    return JSON.stringify([filter.propertyName, filter.operator, filter.value, filter.highValue, filter.values]);
}
