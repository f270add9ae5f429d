import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-error.js';
import { schemaPullArguments, type SchemaPullArguments, schemaPullOptions, schemaPullUsage } from './commands/schema-pull-arguments.js';

/** The output formats of `segment check`. */
export const checkFormats = ['human', 'json', 'github'] as const;

/** An output format of `segment check`. */
export type CheckFormat = (typeof checkFormats)[number];

/** The output formats of `segment compile`. */
export const compileFormats = ['json'] as const;

/** An output format of `segment compile`. */
export type CompileFormat = (typeof compileFormats)[number];

/** The output formats of `segment eval`. */
export const evalFormats = ['table', 'ndjson', 'csv', 'ids'] as const;

/** An output format of `segment eval`. */
export type EvalFormat = (typeof evalFormats)[number];

/** The output formats of `segment changes`. */
export const changesFormats = ['table', 'ndjson', 'ids'] as const;

/** An output format of `segment changes`. */
export type ChangesFormat = (typeof changesFormats)[number];

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

/** `segment eval <target...> --data FILE [--events FILE] [--now ISO] [--tz ZONE] [--format ...] [--explain] [--trace KEY...]`. */
export interface EvalArguments {
    readonly command: 'eval';
    /** What to evaluate: `.segment` files, folders (every segment under them) or segment names of the current directory's project. */
    readonly targets: readonly string[];
    /** Which segment of the file, when one file declaring several is the target. */
    readonly segment?: string;
    /** The records: `.ndjson`/`.jsonl`, `.json` (an array) or `.csv`. */
    readonly data: string;
    /** A separate NDJSON file of events, `{ "contact": KEY, "event", "at", ... }`. */
    readonly events?: string;
    /** The evaluation instant as given (the engine reads it); the current time when absent. */
    readonly now?: string;
    /** An IANA zone replacing the segment's. */
    readonly timezone?: string;
    readonly format: EvalFormat;
    /** Whether to print the per-condition funnel after the members. */
    readonly explain: boolean;
    /** The keys of the records to trace (why each is in or out), in the order given, each once. */
    readonly trace: readonly string[];
}

/** `segment changes <target...> --before FILE --after FILE [...]`. */
export interface ChangesArguments {
    readonly command: 'changes';
    /** What to compare, as for {@link EvalArguments.targets}. */
    readonly targets: readonly string[];
    readonly segment?: string;
    /** The earlier snapshot of the records. */
    readonly before: string;
    /** The later snapshot of the records. */
    readonly after: string;
    readonly eventsBefore?: string;
    readonly eventsAfter?: string;
    /** The instant of the later snapshot; the current time when absent. */
    readonly now?: string;
    /** The instant of the earlier snapshot; `now` when absent. */
    readonly nowBefore?: string;
    readonly timezone?: string;
    readonly format: ChangesFormat;
    /** How many keys of each side the `table` format lists per segment; its default when absent (50 for one segment, 10 for several). */
    readonly limit?: number;
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
export type CliArguments =
    | CheckArguments
    | FmtArguments
    | CompileArguments
    | EvalArguments
    | ChangesArguments
    | SchemaPullArguments
    | HelpArguments
    | VersionArguments;

/** The usage text of `segment`. */
export const mainUsage = `Usage: segment <command> [options]

Commands:
  check [paths...]        Check segment files and report their diagnostics
  fmt [paths...]          Format segment files in place
  compile <file|name>     Print the IR bundle of a segment
  eval <target...>        Evaluate segments on a data file and print their members
  changes <target...>     Print who entered and who exited segments between two data files
  schema pull hubspot     Write a schema from a HubSpot account's contact properties

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
    eval: `Usage: segment eval <file|folder|name...> --data <file> [options]

Evaluates a segment on the records of a data file, streamed (.ndjson or .jsonl: one JSON object
per line; .json: an array of objects; .csv: a header row, dotted names being paths), and prints
its members. Unreadable entries are counted and reported on stderr; the evaluation goes on.

Given a folder (every segment under it) or several segments, evaluates them all in one pass over
the data and prints each one's size (and, with --explain, its funnel); --format ids then prints
SEGMENT<TAB>KEY lines, and ndjson {"segment": NAME, "key": KEY} lines.

Options:
  -d, --data <file>       The records (required)
  -e, --events <file>     Events in NDJSON, {"contact": KEY, "event": NAME, "at": TIME, ...},
                          held in memory; they replace the records' own "events" arrays
  -s, --segment <name>    The segment to evaluate, when the file declares several
  --now <instant>         The evaluation instant, ISO 8601 (default: the current time)
  --tz <zone>             An IANA time zone replacing the segment's
  -f, --format <format>   table (default: key and a few fields of the first 50 members),
                          ndjson (member records), csv (the schema's fields) or ids (keys only)
  --explain               Then print how many records each condition was TRUE, FALSE or
                          UNKNOWN for (on stderr unless the format is table)
  --trace <key>           Then print why the record with this key is in or out: each
                          condition, its truth and the values it compared (repeatable; on
                          stderr unless the format is table; exits 1 if no record has the key)
  -h, --help              Show this help
`,
    changes: `Usage: segment changes <file|folder|name...> --before <file> --after <file> [options]

Evaluates a segment on two snapshots of the records and prints who entered (a member after and
not before) and who exited (a member before and not after). Given a folder or several segments,
evaluates them all in one pass over each snapshot and prints each one's changes, then a summary.

Options:
  --before <file>         The earlier records (required; formats as for eval)
  --after <file>          The later records (required)
  --events-before <file>  Events of the earlier records (NDJSON, as for eval --events)
  --events-after <file>   Events of the later records
  -s, --segment <name>    The segment, when the file declares several
  --now <instant>         The instant of the later snapshot (default: the current time)
  --now-before <instant>  The instant of the earlier snapshot (default: the same as --now)
  --tz <zone>             An IANA time zone replacing the segment's
  -f, --format <format>   table (default), ndjson ({"change": "entered"|"exited", "key": KEY})
                          or ids (+KEY for entered, -KEY for exited); with several segments,
                          each line also names its segment
  --limit <n>             The keys of each side the table lists per segment (default: 50 for
                          one segment, 10 for several)
  -h, --help              Show this help
`,
    schema: schemaPullUsage,
} as const;

/** A command of `segment`. */
export type CommandName = keyof typeof commandUsage;

const helpOption = { help: { type: 'boolean', short: 'h' } } as const;

const commandOptions = {
    check: { ...helpOption, format: { type: 'string', short: 'f' } },
    fmt: { ...helpOption, check: { type: 'boolean' } },
    compile: { ...helpOption, segment: { type: 'string', short: 's' }, json: { type: 'boolean' } },
    eval: {
        ...helpOption,
        segment: { type: 'string', short: 's' },
        data: { type: 'string', short: 'd' },
        events: { type: 'string', short: 'e' },
        now: { type: 'string' },
        tz: { type: 'string' },
        format: { type: 'string', short: 'f' },
        explain: { type: 'boolean' },
        trace: { type: 'string', multiple: true },
    },
    changes: {
        ...helpOption,
        segment: { type: 'string', short: 's' },
        before: { type: 'string' },
        after: { type: 'string' },
        'events-before': { type: 'string' },
        'events-after': { type: 'string' },
        now: { type: 'string' },
        'now-before': { type: 'string' },
        tz: { type: 'string' },
        format: { type: 'string', short: 'f' },
        limit: { type: 'string' },
    },
    schema: schemaPullOptions,
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
            return { command: 'check', paths: defaultPaths(positionals), format: chooseFormat(values['format'], checkFormats, 'human', usage) };
        case 'fmt':
            return { command: 'fmt', paths: defaultPaths(positionals), check: values['check'] === true };
        case 'compile':
            return compileArguments(positionals, values, usage);
        case 'eval':
            return evalArguments(positionals, values, usage);
        case 'changes':
            return changesArguments(positionals, values, usage);
        case 'schema':
            return schemaPullArguments(positionals, values, usage);
    }
}

/** The options and positionals of one command's arguments. */
function parseCommandLine(
    args: string[],
    options: NonNullable<ParseArgsConfig['options']>,
    usage: string,
): { values: OptionValues; positionals: string[] } {
    try {
        const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
        return { values: values as OptionValues, positionals };
    } catch (error) {
        throw new UsageError(describeParseError(error), usage);
    }
}

function defaultPaths(positionals: string[]): string[] {
    return positionals.length > 0 ? positionals : ['.'];
}

/** The value of one option: a string, a flag, the strings of a repeatable option, or nothing. */
type OptionValue = string | boolean | string[] | undefined;

type OptionValues = Record<string, OptionValue>;

function chooseFormat<F extends string>(value: OptionValue, formats: readonly F[], fallback: F, usage: string): F {
    if (value === undefined) return fallback;
    const format = formats.find((f) => f === value);
    if (!format) {
        throw new UsageError(`unknown format '${String(value)}' (expected ${formats.join(', ')})`, usage);
    }
    return format;
}

/** The files, folders or segment names `eval` and `changes` take: at least one. */
function targetsOf(command: string, positionals: string[], usage: string): string[] {
    if (positionals.length === 0) throw new UsageError(`${command} needs a file, a folder or a segment name`, usage);
    return positionals;
}

/** The value of `--limit`: a positive whole number. */
function limitOf(value: OptionValue, usage: string): { limit?: number } {
    if (value === undefined) return {};
    const limit = Number(value);
    if (typeof value !== 'string' || !/^\d+$/.test(value) || limit < 1 || !Number.isSafeInteger(limit)) {
        throw new UsageError(`--limit takes a positive whole number, not '${String(value)}'`, usage);
    }
    return { limit };
}

/** The one file or segment name a command takes. */
function targetOf(command: string, positionals: string[], usage: string): string {
    if (positionals.length !== 1) {
        throw new UsageError(positionals.length === 0 ? `${command} needs a file or a segment name` : `${command} takes one file or segment name`, usage);
    }
    return positionals[0]!;
}

/** The string options that are set, renamed: `{ eventsBefore: values['events-before'] }`, without the unset ones. */
function stringOptions<K extends string>(values: OptionValues, names: Record<K, string>): Partial<Record<K, string>> {
    const result: Partial<Record<K, string>> = {};
    for (const [property, option] of Object.entries(names) as Array<[K, string]>) {
        const value = values[option];
        if (typeof value === 'string') result[property] = value;
    }
    return result;
}

/** The value of a required string option. */
function required(values: OptionValues, option: string, command: string, usage: string): string {
    const value = values[option];
    if (typeof value !== 'string') throw new UsageError(`${command} needs --${option} <file>`, usage);
    return value;
}

function compileArguments(positionals: string[], values: OptionValues, usage: string): CompileArguments {
    return { command: 'compile', target: targetOf('compile', positionals, usage), ...stringOptions(values, { segment: 'segment' }), format: 'json' };
}

function evalArguments(positionals: string[], values: OptionValues, usage: string): EvalArguments {
    return {
        command: 'eval',
        targets: targetsOf('eval', positionals, usage),
        data: required(values, 'data', 'eval', usage),
        ...stringOptions(values, { segment: 'segment', events: 'events', now: 'now', timezone: 'tz' }),
        format: chooseFormat(values['format'], evalFormats, 'table', usage),
        explain: values['explain'] === true,
        trace: [...new Set(Array.isArray(values['trace']) ? values['trace'] : [])],
    };
}

function changesArguments(positionals: string[], values: OptionValues, usage: string): ChangesArguments {
    return {
        command: 'changes',
        targets: targetsOf('changes', positionals, usage),
        before: required(values, 'before', 'changes', usage),
        after: required(values, 'after', 'changes', usage),
        ...stringOptions(values, {
            segment: 'segment',
            eventsBefore: 'events-before',
            eventsAfter: 'events-after',
            now: 'now',
            nowBefore: 'now-before',
            timezone: 'tz',
        }),
        format: chooseFormat(values['format'], changesFormats, 'table', usage),
        ...limitOf(values['limit'], usage),
    };
}

/** The message of a `parseArgs` error, without its hint about `--` (our commands take no values after it). */
function describeParseError(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    return message.split('. To specify a positional argument')[0]!.replace(/\.$/, '');
}
