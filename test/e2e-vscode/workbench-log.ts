/**
 * The pure parts of the harness: the workbench's address with the test payload, the lines that
 * the workbench reports through `codeAutomationLog`, and the screenshot markers of the suite.
 */
import { format } from 'node:util';

/** A line of the workbench's log (its own messages and the extension host's console). */
export interface LogLine {
    /** `trace`, `debug`, `info`, `warn` or `error`. */
    readonly level: string;
    readonly message: string;
}

/** What the workbench needs to run a test suite inside the extension host of the server. */
export interface TestPayload {
    /** The folder opened as the workspace (absolute, on the server's file system). */
    readonly folder: string;
    /** The extension run in development mode (absolute); the workbench runs tests only in that mode. */
    readonly extensionDevelopmentPath: string;
    /** The compiled suite's entry exporting `run()` (absolute). */
    readonly extensionTestsPath: string;
}

/**
 * The workbench's address that opens `folder` and runs the suite: the `payload` query parameter
 * is read only when the server runs with `--vscode-option enable-smoke-test-driver`.
 */
export function workbenchUrl(origin: string, payload: TestPayload): string {
    const remote = (path: string) => `vscode-remote://remote${path}`;
    const entries = [
        ['extensionDevelopmentPath', remote(payload.extensionDevelopmentPath)],
        ['extensionTestsPath', remote(payload.extensionTestsPath)],
    ];
    const query = new URLSearchParams({ folder: payload.folder, payload: JSON.stringify(entries) });
    return `${origin}/?${query.toString()}`;
}

/**
 * A line from the arguments of `codeAutomationLog(level, args)`, formatted as `console.log`
 * formats them (`%s`, `%d`... in a first string argument, as mocha's reporters use them).
 */
export function logLine(level: unknown, args: unknown): LogLine {
    const parts: unknown[] = Array.isArray(args) ? args : [args];
    return { level: typeof level === 'string' ? level : 'info', message: format(...parts) };
}

/** The line as the harness prints it: the level (padded) and the message, each of its lines after `prefix`. */
export function formatLine(line: LogLine, prefix = ''): string {
    const head = `${line.level.padEnd(5)} `;
    return line.message
        .split('\n')
        .map((text, index) => `${prefix}${index === 0 ? head : ' '.repeat(head.length)}${text}`.trimEnd())
        .join('\n');
}

const SCREENSHOT = /^SCREENSHOT ([a-z0-9][a-z0-9-]*)$/;

/**
 * The name in a screenshot marker `SCREENSHOT <name>` that the suite logs (lower-case letters,
 * digits and dashes), or `undefined` when the line is no marker.
 */
export function screenshotMarker(line: LogLine): string | undefined {
    return SCREENSHOT.exec(line.message.trim())?.[1];
}

/** Chatter of the workbench that says nothing about the extension under test. */
const NOISE = [
    /^\[AgentHost\b/,
    /^\[ChatModelSelection\]/,
    /^\[AccountPolicyGate\]/,
    /^Creating a socket \(/,
    /^Resolv(ing|ed) connection token/,
    // No network for the extension gallery nor GitHub sign-in: harmless.
    /\bopen-vsx\.org\b/,
    /^Timed out waiting for authentication provider 'github'/,
];

/** Whether to print the line while the suite runs (every line is kept in the log file and printed on failure). */
export function isWorthPrinting(line: LogLine): boolean {
    if (line.level === 'trace' || line.level === 'debug') return false;
    return !NOISE.some((pattern) => pattern.test(line.message));
}
