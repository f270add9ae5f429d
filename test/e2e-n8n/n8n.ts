/**
 * A real n8n (the one scripts/install-n8n.sh installs), run through its CLI with a user folder of
 * its own: `import:workflow`, `import:credentials`, `publish:workflow`, `execute` and `start`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, createWriteStream, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { track } from './children.ts';
import { parseRunOutput, type WorkflowRun } from './run-data.ts';

/** Where and how an n8n instance runs. */
export interface N8nOptions {
    /** n8n's `bin/n8n` script; run with this process's Node (24). */
    readonly bin: string;
    /** `N8N_USER_FOLDER`: n8n keeps its database, settings and community packages in `<it>/.n8n`. */
    readonly userFolder: string;
    /** The working directory of every n8n process (relative file paths of workflows resolve from it). */
    readonly cwd: string;
    /** Further environment variables (`N8N_CUSTOM_EXTENSIONS`, `N8N_RESTRICT_FILE_ACCESS_TO`...). */
    readonly env?: Readonly<Record<string, string>>;
    /** The folder each command's stdout and stderr are written to, one file per command. */
    readonly logs: string;
}

/** What a finished CLI command printed. */
export interface CommandResult {
    readonly status: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/** How much of a command's stdout is kept in its log file. */
const MAX_LOG = 1_000_000;

/** A failed n8n command, with what it printed. */
export class N8nCommandError extends Error {
    readonly result: CommandResult;

    constructor(message: string, result: CommandResult) {
        super(`${message}\n${tail(result.stderr || result.stdout)}`);
        this.name = 'N8nCommandError';
        this.result = result;
    }
}

/** The last lines of a command's output, for error messages. */
function tail(text: string, lines = 30): string {
    return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** A free TCP port on 127.0.0.1 (n8n's own ports must not clash with other processes of the machine). */
export async function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
        });
    });
}

/** One n8n installation with one user folder; each method runs one n8n process. */
export class N8n {
    readonly options: N8nOptions;
    /** The port of n8n's HTTP server (`n8n start`). */
    readonly port: number;
    private readonly env: NodeJS.ProcessEnv;
    private commands = 0;

    private constructor(options: N8nOptions, env: NodeJS.ProcessEnv, port: number) {
        this.options = options;
        this.env = env;
        this.port = port;
    }

    /** Prepares the user folder and picks free ports for n8n's HTTP server and its task broker. */
    static async create(options: N8nOptions): Promise<N8n> {
        mkdirSync(join(options.userFolder, '.n8n'), { recursive: true });
        mkdirSync(options.logs, { recursive: true });
        const port = await freePort();
        const env: NodeJS.ProcessEnv = {
            ...process.env,
            N8N_USER_FOLDER: options.userFolder,
            N8N_PORT: String(port),
            N8N_LISTEN_ADDRESS: '127.0.0.1',
            N8N_RUNNERS_BROKER_PORT: String(await freePort()),
            N8N_DIAGNOSTICS_ENABLED: 'false',
            N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
            N8N_TEMPLATES_ENABLED: 'false',
            N8N_PERSONALIZATION_ENABLED: 'false',
            N8N_HIRING_BANNER_ENABLED: 'false',
            N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
            ...options.env,
        };
        return new N8n(options, env, port);
    }

    /**
     * Runs `n8n <args>` to its end, its stdout and stderr written to files of the logs folder;
     * throws an {@link N8nCommandError} when it exits non-zero. The output goes to files, not
     * pipes: n8n exits right after printing a run's JSON, and tens of MB written to a pipe would
     * be cut short, while writes to a file are synchronous.
     */
    command(name: string, args: string[], timeoutMs = 180_000): CommandResult {
        const base = join(this.options.logs, `${String(++this.commands).padStart(2, '0')}-${name}`);
        const stdoutFd = openSync(`${base}.stdout.log`, 'w');
        const stderrFd = openSync(`${base}.stderr.log`, 'w');
        let result: ReturnType<typeof spawnSync>;
        try {
            result = spawnSync(process.execPath, [this.options.bin, ...args], { cwd: this.options.cwd, env: this.env, stdio: ['ignore', stdoutFd, stderrFd], timeout: timeoutMs });
        } finally {
            closeSync(stdoutFd);
            closeSync(stderrFd);
        }
        const outcome: CommandResult = { status: result.status, stdout: readFileSync(`${base}.stdout.log`, 'utf8'), stderr: readFileSync(`${base}.stderr.log`, 'utf8') };
        // A run's JSON holds every item of every node (tens of MB for the folder example): keep its start.
        if (outcome.stdout.length > MAX_LOG) writeFileSync(`${base}.stdout.log`, `${outcome.stdout.slice(0, MAX_LOG)}\n... (${outcome.stdout.length} characters in all)\n`);
        if (result.error) throw new N8nCommandError(`n8n ${args[0]} failed: ${result.error.message}`, outcome);
        if (result.status !== 0) throw new N8nCommandError(`n8n ${args.join(' ')} exited with ${result.status ?? result.signal}`, outcome);
        return outcome;
    }

    /** `n8n import:workflow --input=FILE` (the workflow JSON carries its id). */
    importWorkflow(file: string, label: string): void {
        this.command(`import-${label}`, ['import:workflow', `--input=${file}`]);
    }

    /** `n8n import:credentials --input=FILE` (a JSON array of credentials with ids and plain data). */
    importCredentials(file: string, label: string): void {
        this.command(`import-credentials-${label}`, ['import:credentials', `--input=${file}`]);
    }

    /** `n8n publish:workflow --id=ID`: the workflow is active the next time n8n starts. */
    publishWorkflow(id: string): void {
        this.command(`publish-${id}`, ['publish:workflow', `--id=${id}`]);
    }

    /**
     * `n8n execute --id=ID --rawOutput`, parsed. A workflow that fails still gives its run (n8n
     * then exits non-zero: 1, or 139 when it crashes while shutting down after a failed run);
     * throws when n8n printed no run.
     */
    execute(id: string, label: string): WorkflowRun {
        try {
            return parseRunOutput(this.command(`execute-${label}`, ['execute', `--id=${id}`, '--rawOutput'], 600_000).stdout);
        } catch (error) {
            if (!(error instanceof N8nCommandError)) throw error;
            try {
                return parseRunOutput(error.result.stdout);
            } catch {
                throw error;
            }
        }
    }

    /**
     * `n8n start`, logging at debug level (each poll is logged) to `<logs>/start.log`; resolves
     * once the editor is up.
     */
    async start(timeoutMs = 120_000): Promise<N8nServer> {
        const log = join(this.options.logs, 'start.log');
        const child = spawn(process.execPath, [this.options.bin, 'start'], {
            cwd: this.options.cwd,
            env: { ...this.env, N8N_LOG_LEVEL: 'debug' },
            stdio: ['ignore', 'pipe', 'pipe'],
            detached: true,
        });
        track(child);
        const server = new N8nServer(child, log);
        await server.waitForLine(/Editor is now accessible via/, timeoutMs);
        return server;
    }
}

/** A running `n8n start`: its output is kept and can be waited on. */
export class N8nServer {
    private readonly child: ChildProcess;
    private output = '';
    private readonly waiters = new Set<() => void>();
    private exited: number | null | undefined;

    constructor(child: ChildProcess, log: string) {
        this.child = child;
        const file = createWriteStream(log);
        const onData = (chunk: Buffer) => {
            file.write(chunk);
            this.output += chunk.toString('utf8');
            for (const waiter of this.waiters) waiter();
        };
        child.stdout?.on('data', onData);
        child.stderr?.on('data', onData);
        child.once('exit', (code) => {
            this.exited = code;
            file.end();
            for (const waiter of this.waiters) waiter();
        });
    }

    /** Everything the server printed so far. */
    get log(): string {
        return this.output;
    }

    /** How many times the server printed a line matching `pattern` so far. */
    count(pattern: RegExp): number {
        return this.output.split('\n').filter((line) => pattern.test(line)).length;
    }

    /** Resolves when the server has printed `times` lines matching `pattern`; rejects after `timeoutMs` or when it exits. */
    async waitForLine(pattern: RegExp, timeoutMs: number, times = 1): Promise<void> {
        await new Promise<void>((resolve, reject) => {
            const check = () => {
                if (this.count(pattern) >= times) done(undefined);
                else if (this.exited !== undefined) done(new Error(`n8n exited (${this.exited}) before printing ${pattern}`));
            };
            const timer = setTimeout(() => done(new Error(`n8n did not print ${pattern} (${times}x) within ${timeoutMs / 1000} s`)), timeoutMs);
            const done = (error: Error | undefined) => {
                clearTimeout(timer);
                this.waiters.delete(check);
                if (error) reject(error);
                else resolve();
            };
            this.waiters.add(check);
            check();
        });
    }

    /** Stops n8n (SIGTERM: it finishes running executions), then SIGKILLs its process group after `graceMs`. */
    async stop(graceMs = 30_000): Promise<void> {
        if (this.exited !== undefined || this.child.pid === undefined) return;
        const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
        this.child.kill('SIGTERM');
        const timer = setTimeout(() => this.kill(), graceMs);
        await exited;
        clearTimeout(timer);
    }

    /** Kills the server's process group at once (synchronous: safe in `exit` handlers). */
    kill(): void {
        if (this.exited !== undefined || this.child.pid === undefined) return;
        try {
            process.kill(-this.child.pid, 'SIGKILL');
        } catch {
            // already gone
        }
    }
}
