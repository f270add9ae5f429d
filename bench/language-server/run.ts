/**
 * `npm run bench:lsp`: the language server's speed on a large generated workspace (1,000 segment
 * files, one schema of 2,000 fields):
 *
 * 1. first full build, in process with the server's own services
 *    (`createSegmentLspServices(NodeFileSystem)`): workspace initialisation (read, parse, index,
 *    link every file) plus validation of every file. The server itself validates only the files
 *    the editor opens (Langium's initial build runs no validation), so "validate everything" can
 *    only be timed here;
 * 2. over stdio with the real server bin, as an editor sees it: the time from spawning to the
 *    first diagnostics of an opened file; completion latency of field names after a prefix in a
 *    `where` clause; and re-validation after a keystroke (`didChange` → `publishDiagnostics`).
 *
 * A missed target is reported (MISS), not an error; the process exits 1 only when the benchmark
 * itself goes wrong (a generated file with problems, a completion without the expected field).
 *
 * Options: `--segments N` (default 1,000), `--fields N` (default 2,000), `--completions N`
 * (default 200), `--keystrokes N` (default 40), `--seed S`, `--keep` (keep the workspace and print
 * its folder), `--server-cpu-prof DIR` (write the stdio server's CPU profile into DIR; profile the
 * in-process build with `node --cpu-prof bench/language-server/run.ts`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createSegmentLspServices } from '@segments/language-server';
import { CompletionRequest } from 'vscode-languageserver/node';
import { StdioLanguageClient } from './lsp-client.ts';
import { formatMs, summarize, type LatencySummary } from './statistics.ts';
import { SeededRandom } from '@segments/sample-data';
import { generateWorkspace, type GeneratedWorkspace } from './workspace.ts';

const TARGETS = { buildMs: 5000, completionP95Ms: 50, revalidationMs: 30 };

const { values: options } = parseArgs({
    options: {
        segments: { type: 'string', default: '1000' },
        fields: { type: 'string', default: '2000' },
        completions: { type: 'string', default: '200' },
        keystrokes: { type: 'string', default: '40' },
        seed: { type: 'string', default: '20261120' },
        keep: { type: 'boolean', default: false },
        'server-cpu-prof': { type: 'string' },
    },
});

/** Fails the benchmark: it measured something other than what it claims. */
function fail(message: string): never {
    console.error(`bench:lsp: ${message}`);
    process.exit(1);
}

function verdict(ms: number, target: number): string {
    return ms < target ? 'PASS' : 'MISS';
}

/** First full build in process: initialise the workspace, then validate every document. */
async function measureFullBuild(workspace: GeneratedWorkspace): Promise<{ initMs: number; validateMs: number; documents: number }> {
    const { shared } = createSegmentLspServices(NodeFileSystem);
    const start = performance.now();
    await shared.workspace.WorkspaceManager.initializeWorkspace([{ uri: pathToFileURL(workspace.root).toString(), name: 'bench' }]);
    const initialised = performance.now();
    const documents = shared.workspace.LangiumDocuments.all.toArray();
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const validated = performance.now();
    const problems = documents.flatMap((document) => (document.diagnostics ?? []).map((d) => `${document.uri.path}:${d.range.start.line + 1}: ${d.message}`));
    if (documents.length !== workspace.documentCount) fail(`the workspace has ${workspace.documentCount} files, the server loaded ${documents.length}`);
    if (problems.length > 0) fail(`the generated workspace has problems:\n${problems.slice(0, 10).join('\n')}`);
    return { initMs: initialised - start, validateMs: validated - initialised, documents: documents.length };
}

interface StdioResults {
    readonly firstDiagnosticsMs: number;
    readonly completion: LatencySummary;
    readonly revalidation: LatencySummary;
}

/** The latencies an editor sees, over stdio with the real server. */
async function measureOverStdio(workspace: GeneratedWorkspace, random: SeededRandom, completions: number, keystrokes: number): Promise<StdioResults> {
    const profileDir = options['server-cpu-prof'];
    const spawned = performance.now();
    const client = new StdioLanguageClient(workspace.root, profileDir ? ['--cpu-prof', '--cpu-prof-dir', resolve(profileDir)] : []);
    await client.initialize(workspace.root);

    // Ten files open in the editor, from the middle of the workspace (so that later segments reference them).
    const middle = Math.floor(workspace.segmentFiles.length / 2);
    const opened = workspace.segmentFiles.slice(middle, middle + 10);
    const uriOf = (path: string) => URI.file(path).toString();
    const firstDiagnostics = await client.open(uriOf(opened[0].path), opened[0].text);
    const firstDiagnosticsMs = performance.now() - spawned;
    if (firstDiagnostics.length > 0) fail(`unexpected diagnostics on ${opened[0].path}: ${firstDiagnostics.map((d) => d.message).join('; ')}`);
    for (const file of opened.slice(1)) await client.open(uriOf(file.path), file.text);

    // Field-name completion after a prefix of 1–4 characters of a field reference of a `where` clause.
    const completionTimes: number[] = [];
    for (let i = 0; i < completions; i++) {
        const file = random.pick(opened);
        const reference = random.pick(file.fieldReferences);
        const prefix = random.int(1, 4);
        const start = performance.now();
        const result = await client.connection.sendRequest(CompletionRequest.type, {
            textDocument: { uri: uriOf(file.path) },
            position: { line: reference.line, character: reference.character + prefix },
        });
        completionTimes.push(performance.now() - start);
        const labels = (Array.isArray(result) ? result : (result?.items ?? [])).map((item) => item.label);
        if (!labels.includes(reference.name)) fail(`completion after \`${reference.name.slice(0, prefix)}\` in ${file.path}:${reference.line + 1} did not offer ${reference.name}`);
    }

    // Keystrokes: type `x` at the end of a field name (an unknown field), then delete it, file after file.
    // Each keystroke is timed until the file's diagnostics show its effect.
    const revalidationTimes: number[] = [];
    for (let i = 0; i < keystrokes; i++) {
        const file = opened[Math.floor(i / 2) % opened.length];
        const uri = uriOf(file.path);
        const reference = file.fieldReferences[0];
        const at = { line: reference.line, character: reference.character + reference.name.length };
        const typing = i % 2 === 0;
        const published = client.nextDiagnostics(uri, (diagnostics) => (typing ? diagnostics.some((d) => d.code === 'unknown-field') : diagnostics.length === 0));
        const start = performance.now();
        await client.change(uri, [typing ? { range: { start: at, end: at }, text: 'x' } : { range: { start: at, end: { ...at, character: at.character + 1 } }, text: '' }]);
        const timeout = setTimeout(() => fail(`no diagnostics ${typing ? 'with unknown-field' : 'without problems'} after keystroke ${i} in ${file.path}`), 30_000);
        await published;
        clearTimeout(timeout);
        revalidationTimes.push(performance.now() - start);
    }

    const exitCode = await client.stop();
    if (exitCode !== 0) fail(`the server exited with code ${exitCode}`);
    return { firstDiagnosticsMs, completion: summarize(completionTimes), revalidation: summarize(revalidationTimes) };
}

const shape = { segments: Number(options.segments), fields: Number(options.fields), events: 40, lists: 10, seed: Number(options.seed) };
const root = mkdtempSync(join(tmpdir(), 'segment-bench-lsp-'));
try {
    console.log(`Language server benchmark: ${shape.segments} segment files, a schema of ${shape.fields} fields and ${shape.events} events, ${shape.lists} lists (seed ${shape.seed})`);
    console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, Node ${process.versions.node}`);
    const workspace = generateWorkspace(root, shape);
    const build = await measureFullBuild(workspace);
    const buildMs = build.initMs + build.validateMs;
    console.log('');
    console.log(`first full build (${build.documents} files, in process)   ${formatMs(buildMs).padStart(9)}   target < ${formatMs(TARGETS.buildMs)}   ${verdict(buildMs, TARGETS.buildMs)}`);
    console.log(`  workspace initialisation (read, parse, index, link) ${formatMs(build.initMs).padStart(9)}`);
    console.log(`  validation of every file                            ${formatMs(build.validateMs).padStart(9)}`);

    const stdio = await measureOverStdio(workspace, new SeededRandom(shape.seed), Number(options.completions), Number(options.keystrokes));
    const { completion, revalidation } = stdio;
    console.log(`spawn → first diagnostics of an opened file (stdio)     ${formatMs(stdio.firstDiagnosticsMs).padStart(9)}`);
    console.log(
        `completion after a prefix, ${completion.count} requests (stdio)     p50 ${formatMs(completion.p50)}, p95 ${formatMs(completion.p95)}, max ${formatMs(completion.max)}   target p95 < ${formatMs(TARGETS.completionP95Ms)}   ${verdict(completion.p95, TARGETS.completionP95Ms)}`,
    );
    console.log(
        `keystroke → diagnostics of the file, ${revalidation.count} edits (stdio)   p50 ${formatMs(revalidation.p50)}, p95 ${formatMs(revalidation.p95)}, max ${formatMs(revalidation.max)}   target p95 < ${formatMs(TARGETS.revalidationMs)}   ${verdict(revalidation.p95, TARGETS.revalidationMs)}`,
    );
    console.log(`Load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
    if (options.keep) console.log(`Workspace kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
}
