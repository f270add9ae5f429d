import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import { afterAll, describe, expect, test } from 'vitest';
import { CONTACT_SCHEMA } from '../test-utils.js';
import { SeededRandom } from '@segments/sample-data';
import { DocumentFuzzer, type FuzzEdit, SEED_TEXTS } from './random-edits.js';
import { ServerSession } from './server-session.js';

/** Edits of a run; `SEGMENT_FUZZ_EDITS` and `SEGMENT_FUZZ_SEED` replay or extend a run. */
const EDITS = Number(process.env.SEGMENT_FUZZ_EDITS ?? 10_000);
const SEED = Number(process.env.SEGMENT_FUZZ_SEED ?? 20_261_120);
/** Edits sent without waiting, before the requests of a batch. */
const BATCH = 20;
/** Batches between two waits for the file's diagnostics. */
const DIAGNOSTICS_EVERY = 5;
const REQUEST_LIMIT_MS = 1000;

/** Diagnostics without the order in which they were published. */
function normalized(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics.map((d) => JSON.stringify([d.range, d.severity, d.code, d.message, d.data ?? null])).sort();
}

const sessions: ServerSession[] = [];
let folder: string | undefined;

afterAll(async () => {
    await Promise.all(sessions.map((session) => session.stop()));
    if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('the language server under random edits', () => {
    test(`${EDITS} random edits (seed ${SEED}): no crash, every request under ${REQUEST_LIMIT_MS} ms, the final diagnostics those of a fresh server`, { timeout: 180_000 }, async () => {
        folder = mkdtempSync(join(tmpdir(), 'segment-fuzz-'));
        writeFileSync(join(folder, 'segment.config.json'), '{}');
        writeFileSync(join(folder, 'contact.segment'), CONTACT_SCHEMA);
        writeFileSync(join(folder, 'vip.csv'), 'email\nann@example.com\n');
        writeFileSync(join(folder, 'fuzz.segment'), SEED_TEXTS[0]);
        const uri = pathToFileURL(join(folder, 'fuzz.segment')).toString();

        const server = new ServerSession(folder);
        sessions.push(server);
        await server.initialize(folder);
        const random = new SeededRandom(SEED);
        const fuzzer = new DocumentFuzzer(uri, SEED_TEXTS[0], random);
        await server.open(uri, fuzzer.text);

        const recent: FuzzEdit[] = [];
        const failures: string[] = [];
        const requestErrors = new Map<string, number>();
        const requests: Array<() => [string, object]> = [
            () => ['textDocument/completion', { textDocument: { uri }, position: fuzzer.randomPosition() }],
            () => ['textDocument/hover', { textDocument: { uri }, position: fuzzer.randomPosition() }],
            () => ['textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }],
            () => ['textDocument/semanticTokens/full', { textDocument: { uri } }],
            () => ['textDocument/signatureHelp', { textDocument: { uri }, position: fuzzer.randomPosition() }],
            () => ['textDocument/documentSymbol', { textDocument: { uri } }],
            () => ['textDocument/foldingRange', { textDocument: { uri } }],
        ];
        const started = performance.now();

        for (let sent = 0; sent < EDITS && server.alive; ) {
            const published = server.publishCount(uri);
            for (let i = 0; i < BATCH && sent < EDITS; i++, sent++) {
                const edit = fuzzer.nextEdit();
                recent.push(edit);
                if (recent.length > 2 * BATCH) recent.shift();
                await server.change(uri, fuzzer.version, [edit.change]);
            }
            // A few requests at random positions of the current text, all at once as an editor sends them.
            const batch = Array.from({ length: random.int(1, 3) }, () => random.pick(requests)());
            const answers = await Promise.all(batch.map(([method, params]) => server.request(method, params)));
            answers.forEach(({ error }, i) => {
                if (error === undefined) return;
                const key = `${batch[i][0]}: ${(error as Error).message}`;
                requestErrors.set(key, (requestErrors.get(key) ?? 0) + 1);
            });
            if ((sent / BATCH) % DIAGNOSTICS_EVERY === 0) await server.publishedAfter(uri, published, 5000);
            if (server.slowest.ms > REQUEST_LIMIT_MS && !failures.some((f) => f.startsWith('slow'))) {
                failures.push(`slow: ${server.slowest.method} took ${server.slowest.ms.toFixed(0)} ms after edit ${sent}`);
            }
        }

        const finalText = fuzzer.text;
        const running = await server.settledDiagnostics(uri, 0, 750);
        const fresh = new ServerSession(folder);
        sessions.push(fresh);
        await fresh.initialize(folder);
        await fresh.open(uri, finalText);
        const expected = await fresh.settledDiagnostics(uri, 0, 750);

        const seconds = (performance.now() - started) / 1000;
        console.log(
            `fuzz: ${EDITS} edits, ${server.requests} requests in ${seconds.toFixed(1)} s; slowest request ${server.slowest.method} ${server.slowest.ms.toFixed(1)} ms; ` +
                `final text ${finalText.length} characters with ${running.length} diagnostics`,
        );

        // Every problem at once, so that one run shows them all; the seed and the last edits replay it.
        if (!server.alive) failures.push(`the server exited (${server.exit})`);
        // Cancelled requests are fine (a newer edit overtook them); any other error is a bug.
        for (const [key, count] of requestErrors) if (!/cancel|content modified/i.test(key)) failures.push(`${count} × ${key}`);
        if (server.stderr !== '') failures.push(`stderr: ${server.stderr}`);
        for (const message of server.internalErrors) failures.push(`diagnostic: ${message}`);
        for (const message of new Set(server.loggedErrors.map((m) => m.split('\n')[0]))) failures.push(`logged: ${message}`);
        if (!(normalized(running).join('\n') === normalized(expected).join('\n'))) {
            failures.push(`final diagnostics ${JSON.stringify(normalized(running))} differ from a fresh server's ${JSON.stringify(normalized(expected))} on:\n${finalText}`);
        }
        expect(failures, `seed ${SEED}; last edits: ${JSON.stringify(recent.slice(-5))}`).toEqual([]);
        expect(server.slowest.ms).toBeLessThan(REQUEST_LIMIT_MS);
    });
});
