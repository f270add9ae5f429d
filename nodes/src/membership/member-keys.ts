/** A member key read from an item, or why there is none. */
export type MemberKeyResult = { readonly key: string } | { readonly problem: string };

/**
 * Reads a member's key from an item's JSON: the field named `field` if the object has it (so
 * `contact.id` may be a flat name), else the dotted path (`contact.id` → `json.contact.id`).
 * A non-empty string is the key as it is; a finite number or a bigint its decimal text (`42`).
 * Anything else (missing, null, empty, boolean, object, list) is a problem: a member without a key
 * cannot be told apart from any other, and skipping it would make it exit.
 */
export function readMemberKey(json: Record<string, unknown>, field: string, itemIndex: number): MemberKeyResult {
    const value = field in json ? json[field] : field.split('.').reduce<unknown>((node, part) => (isRecord(node) ? node[part] : undefined), json);
    if (typeof value === 'string' && value !== '') return { key: value };
    if (typeof value === 'number' && Number.isFinite(value)) return { key: String(value) };
    if (typeof value === 'bigint') return { key: value.toString() };
    if (value === undefined) return { problem: `Item ${itemIndex} has no field "${field}" to use as its key` };
    if (value === '') return { problem: `Item ${itemIndex} has an empty "${field}": every member needs a key` };
    const type = value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value;
    return { problem: `Item ${itemIndex} has a ${type} in "${field}", not a text or number key` };
}

/** Whether an item is n8n's "no data" placeholder (`{}`, as `Always Output Data` emits): it is not a member. */
export function isEmptyItem(json: Record<string, unknown>): boolean {
    return Object.keys(json).length === 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
