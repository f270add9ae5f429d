/**
 * Every diagnostic the language reports, in one place. Codes are stable: tools (the CLI's JSON and
 * GitHub output, quick fixes, the n8n Validate operation, tests) key on them. docs/diagnostics.md
 * documents each one with an example, its meaning and its fix.
 */

/** How bad a diagnostic is. Lints may be raised, lowered or turned off in `segment.config.json`. */
export type Severity = 'error' | 'warning' | 'info';

export interface DiagnosticCodeInfo {
    /** The default severity. */
    readonly severity: Severity;
    /** Whether `segment.config.json` may change its severity. */
    readonly lint: boolean;
    /** One line saying what it reports. */
    readonly summary: string;
}

export const diagnosticCodes = {
    'syntax-error': { severity: 'error', lint: false, summary: 'The text does not follow the grammar of the language.' },
    'unknown-field': { severity: 'error', lint: false, summary: 'A name that is no field of the schema (nor a property of the event).' },
    'unknown-event': { severity: 'error', lint: false, summary: 'An event name the schema does not declare.' },
    'unknown-property': { severity: 'error', lint: false, summary: 'A property the event does not declare.' },
    'unknown-schema': { severity: 'error', lint: false, summary: 'A schema name no file of the project declares.' },
    'unknown-segment': { severity: 'error', lint: false, summary: 'A segment name no file of the project declares.' },
    'unknown-list': { severity: 'error', lint: false, summary: 'A static list name no file of the project declares.' },
    'unknown-function': { severity: 'error', lint: false, summary: 'A function the language does not have.' },
    'unknown-enum-value': { severity: 'error', lint: false, summary: 'A value that is not one of the values of a `one of` field.' },
    'missing-schema': { severity: 'error', lint: false, summary: '`of SCHEMA` is left out, but the project does not have exactly one schema.' },
    'type-mismatch': { severity: 'error', lint: false, summary: 'An operator, function or condition applied to a value of the wrong type.' },
    'wrong-arity': { severity: 'error', lint: false, summary: 'A function called with too few or too many arguments.' },
    'invalid-literal': { severity: 'error', lint: false, summary: 'A literal that is not a real value: 2026-02-30, 1.5 times, an unknown time zone.' },
    'invalid-regex': { severity: 'error', lint: false, summary: 'A pattern that is not a valid regular expression of the portable, linear-time subset.' },
    'contains-on-list': { severity: 'error', lint: false, summary: '`contains` on a list field, where `includes` is meant.' },
    'segment-cycle': { severity: 'error', lint: false, summary: 'Segments that refer to each other through `in segment`, in a circle.' },
    'calculated-field-cycle': { severity: 'error', lint: false, summary: 'A calculated field (`let`) that depends on itself.' },
    'duplicate-name': { severity: 'error', lint: false, summary: 'Two declarations of the same kind with one name in a project, or two members with one name in a schema.' },
    'duplicate-setting': { severity: 'error', lint: false, summary: 'A segment setting (`description`, `timezone`, `refresh`) given twice.' },
    'list-file-not-found': { severity: 'error', lint: false, summary: 'The CSV file of a static list does not exist.' },
    'too-many-conditions': { severity: 'warning', lint: true, summary: 'A segment with more conditions than the configured limit.' },
    'too-deep': { severity: 'warning', lint: true, summary: 'A segment nested deeper than the configured limit.' },
    'ambiguous-precedence': { severity: 'warning', lint: true, summary: '`and` and `or` mixed at one level without parentheses.' },
    'ambiguous-date-comparison': { severity: 'warning', lint: true, summary: '`x > N days ago` or `x < N days ago`, which readers take both ways.' },
    'null-comparison': { severity: 'warning', lint: true, summary: '`x = null` or `x != null`, which is never true: missing values are UNKNOWN.' },
    'unsafe-regex': { severity: 'warning', lint: true, summary: 'A pattern with nested repetition, slow on backtracking engines.' },
    'unsatisfiable': { severity: 'warning', lint: true, summary: 'Conditions of one `and` group that no value can meet together.' },
} as const satisfies Record<string, DiagnosticCodeInfo>;

/** A stable diagnostic code. */
export type DiagnosticCode = keyof typeof diagnosticCodes;

/** Every code, in documentation order. */
export const allDiagnosticCodes = Object.keys(diagnosticCodes) as DiagnosticCode[];

/** The codes whose severity the configuration may change. */
export const lintCodes = allDiagnosticCodes.filter((code) => diagnosticCodes[code].lint) as [DiagnosticCode, ...DiagnosticCode[]];

/** Whether a string is one of our codes. */
export function isDiagnosticCode(code: unknown): code is DiagnosticCode {
    return typeof code === 'string' && Object.hasOwn(diagnosticCodes, code);
}
