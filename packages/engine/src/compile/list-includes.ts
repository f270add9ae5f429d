import { Truth } from '../truth.js';
import type { Accessor } from '../values/accessors.js';
import type { Fn } from './compiled.js';

const { FALSE, UNKNOWN, TRUE } = Truth;

/**
 * Whether a raw list element (a string) is the text `needle` (lower-cased) ignoring case, as
 * the list conversion would read it: trimmed, and never when blank (blank elements are dropped).
 */
export function elementIsText(element: string, needle: string): boolean {
    const text = element.trim();
    return text !== '' && (text === needle || text.toLowerCase() === needle);
}

/**
 * `field includes any/all of (constants)` for a `list of text` field, testing the raw array in
 * place instead of converting it to a new list: when the field's value is an array of strings,
 * each element is compared, trimmed, with the lower-cased constants (`needles`; `undefined` for
 * a missing constant, which is UNKNOWN). Any other value (a `;`-joined string, an element that is
 * not a string, a missing or unreadable value) goes to `general`, the closure of the full
 * conversion, so the truth and the data-quality counts are the same as its.
 */
export function textListIncludes(access: Accessor, needles: readonly (string | undefined)[], any: boolean, general: Fn<Truth>): Fn<Truth> {
    if (needles.length === 1 && needles[0] !== undefined) {
        const needle = needles[0];
        return (s) => {
            const raw = access(s.record);
            if (!Array.isArray(raw)) return general(s);
            let found = false;
            for (let i = 0; i < raw.length; i++) {
                const element: unknown = raw[i];
                if (typeof element !== 'string') return general(s);
                if (!found && elementIsText(element, needle)) found = true;
            }
            return found ? TRUE : FALSE;
        };
    }
    return (s) => {
        const raw = access(s.record);
        if (!Array.isArray(raw)) return general(s);
        for (let i = 0; i < raw.length; i++) if (typeof raw[i] !== 'string') return general(s);
        const list = raw as string[];
        let result: Truth = any ? FALSE : TRUE;
        for (const needle of needles) {
            const t = needle === undefined ? UNKNOWN : list.some((element) => elementIsText(element, needle)) ? TRUE : FALSE;
            if (any ? t > result : t < result) result = t;
        }
        return result;
    };
}
