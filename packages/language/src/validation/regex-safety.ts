/**
 * Checks a `matches` pattern against the portable, linear-time subset of regular expressions that
 * every engine (JavaScript, PostgreSQL, RE2-style CRMs) treats alike: valid syntax, no
 * back-references, no look-around. Also spots nested repetition, which is slow on backtracking
 * engines (catastrophic backtracking) even when valid.
 */
export interface RegexVerdict {
    /** Why the pattern cannot be used at all (`invalid-regex`), if it cannot. */
    readonly invalid?: string;
    /** Why the pattern is risky (`unsafe-regex`), if it is. */
    readonly unsafe?: string;
}

export function checkRegex(pattern: string): RegexVerdict {
    try {
        new RegExp(pattern, 'u');
    } catch (error) {
        return { invalid: `not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}` };
    }
    const stripped = stripEscapesAndClasses(pattern);
    if (/\\[1-9]|\\k</.test(stripped.escapes)) {
        return { invalid: 'back-references are not in the portable, linear-time subset' };
    }
    if (/\(\?<?[=!]/.test(stripped.text)) {
        return { invalid: 'look-ahead and look-behind are not in the portable, linear-time subset' };
    }
    const nested = findNestedQuantifier(stripped.text);
    return nested ? { unsafe: nested } : {};
}

/**
 * Replaces character classes by `x` and escaped characters by `e` (keeping the escapes apart),
 * so the structure of groups and quantifiers can be read without tripping on `[(]` or `\(`.
 */
function stripEscapesAndClasses(pattern: string): { text: string; escapes: string } {
    let text = '';
    let escapes = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '\\') {
            escapes += pattern.slice(i, i + 2) + ' ';
            text += 'e';
            i++;
        } else if (c === '[') {
            let j = i + 1;
            if (pattern[j] === '^') j++;
            if (pattern[j] === ']') j++;
            while (j < pattern.length && pattern[j] !== ']') {
                if (pattern[j] === '\\') {
                    escapes += pattern.slice(j, j + 2) + ' ';
                    j++;
                }
                j++;
            }
            text += 'x';
            i = j;
        } else {
            text += c;
        }
    }
    return { text, escapes };
}

const QUANTIFIER = /^(\*|\+|\?|\{\d+(,\d*)?\})/;

/** A group that is repeated and holds a repeated part or alternatives that overlap: `(a+)+`, `(a*)*`, `(a|a)*`. */
function findNestedQuantifier(text: string): string | undefined {
    const stack: { start: number; hasQuantifier: boolean; alternatives: string[] }[] = [];
    let current = { start: -1, hasQuantifier: false, alternatives: [] as string[] };
    let branchStart = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '(') {
            stack.push(current);
            current = { start: i, hasQuantifier: false, alternatives: [] };
            branchStart = i + 1 + (text.startsWith('?:', i + 1) ? 2 : 0);
        } else if (c === '|') {
            current.alternatives.push(text.slice(branchStart, i));
            branchStart = i + 1;
        } else if (c === ')') {
            current.alternatives.push(text.slice(branchStart, i));
            const group = current;
            current = stack.pop() ?? { start: -1, hasQuantifier: false, alternatives: [] };
            const quantified = QUANTIFIER.exec(text.slice(i + 1));
            if (quantified && isUnbounded(quantified[0])) {
                const body = text.slice(group.start, i + 1);
                if (group.hasQuantifier) {
                    return `the group ${body} repeats a part that itself repeats (nested quantifiers)`;
                }
                const alternatives = group.alternatives.filter((a) => a.length > 0);
                if (new Set(alternatives).size < alternatives.length) {
                    return `the group ${body} repeats alternatives that match the same text`;
                }
            }
            if (group.hasQuantifier || quantified) current.hasQuantifier = true;
            branchStart = i + 1;
        } else if (QUANTIFIER.test(text.slice(i)) && isUnbounded(QUANTIFIER.exec(text.slice(i))![0])) {
            current.hasQuantifier = true;
        }
    }
    return undefined;
}

function isUnbounded(quantifier: string): boolean {
    return quantifier === '*' || quantifier === '+' || /^\{\d+,\}$/.test(quantifier);
}
