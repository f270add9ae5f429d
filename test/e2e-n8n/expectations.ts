/**
 * The truth the n8n runs are checked against, computed independently of n8n and of the node
 * pack: by the repository's CLI (`segment eval`, packages/cli) on the same files, `now` and time
 * zone.
 */
import { spawnSync } from 'node:child_process';

/** How to evaluate: the CLI's bin script, the project folder, the data file and the instant. */
export interface EvalOptions {
    /** packages/cli/bin/segment.js, run with this process's Node. */
    readonly cli: string;
    /** The project folder (its segment.config.json gives the time zone). */
    readonly project: string;
    /** The records, relative to `project` or absolute. */
    readonly data: string;
    /** The evaluation instant, ISO 8601. */
    readonly now: string;
}

/** The members of each segment: segment name → the set of member keys. */
export type Memberships = Map<string, Set<string>>;

/** `segment eval <segments...> --data ... --now ... -f ids`: the members of each named segment. */
export function evaluateWithCli(options: EvalOptions, segments: readonly string[]): Memberships {
    const result = spawnSync(process.execPath, [options.cli, 'eval', ...segments, '--data', options.data, '--now', options.now, '--format', 'ids'], {
        cwd: options.project,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
    });
    if (result.status !== 0) throw new Error(`segment eval exited with ${result.status ?? result.signal}:\n${result.stderr}`);
    const members: Memberships = new Map(segments.map((segment) => [segment, new Set<string>()]));
    for (const line of result.stdout.split('\n')) {
        if (line === '') continue;
        // One segment prints bare keys; several print `segment<TAB>key`.
        const [segment, key] = segments.length === 1 ? [segments[0]!, line] : line.split('\t');
        const set = members.get(segment ?? '');
        if (set === undefined || key === undefined) throw new Error(`unexpected line from segment eval: ${line}`);
        set.add(key);
    }
    return members;
}

/** The segments each key belongs to (the inverse of {@link Memberships}), names sorted. */
export function segmentsByKey(memberships: Memberships): Map<string, string[]> {
    const byKey = new Map<string, string[]>();
    for (const [segment, keys] of memberships) {
        for (const key of keys) {
            const list = byKey.get(key) ?? [];
            list.push(segment);
            byKey.set(key, list);
        }
    }
    for (const list of byKey.values()) list.sort();
    return byKey;
}
