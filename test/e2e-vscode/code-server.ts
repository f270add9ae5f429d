import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** Where one run of code-server keeps its state: everything under one temporary folder. */
export interface CodeServerDirs {
    readonly userData: string;
    readonly extensions: string;
    /** XDG_CONFIG_HOME, XDG_DATA_HOME and XDG_CACHE_HOME live here, so nothing is written to $HOME. */
    readonly xdg: string;
}

/** How to run code-server: its entry script, run with the Node of the harness (Node 24, as code-server requires). */
export interface CodeServerOptions {
    readonly entry: string;
    readonly dirs: CodeServerDirs;
    /** Variables added to the server's environment; its extension host inherits them. */
    readonly env?: Readonly<Record<string, string>>;
}

/**
 * One code-server process (VS Code's server with its web workbench and the real Node extension
 * host), started in a process group of its own: {@link CodeServer.stop} ends the whole group,
 * as the extension host would otherwise outlive the server for hours.
 */
export class CodeServer {
    readonly origin: string;
    private readonly pid: number;
    private exitCode: number | null | undefined;

    private constructor(pid: number, port: number, exited: Promise<number | null>) {
        this.pid = pid;
        this.origin = `http://127.0.0.1:${port}`;
        void exited.then((code) => (this.exitCode = code));
    }

    /** Installs a packaged extension (`.vsix`) into the extensions folder of `options.dirs`. */
    static installExtension(options: CodeServerOptions, vsix: string): void {
        const result = spawnSync(process.execPath, [options.entry, ...commonArgs(options.dirs), '--install-extension', vsix, '--force'], {
            env: environment(options),
            encoding: 'utf8',
        });
        if (result.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (${result.status}):\n${result.stdout}${result.stderr}`);
    }

    /** Starts the server on a free port of 127.0.0.1, its output going to `logFile`, and waits until `/healthz` answers. */
    static async start(options: CodeServerOptions, logFile: string): Promise<CodeServer> {
        const port = await freePort();
        const args = [
            ...commonArgs(options.dirs),
            '--bind-addr',
            `127.0.0.1:${port}`,
            '--auth',
            'none',
            '--disable-telemetry',
            '--disable-update-check',
            '--disable-workspace-trust',
            '--vscode-option',
            'enable-smoke-test-driver',
        ];
        const log = openSync(logFile, 'a');
        // `detached` makes the child the leader of a new session and process group (setsid).
        const child = spawn(process.execPath, [options.entry, ...args], { detached: true, stdio: ['ignore', log, log], env: environment(options) });
        closeSync(log);
        if (child.pid === undefined) throw new Error('code-server did not start');
        const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
        child.unref();
        const server = new CodeServer(child.pid, port, exited);
        try {
            await server.waitUntilHealthy(30_000);
        } catch (error) {
            server.kill('SIGKILL');
            throw error;
        }
        return server;
    }

    private async waitUntilHealthy(timeout: number): Promise<void> {
        const deadline = Date.now() + timeout;
        for (;;) {
            if (this.exitCode !== undefined) throw new Error(`code-server exited with ${this.exitCode} before it was ready`);
            try {
                const response = await fetch(`${this.origin}/healthz`);
                if (response.ok) return;
            } catch {
                // Not listening yet.
            }
            if (Date.now() > deadline) throw new Error(`code-server did not answer ${this.origin}/healthz within ${timeout / 1000} s`);
            await sleep(200);
        }
    }

    /** Ends the process group: SIGTERM, then SIGKILL for what is left after `grace` ms. */
    async stop(grace = 5_000): Promise<void> {
        this.kill('SIGTERM');
        const deadline = Date.now() + grace;
        while (this.isGroupAlive() && Date.now() < deadline) await sleep(100);
        this.kill('SIGKILL');
    }

    /** Signals every process of the group, synchronously (usable in an `exit` handler). */
    kill(signal: NodeJS.Signals): void {
        try {
            process.kill(-this.pid, signal);
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
        }
    }

    private isGroupAlive(): boolean {
        try {
            process.kill(-this.pid, 0);
            return true;
        } catch {
            return false;
        }
    }
}

/** The folders of the run, created. */
export function createDirs(root: string): CodeServerDirs {
    const dirs = { userData: join(root, 'user-data'), extensions: join(root, 'extensions'), xdg: join(root, 'xdg') };
    for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
    return dirs;
}

function commonArgs(dirs: CodeServerDirs): string[] {
    return ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

function environment(options: CodeServerOptions): NodeJS.ProcessEnv {
    const { xdg } = options.dirs;
    return {
        ...process.env,
        XDG_CONFIG_HOME: join(xdg, 'config'),
        XDG_DATA_HOME: join(xdg, 'data'),
        XDG_CACHE_HOME: join(xdg, 'cache'),
        ...options.env,
    };
}

/** A port of 127.0.0.1 that nothing listens on (the system's choice). */
function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
        });
    });
}

function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
