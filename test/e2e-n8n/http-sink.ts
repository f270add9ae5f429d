/**
 * An HTTP server on loopback that workflows under test post their items to (an HTTP Request node
 * the harness appends): how the harness sees what an active workflow did, without reading n8n's
 * database or its REST API.
 */
import { createServer, type Server } from 'node:http';

/** One item a workflow posted: the path it posted to, its JSON body and the harness's phase then. */
export interface SinkRequest {
    readonly path: string;
    readonly body: Record<string, unknown>;
    readonly phase: string;
}

/** The sink: records every POST, answers 200. */
export class HttpSink {
    readonly received: SinkRequest[] = [];
    /** A label the harness sets (`after change 1`...), stamped on each request as it arrives. */
    phase = 'start';
    private readonly server: Server;
    private readonly waiters = new Set<() => void>();

    private constructor(server: Server) {
        this.server = server;
    }

    /** Starts the sink on a free port of 127.0.0.1. */
    static async start(): Promise<HttpSink> {
        const server = createServer();
        const sink = new HttpSink(server);
        server.on('request', (request, response) => {
            const chunks: Buffer[] = [];
            request.on('data', (chunk: Buffer) => chunks.push(chunk));
            request.on('end', () => {
                let body: Record<string, unknown>;
                try {
                    body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
                } catch {
                    body = { unparsable: Buffer.concat(chunks).toString('utf8') };
                }
                sink.received.push({ path: request.url ?? '', body, phase: sink.phase });
                response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
                for (const waiter of sink.waiters) waiter();
            });
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        return sink;
    }

    get url(): string {
        const address = this.server.address();
        if (typeof address !== 'object' || address === null) throw new Error('the sink is not listening');
        return `http://127.0.0.1:${address.port}`;
    }

    /** The bodies posted to `path`. */
    at(path: string): SinkRequest[] {
        return this.received.filter((request) => request.path === path);
    }

    /** Resolves true once `predicate` holds for the received requests, false after `timeoutMs`. */
    async waitFor(predicate: (received: readonly SinkRequest[]) => boolean, timeoutMs: number): Promise<boolean> {
        return new Promise((resolve) => {
            const check = () => {
                if (!predicate(this.received)) return;
                finish(true);
            };
            const timer = setTimeout(() => finish(false), timeoutMs);
            const finish = (result: boolean) => {
                clearTimeout(timer);
                this.waiters.delete(check);
                resolve(result);
            };
            this.waiters.add(check);
            check();
        });
    }

    async close(): Promise<void> {
        this.server.closeAllConnections();
        await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }
}
