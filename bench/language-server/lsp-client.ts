/**
 * A minimal LSP client over stdio for the benchmark: spawns the real server bin, speaks JSON-RPC to
 * it with vscode-jsonrpc's stream reader and writer, and lets the caller await the next
 * `publishDiagnostics` of one file.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
    createMessageConnection,
    type Diagnostic,
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    ExitNotification,
    InitializedNotification,
    InitializeRequest,
    type MessageConnection,
    PublishDiagnosticsNotification,
    ShutdownRequest,
    StreamMessageReader,
    StreamMessageWriter,
    type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';

/** The server's command: `packages/language-server/bin/segment-language-server.js`. */
export const SERVER_BIN = fileURLToPath(new URL('../../packages/language-server/bin/segment-language-server.js', import.meta.url));

/** A running server and the connection to it. */
export class StdioLanguageClient {
    readonly connection: MessageConnection;
    private readonly process: ChildProcessWithoutNullStreams;
    private readonly waiters = new Map<string, Array<{ accept: (diagnostics: Diagnostic[]) => boolean; resolve: (diagnostics: Diagnostic[]) => void }>>();
    private readonly exited: Promise<number | null>;
    private versions = new Map<string, number>();

    /**
     * Spawns the server with the current Node. `nodeOptions` go before the bin (such as
     * `--cpu-prof`), so the server can be profiled.
     */
    constructor(cwd: string, nodeOptions: readonly string[] = []) {
        this.process = spawn(process.execPath, [...nodeOptions, SERVER_BIN, '--stdio'], { cwd });
        this.process.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
        this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
        this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
        this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
            const waiting = this.waiters.get(params.uri) ?? [];
            const index = waiting.findIndex((waiter) => waiter.accept(params.diagnostics));
            if (index >= 0) waiting.splice(index, 1)[0].resolve(params.diagnostics);
        });
        this.connection.listen();
    }

    /** `initialize` with `root` as the only workspace folder, then `initialized`. */
    async initialize(root: string): Promise<void> {
        const rootUri = pathToFileURL(root).toString();
        await this.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri,
            workspaceFolders: [{ uri: rootUri, name: 'bench' }],
            capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } },
        });
        await this.connection.sendNotification(InitializedNotification.type, {});
    }

    /**
     * The next diagnostics the server publishes for `uri` that `accept` accepts (register before
     * causing them). A file can be re-published by the build of another file's change (Langium
     * relinks files with unresolved names on every change), so the caller says what it waits for.
     */
    nextDiagnostics(uri: string, accept: (diagnostics: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
        return new Promise((resolve) => {
            const waiting = this.waiters.get(uri) ?? [];
            waiting.push({ accept, resolve });
            this.waiters.set(uri, waiting);
        });
    }

    /** Opens `uri` with `text` and resolves with its first published diagnostics. */
    async open(uri: string, text: string): Promise<Diagnostic[]> {
        const published = this.nextDiagnostics(uri);
        this.versions.set(uri, 1);
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'segment', version: 1, text } });
        return published;
    }

    /** Sends one `didChange` of `uri` (the version increases by one each time). */
    async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<void> {
        const version = (this.versions.get(uri) ?? 1) + 1;
        this.versions.set(uri, version);
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    }

    /** `shutdown`, `exit`, and the process's exit code. */
    async stop(): Promise<number | null> {
        await this.connection.sendRequest(ShutdownRequest.type);
        await this.connection.sendNotification(ExitNotification.type);
        const code = await this.exited;
        this.connection.dispose();
        return code;
    }
}
