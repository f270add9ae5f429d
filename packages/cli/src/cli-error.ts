/** Exit codes of the `segment` command. */
export const ExitCode = {
    /** Nothing wrong (warnings allowed). */
    Ok: 0,
    /** Problems in the checked files: an error diagnostic, a file not formatted, a syntax error. */
    Problems: 1,
    /** The command could not do its work: bad usage, a missing path, an invalid configuration. */
    Failure: 2,
} as const;

/** An exit code of the `segment` command. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * An error the command reports as one message (no stack trace) before exiting with
 * {@link ExitCode.Failure}: a missing path, an invalid `segment.config.json`, an unknown segment.
 */
export class CliError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'CliError';
    }
}

/** A command line the command does not understand; the usage of the command is printed after the message. */
export class UsageError extends CliError {
    constructor(
        message: string,
        /** The usage text of the command that was called (or of `segment` itself). */
        readonly usage: string,
    ) {
        super(message);
        this.name = 'UsageError';
    }
}
