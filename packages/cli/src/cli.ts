import { type CliArguments, parseCliArguments } from './arguments.js';
import { CliError, ExitCode, UsageError } from './cli-error.js';
import type { CliIo } from './cli-io.js';
import { runChanges } from './commands/changes.js';
import { runCheck } from './commands/check.js';
import { runCompile } from './commands/compile.js';
import { runEval } from './commands/eval.js';
import { runFmt } from './commands/fmt.js';
import { runSchemaPull } from './commands/schema-pull.js';
import { cliVersion } from './version.js';
import { DefaultWorkspaceLoader, type WorkspaceLoader } from './workspace-loader.js';

/**
 * Runs the `segment` command on a command line (without the node and script paths) and returns
 * its exit code. Never throws: any failure is printed as one `segment: ...` line on stderr
 * (followed by the usage for a usage error) and gives exit code 2.
 */
export async function runCli(argv: readonly string[], io: CliIo, createLoader: () => WorkspaceLoader = () => new DefaultWorkspaceLoader()): Promise<ExitCode> {
    try {
        return await dispatch(parseCliArguments(argv), io, createLoader);
    } catch (error) {
        if (error instanceof UsageError) {
            io.stderr.write(`segment: ${error.message}\n\n${error.usage}`);
        } else if (error instanceof CliError) {
            io.stderr.write(`segment: ${error.message}\n`);
        } else {
            io.stderr.write(`segment: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
        }
        return ExitCode.Failure;
    }
}

function dispatch(args: CliArguments, io: CliIo, createLoader: () => WorkspaceLoader): Promise<ExitCode> {
    switch (args.command) {
        case 'help':
            io.stdout.write(args.text);
            return Promise.resolve(ExitCode.Ok);
        case 'version':
            io.stdout.write(`${cliVersion()}\n`);
            return Promise.resolve(ExitCode.Ok);
        case 'check':
            return runCheck(args, io, createLoader());
        case 'fmt':
            return runFmt(args, io, createLoader());
        case 'compile':
            return runCompile(args, io, createLoader());
        case 'eval':
            return runEval(args, io, createLoader());
        case 'changes':
            return runChanges(args, io, createLoader());
        case 'schema':
            return runSchemaPull(args, io);
    }
}
