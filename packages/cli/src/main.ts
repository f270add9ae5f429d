/**
 * The entry point of `bin/segment.js`: runs the command on the process's arguments and sets the
 * exit code (without `process.exit`, so that long output is flushed first).
 */
import { runCli } from './cli.js';
import { processIo } from './cli-io.js';

process.exitCode = await runCli(process.argv.slice(2), processIo());
