/** Where a stream of text output goes, and whether a terminal shows it. */
export interface OutputStream {
    write(text: string): void;
    /** Whether the stream is a terminal (then colours may be used). */
    readonly isTTY: boolean;
}

/**
 * Everything the commands take from the process: the current directory, the environment and the
 * two output streams. Commands never touch `process` themselves, so that they can be run in tests.
 */
export interface CliIo {
    readonly cwd: string;
    readonly env: Readonly<Record<string, string | undefined>>;
    readonly stdout: OutputStream;
    readonly stderr: OutputStream;
}

/** The {@link CliIo} of the running process. */
export function processIo(): CliIo {
    return {
        cwd: process.cwd(),
        env: process.env,
        stdout: { write: (text) => void process.stdout.write(text), isTTY: process.stdout.isTTY === true },
        stderr: { write: (text) => void process.stderr.write(text), isTTY: process.stderr.isTTY === true },
    };
}

/**
 * Whether to colour what goes to a stream: only on a terminal, and never when `NO_COLOR` is set
 * to a non-empty value (https://no-color.org).
 */
export function useColor(io: CliIo, stream: OutputStream): boolean {
    return stream.isTTY && !io.env['NO_COLOR'];
}
