/**
 * The entry point of `bin/segment.js`: runs the command on the process's arguments and sets the
 * exit code (without `process.exit`, so that long output is flushed first).
 */
import { runCli } from './cli.js';
import { processIo } from './cli-io.js';

// A reader that stops early (`segment eval ... --format ids | head`) closes the pipe: stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
});

process.exitCode = await runCli(process.argv.slice(2), processIo());
