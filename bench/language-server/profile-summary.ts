/**
 * Where the time goes in a V8 CPU profile (`node --cpu-prof`): the functions with the most self
 * time, and the functions with the most total time (self plus callees, each function counted
 * once per sample even when recursive), with their files relative to the repository.
 *
 * `node bench/language-server/profile-summary.ts FILE.cpuprofile [--top N] [--match TEXT] [--under TEXT]`
 * (`--match`: only functions whose name or file contains TEXT in the total-time table; `--under`:
 * only the samples taken inside a function whose name or file contains TEXT, such as
 * `getCompletion` or `update node_modules/langium/lib/workspace/document-builder`).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
    readonly children?: readonly number[];
}

interface CpuProfile {
    readonly nodes: readonly ProfileNode[];
    readonly samples: readonly number[];
    readonly timeDeltas: readonly number[];
}

/** Self and total milliseconds of each function (by name and location). */
export interface FunctionTime {
    readonly name: string;
    selfMs: number;
    totalMs: number;
}

/** Sums a profile's samples per function; with `under`, only the samples with a function containing it on their stack. */
export function summarizeProfile(profile: CpuProfile, under?: string): { functions: FunctionTime[]; totalMs: number } {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const label = (node: ProfileNode) => {
        const file = node.callFrame.url.replace(/^file:\/\/.*?\/(node_modules|packages)\//, '$1/');
        return `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber + 1}`;
    };
    const functions = new Map<string, FunctionTime>();
    const entry = (name: string) => functions.get(name) ?? functions.set(name, { name, selfMs: 0, totalMs: 0 }).get(name)!;
    let totalMs = 0;
    profile.samples.forEach((sample, i) => {
        const ms = (profile.timeDeltas[i] ?? 0) / 1000;
        const stack: string[] = [];
        for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) stack.push(label(byId.get(id)!));
        if (under !== undefined && !stack.some((name) => name.includes(under))) return;
        totalMs += ms;
        entry(stack[0]).selfMs += ms;
        for (const name of new Set(stack)) entry(name).totalMs += ms;
    });
    return { functions: [...functions.values()], totalMs };
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'));
if (isMain) {
    const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' }, match: { type: 'string' }, under: { type: 'string' } } });
    if (positionals.length !== 1) {
        console.error('usage: node bench/language-server/profile-summary.ts FILE.cpuprofile [--top N] [--match TEXT] [--under TEXT]');
        process.exit(2);
    }
    const { functions, totalMs } = summarizeProfile(JSON.parse(readFileSync(positionals[0], 'utf8')) as CpuProfile, values.under);
    const top = Number(values.top);
    const row = (f: FunctionTime, ms: number) => `${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / totalMs).toFixed(1).padStart(5)} %  ${f.name}`;
    console.log(`${positionals[0]}: ${(totalMs / 1000).toFixed(2)} s sampled${values.under ? ` under ${values.under}` : ''}\n\nself time:`);
    for (const f of [...functions].sort((a, b) => b.selfMs - a.selfMs).slice(0, top)) console.log(row(f, f.selfMs));
    console.log('\ntotal time (self + callees):');
    const matching = values.match ? functions.filter((f) => f.name.includes(values.match!)) : functions;
    for (const f of [...matching].sort((a, b) => b.totalMs - a.totalMs).slice(0, top)) console.log(row(f, f.totalMs));
}
