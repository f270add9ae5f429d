import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/**
 * What the end-to-end harnesses (test/e2e-vscode, test/e2e-n8n) share: their flags, their
 * timestamped steps, their exits, and cleaning up on exit or a signal.
 */
export interface Harness {
    /** Prints a step, with the seconds since the harness started: `[e2e-n8n +12.3s] ...`. */
    step(message: string): void;
    /** Prints why the harness cannot go on, and exits 1. */
    fail(message: string): never;
    /** Fails unless this Node is at least `major` (the harnesses run tools that need Node 24). */
    requireNode(major: number, why: string): void;
    /**
     * Runs `cleanUp` when the process exits, and exits with the usual code on SIGINT, SIGTERM and
     * SIGHUP (after `cleanUp`): children must never outlive the harness.
     */
    cleanUpOnExit(cleanUp: () => void): void;
    /** Runs the harness's `main` (its exit code), then `finish`, then says it is done. */
    run(main: () => Promise<number>, finish?: () => Promise<void> | void): Promise<void>;
}

/** A harness named `name` (the prefix of its lines). */
export function createHarness(name: string): Harness {
    const started = Date.now();
    const step = (message: string): void => console.log(`[${name} +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
    const fail = (message: string): never => {
        console.error(`${name}: ${message}`);
        process.exit(1);
    };
    return {
        step,
        fail,
        requireNode(major, why) {
            const current = Number(process.versions.node.split('.')[0]);
            if (current < major) fail(`${why} needs Node ${major}, this is Node ${process.versions.node}: run it through npm (npm scripts put the repository's Node 24 first on PATH) or with node_modules/.bin/node`);
        },
        cleanUpOnExit(cleanUp) {
            process.on('exit', cleanUp);
            for (const [signal, code] of [
                ['SIGINT', 130],
                ['SIGTERM', 143],
                ['SIGHUP', 129],
            ] as const) {
                process.on(signal, () => {
                    console.error(`${name}: ${signal}, stopping`);
                    cleanUp();
                    process.exit(code);
                });
            }
        },
        async run(main, finish) {
            try {
                process.exitCode = await main();
            } catch (error) {
                console.error(error);
                process.exitCode = 1;
            } finally {
                await finish?.();
                step('done');
            }
        },
    };
}

/** Parses the harness's command line with `node:util`'s parseArgs; on a mistake prints it with the usage and exits 2. */
export function parseHarnessFlags<const T extends ParseArgsOptionsConfig>(name: string, usage: string, options: T) {
    try {
        return parseArgs({ options, strict: true }).values;
    } catch (error) {
        console.error(`${name}: ${(error as Error).message}\n${usage}`);
        process.exit(2);
    }
}
