#!/usr/bin/env node
import { parseSampleArguments, usage } from './cli-arguments.js';
import { writeSampleFiles } from './sample-files.js';

/** Runs the sample-data command; returns the exit code (0 done, 2 usage error). */
function main(args: readonly string[]): number {
    let parsed;
    try {
        parsed = parseSampleArguments(args);
    } catch (error) {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
        return 2;
    }
    if (parsed.help) {
        process.stdout.write(usage);
        return 0;
    }
    const started = performance.now();
    const result = writeSampleFiles(parsed);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    for (const written of [result.snapshot, result.dayLater]) {
        if (written !== undefined) {
            const files = written.paths.events === undefined ? written.paths.contacts : `${written.paths.contacts} and ${written.paths.events}`;
            process.stdout.write(`Wrote ${written.stats.contacts} contacts, ${written.stats.events} events: ${files}\n`);
        }
    }
    process.stdout.write(`Done in ${seconds} s\n`);
    return 0;
}

process.exitCode = main(process.argv.slice(2));
