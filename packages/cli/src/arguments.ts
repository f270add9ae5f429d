import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-error.js';

/** The output formats of `segment check`. */
export const checkFormats = ['human', 'json', 'github'] as const;

/** An output format of `segment check`. */
export type CheckFormat = (typeof checkFormats)[number];

/** The output formats of `segment compile`. */
export const compileFormats = ['json'] as const;

/** An output format of `segment compile`. */
export type CompileFormat = (typeof compileFormats)[number];

/** `segment check [paths...] [--format human|json|github]`. */
export interface CheckArguments {
    readonly command: 'check';
    readonly paths: readonly string[];
    readonly format: CheckFormat;
}

/** `segment fmt [--check] [paths...]`. */
export interface FmtArguments {
    readonly command: 'fmt';
    readonly paths: readonly string[];
    readonly check: boolean;
}

/** `segment compile <file|name> [--segment NAME] [--json]`. */
export interface CompileArguments {
    readonly command: 'compile';
    /** A `.segment` file, or the name of a segment of the current directory's project. */
    readonly target: string;
    /** Which segment of the file, when it declares several. */
    readonly segment?: string;
    readonly format: CompileFormat;
}

/** `--help` (of `segment` or of one command): print the text and exit 0. */
export interface HelpArguments {
    readonly command: 'help';
    readonly text: string;
}

/** `--version`. */
export interface VersionArguments {
    readonly command: 'version';
}

/** A command line, understood. */
export type CliArguments = CheckArguments | FmtArguments | CompileArguments | HelpArguments | VersionArguments;

/** The usage text of `segment`. */
export const mainUsage = `Usage: segment <command> [options]

Commands:
  check [paths...]        Check segment files and report their diagnostics
  fmt [paths...]          Format segment files in place
  compile <file|name>     Print the IR bundle of a segment

Options:
  -h, --help              Show help (also: segment <command> --help)
  -v, --version           Show the version

Exit codes: 0 no problems, 1 problems found, 2 usage or configuration error.
`;

/** The usage text of each command. */
export const commandUsage = {
    check: `Usage: segment check [paths...] [--format human|json|github]

Checks the .segment files under the given files and folders (default: the current folder) and
reports their diagnostics. Exits 1 when any diagnostic is an error, 0 otherwise.

Options:
  -f, --format <format>   human (default), json, or github (workflow commands for GitHub Actions)
  -h, --help              Show this help
`,
    fmt: `Usage: segment fmt [--check] [paths...]

Formats the .segment files under the given files and folders (default: the current folder) in place.

Options:
  --check                 Write nothing; list the files that are not formatted and exit 1 if any
  -h, --help              Show this help
`,
    compile: `Usage: segment compile <file|name> [--segment NAME] [--json]

Prints the IR bundle of one segment as JSON: the segment of a file (--segment chooses one when
the file declares several), or the segment of that name in the current folder's project.

Options:
  -s, --segment <name>    The segment to compile, when the file declares several
  --json                  Print JSON (the default, and for now the only format)
  -h, --help              Show this help
`,
} as const;

/** A command of `segment`. */
export type CommandName = keyof typeof commandUsage;

const helpOption = { help: { type: 'boolean', short: 'h' } } as const;

const commandOptions = {
    check: { ...helpOption, format: { type: 'string', short: 'f' } },
    fmt: { ...helpOption, check: { type: 'boolean' } },
    compile: { ...helpOption, segment: { type: 'string', short: 's' }, json: { type: 'boolean' } },
} as const satisfies Record<CommandName, ParseArgsConfig['options']>;

function isCommandName(name: string): name is CommandName {
    return Object.hasOwn(commandUsage, name);
}

/**
 * Understands a command line (without the node and script paths), throwing a {@link UsageError}
 * for anything it does not understand.
 */
export function parseCliArguments(argv: readonly string[]): CliArguments {
    const [first, ...rest] = argv;
    if (first === undefined) {
        throw new UsageError('no command given', mainUsage);
    }
    if (first === '--help' || first === '-h' || first === 'help') {
        return { command: 'help', text: mainUsage };
    }
    if (first === '--version' || first === '-v') {
        return { command: 'version' };
    }
    if (!isCommandName(first)) {
        throw new UsageError(first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`, mainUsage);
    }
    const usage = commandUsage[first];
    const { values, positionals } = parseCommandLine(rest, commandOptions[first], usage);
    if (values['help']) {
        return { command: 'help', text: usage };
    }
    switch (first) {
        case 'check':
            return { command: 'check', paths: defaultPaths(positionals), format: checkFormat(values['format'], usage) };
        case 'fmt':
            return { command: 'fmt', paths: defaultPaths(positionals), check: values['check'] === true };
        case 'compile':
            return compileArguments(positionals, values, usage);
    }
}

/** The options and positionals of one command's arguments. */
function parseCommandLine(
    args: string[],
    options: NonNullable<ParseArgsConfig['options']>,
    usage: string,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
    try {
        const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
        return { values: values as Record<string, string | boolean | undefined>, positionals };
    } catch (error) {
        throw new UsageError(describeParseError(error), usage);
    }
}

function defaultPaths(positionals: string[]): string[] {
    return positionals.length > 0 ? positionals : ['.'];
}

function checkFormat(value: string | boolean | undefined, usage: string): CheckFormat {
    if (value === undefined) return 'human';
    const format = checkFormats.find((f) => f === value);
    if (!format) {
        throw new UsageError(`unknown format '${String(value)}' (expected ${checkFormats.join(', ')})`, usage);
    }
    return format;
}

function compileArguments(positionals: string[], values: Record<string, string | boolean | undefined>, usage: string): CompileArguments {
    if (positionals.length !== 1) {
        throw new UsageError(positionals.length === 0 ? 'compile needs a file or a segment name' : 'compile takes one file or segment name', usage);
    }
    const segment = values['segment'];
    return { command: 'compile', target: positionals[0]!, ...(typeof segment === 'string' ? { segment } : {}), format: 'json' };
}

/** The message of a `parseArgs` error, without its hint about `--` (our commands take no values after it). */
function describeParseError(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    return message.split('. To specify a positional argument')[0]!.replace(/\.$/, '');
}
