/**
 * The checks of one end-to-end run: each is printed as it is made, and the summary at the end
 * lists them with the verdict.
 */

/** One check: what was compared, and whether it held. */
export interface Check {
    readonly scenario: string;
    readonly name: string;
    readonly passed: boolean;
    readonly detail: string;
}

/** Collects the checks of a run. */
export class Report {
    readonly checks: Check[] = [];
    private readonly print: (line: string) => void;

    constructor(print: (line: string) => void) {
        this.print = print;
    }

    /** Records a check; `detail` says what was seen (the counts, or the first differences). */
    check(scenario: string, name: string, passed: boolean, detail: string): boolean {
        this.checks.push({ scenario, name, passed, detail });
        this.print(`${passed ? 'PASS' : 'FAIL'} ${scenario}: ${name}${detail ? ` (${detail})` : ''}`);
        return passed;
    }

    /** Records that a scenario could not run to its checks (an n8n command failed, a wait timed out...). */
    error(scenario: string, error: unknown): void {
        const message = error instanceof Error ? error.message : String(error);
        this.check(scenario, 'ran to completion', false, message);
    }

    /**
     * Compares the keys a node output with the expected set: passes when they are the same keys,
     * each output once; else names the first keys missing, extra and repeated.
     */
    sameKeys(scenario: string, name: string, actual: readonly string[], expected: Iterable<string>): boolean {
        const got = new Set(actual);
        const want = new Set(expected);
        const missing = [...want].filter((key) => !got.has(key));
        const extra = [...got].filter((key) => !want.has(key));
        const repeated = actual.filter((key, index) => actual.indexOf(key) !== index);
        const passed = missing.length === 0 && extra.length === 0 && repeated.length === 0;
        const detail = passed
            ? `${want.size} key(s)`
            : `expected ${want.size}, got ${actual.length}; missing ${missing.length}: ${missing.slice(0, 5).join(', ')}; ` +
              `extra ${extra.length}: ${extra.slice(0, 5).join(', ')}; repeated ${repeated.length}: ${repeated.slice(0, 5).join(', ')}`;
        return this.check(scenario, name, passed, detail);
    }

    get passed(): boolean {
        return this.checks.length > 0 && this.checks.every((check) => check.passed);
    }

    /** The summary: every check on a line, then the counts. */
    summary(): string {
        const failed = this.checks.filter((check) => !check.passed);
        const lines = this.checks.map((check) => `  ${check.passed ? 'PASS' : 'FAIL'}  ${check.scenario}: ${check.name}`);
        lines.push(`${this.checks.length - failed.length} passed, ${failed.length} failed`);
        return lines.join('\n');
    }
}
