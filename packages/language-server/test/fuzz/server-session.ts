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
    LogMessageNotification,
    type MessageConnection,
    MessageType,
    PublishDiagnosticsNotification,
    ShutdownRequest,
    StreamMessageReader,
    StreamMessageWriter,
    type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';

const BIN = fileURLToPath(new URL('../../bin/segment-language-server.js', import.meta.url));

/** The slowest request so far. */
export interface SlowestRequest {
    readonly method: string;
    readonly ms: number;
}

/**
 * The real server (`bin/segment-language-server.js`) as a child process over stdio, and what the
 * fuzzer watches: whether it is alive, how long each request takes, every diagnostic it publishes
 * for a file, and what it writes to stderr.
 */
export class ServerSession {
    readonly connection: MessageConnection;
    /** Everything the server wrote to stderr. */
    stderr = '';
    /** The error messages the server logged (`window/logMessage`): Langium logs the exceptions of its handlers and checks there. */
    readonly loggedErrors: string[] = [];
    /** Diagnostics that report an exception inside the server (`An error occurred during validation: ...`), not a problem of the text. */
    readonly internalErrors = new Set<string>();
    /** The exit code or signal once the process has ended. */
    exit: string | undefined;
    slowest: SlowestRequest = { method: '', ms: 0 };
    requests = 0;
    private readonly process: ChildProcessWithoutNullStreams;
    private readonly exited: Promise<void>;
    private readonly published = new Map<string, { diagnostics: Diagnostic[]; at: number; count: number }>();

    constructor(cwd: string) {
        this.process = spawn(process.execPath, [BIN, '--stdio'], { cwd });
        this.process.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
        this.exited = new Promise((resolve) =>
            this.process.on('exit', (code, signal) => {
                this.exit = `${code ?? signal}`;
                resolve();
            }),
        );
        this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
        this.connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics }) => {
            this.published.set(uri, { diagnostics, at: performance.now(), count: (this.published.get(uri)?.count ?? 0) + 1 });
            for (const { message } of diagnostics) {
                const text = typeof message === 'string' ? message : message.value;
                if (text.startsWith('An error occurred')) this.internalErrors.add(text);
            }
        });
        this.connection.onNotification(LogMessageNotification.type, ({ type, message }) => {
            if (type === MessageType.Error) this.loggedErrors.push(message);
        });
        this.connection.listen();
    }

    /** Whether the process still runs. */
    get alive(): boolean {
        return this.exit === undefined;
    }

    async initialize(root: string): Promise<void> {
        const rootUri = pathToFileURL(root).toString();
        await this.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'fuzz' }], capabilities: {} });
        await this.connection.sendNotification(InitializedNotification.type, {});
    }

    open(uri: string, text: string): Promise<void> {
        return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'segment', version: 1, text } });
    }

    change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
        return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    }

    /** Sends a request, timing it; the result or the error is returned, never thrown. */
    async request(method: string, params: object): Promise<{ result?: unknown; error?: unknown }> {
        const start = performance.now();
        try {
            return { result: await this.connection.sendRequest(method, params) };
        } catch (error) {
            return { error };
        } finally {
            const ms = performance.now() - start;
            this.requests++;
            if (ms > this.slowest.ms) this.slowest = { method, ms };
        }
    }

    /** How many times diagnostics were published for `uri`. */
    publishCount(uri: string): number {
        return this.published.get(uri)?.count ?? 0;
    }

    /** Resolves once diagnostics for `uri` were published more than `count` times, or after `timeoutMs`. */
    async publishedAfter(uri: string, count: number, timeoutMs: number): Promise<void> {
        const deadline = performance.now() + timeoutMs;
        while (this.publishCount(uri) <= count && performance.now() < deadline && this.alive) await delay(5);
    }

    /**
     * The diagnostics of `uri` once the server has settled: at least one publication after
     * `count` publications, then none for `quietMs`.
     */
    async settledDiagnostics(uri: string, count: number, quietMs: number): Promise<Diagnostic[]> {
        await this.publishedAfter(uri, count, 20_000);
        while (this.alive && performance.now() - (this.published.get(uri)?.at ?? 0) < quietMs) await delay(20);
        return this.published.get(uri)?.diagnostics ?? [];
    }

    /** `shutdown` and `exit`; resolves when the process has ended (killing it if it does not). */
    async stop(): Promise<void> {
        if (this.alive) {
            await Promise.race([this.connection.sendRequest(ShutdownRequest.type).then(() => this.connection.sendNotification(ExitNotification.type)), delay(5000)]);
            await Promise.race([this.exited, delay(5000)]);
            if (this.alive) this.process.kill();
        }
        this.connection.dispose();
    }
}

function delay(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
