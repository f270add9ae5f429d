import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import {
    type CodeAction,
    CodeActionRequest,
    CompletionRequest,
    createMessageConnection,
    type Diagnostic,
    DidOpenTextDocumentNotification,
    ExitNotification,
    InitializedNotification,
    InitializeRequest,
    type MessageConnection,
    PublishDiagnosticsNotification,
    ShutdownRequest,
    StreamMessageReader,
    StreamMessageWriter,
} from 'vscode-languageserver/node';
import { CONTACT_SCHEMA } from '../test-utils.js';

const BIN = fileURLToPath(new URL('../../bin/segment-language-server.js', import.meta.url));

let server: ChildProcessWithoutNullStreams | undefined;
let connection: MessageConnection | undefined;
let folder: string | undefined;

afterEach(() => {
    connection?.dispose();
    server?.kill();
    if (folder) rmSync(folder, { recursive: true, force: true });
    server = connection = folder = undefined;
});

describe('segment-language-server over stdio', () => {
    test('initialize, diagnostics with our codes, completion, a quick fix, shutdown and exit', async () => {
        folder = mkdtempSync(join(tmpdir(), 'segment-stdio-'));
        writeFileSync(join(folder, 'segment.config.json'), '{}');
        writeFileSync(join(folder, 'contact.segment'), CONTACT_SCHEMA);
        const root = pathToFileURL(folder).toString();
        const uri = `${root}/test.segment`;

        server = spawn(process.execPath, [BIN, '--stdio'], { cwd: folder });
        const exited = new Promise<number | null>((resolve) => server!.on('exit', (code) => resolve(code)));
        connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
        const diagnostics = new Promise<Diagnostic[]>((resolve) => {
            connection!.onNotification(PublishDiagnosticsNotification.type, (params) => {
                if (params.uri === uri && params.diagnostics.length > 0) resolve(params.diagnostics);
            });
        });
        connection.listen();

        const initialized = await connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: root,
            workspaceFolders: [{ uri: root, name: 'project' }],
            capabilities: {},
        });
        expect(initialized.capabilities).toMatchObject({
            codeActionProvider: true,
            documentFormattingProvider: true,
            codeLensProvider: { resolveProvider: false },
            definitionProvider: true,
            renameProvider: { prepareProvider: true },
        });
        expect(initialized.capabilities.semanticTokensProvider?.full).toBeTruthy();
        await connection.sendNotification(InitializedNotification.type, {});

        const text = 'segment big of Contact {\n  where total_spnt > 1000\n}\n';
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'segment', version: 1, text } });
        const published = await diagnostics;
        expect(published.map((d) => d.code)).toEqual(['unknown-field']);

        const completion = await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 1, character: 8 } });
        const labels = (Array.isArray(completion) ? completion : (completion?.items ?? [])).map((item) => item.label);
        expect(labels).toContain('total_spent');

        const actions = (await connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri },
            range: published[0].range,
            context: { diagnostics: published },
        })) as CodeAction[];
        expect(actions.map((a) => a.title)).toEqual(['Change to `total_spent`']);

        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
        expect(await exited).toBe(0);
    });

    test('stdio is the default transport', async () => {
        server = spawn(process.execPath, [BIN], { cwd: tmpdir() });
        const exited = new Promise<number | null>((resolve) => server!.on('exit', (code) => resolve(code)));
        connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
        connection.listen();
        const initialized = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
        expect(initialized.capabilities.codeActionProvider).toBe(true);
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
        expect(await exited).toBe(0);
    });

    test('an unknown option exits 2 with a message', () => {
        const result = spawnSync(process.execPath, [BIN, '--tcp'], { encoding: 'utf8' });
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/unknown option --tcp; use --stdio \(the default\) or --node-ipc/);
    });

    test('an old Node gets a message and exit code 2', () => {
        const pretend = 'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"20.1.0"})';
        const result = spawnSync(process.execPath, ['--import', pretend, BIN, '--stdio'], { encoding: 'utf8' });
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/needs Node\.js 22 or later, but this is Node\.js 20\.1\.0/);
    });
});
