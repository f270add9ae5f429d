import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { logLine, screenshotMarker, workbenchUrl, type LogLine, type TestPayload } from './workbench-log.ts';

/** The flags that let Debian's chromium run headless as root in a container. */
const CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];

/** How to run the suite in the workbench. */
export interface WorkbenchRunOptions {
    readonly origin: string;
    readonly payload: TestPayload;
    /** The browser's binary, e.g. `/usr/bin/chromium`. */
    readonly chromium: string;
    /** A fresh folder for the browser's profile. */
    readonly profile: string;
    /** Where screenshots go, as `<name>.png`. */
    readonly screenshots: string;
    /** How long the suite may run, in ms, before it counts as failed. */
    readonly timeout: number;
    /** Called with every line of the workbench's log as it arrives. */
    readonly onLine: (line: LogLine) => void;
}

/** What a run of the suite gave. */
export interface WorkbenchRunResult {
    /** The exit code of the extension host (0: every test passed), or `undefined` on a time-out. */
    readonly exitCode: number | undefined;
    /** The names of the screenshots the suite asked for, in order. */
    readonly screenshots: readonly string[];
    /** The workbench's own log files (`relativePath` under its logs folder), as it hands them over at the end. */
    readonly logs: readonly WorkbenchLogFile[];
}

export interface WorkbenchLogFile {
    readonly relativePath: string;
    readonly contents: string;
}

/**
 * Opens the workbench in headless chromium with the test payload and waits until the extension
 * host reports the suite's exit code, through the automation hooks `codeAutomationLog` and
 * `codeAutomationExit` that the workbench calls when they exist. A line `SCREENSHOT <name>` takes
 * a screenshot into `<screenshots>/<name>.png` (written under another name and renamed, so the
 * suite, which waits for the file, never sees half of it). The harness itself takes `end` after
 * a passing run, `failure` after a failing one and `timeout` when the suite did not finish.
 */
export async function runInWorkbench(options: WorkbenchRunOptions): Promise<WorkbenchRunResult> {
    mkdirSync(options.screenshots, { recursive: true });
    const context = await chromium.launchPersistentContext(options.profile, {
        executablePath: options.chromium,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1280, height: 800 },
        colorScheme: 'dark',
    });
    try {
        const page = context.pages()[0] ?? (await context.newPage());
        const shots = new Screenshots(page, options.screenshots);
        let finish: (exit: { code: number; logs: WorkbenchLogFile[] }) => void = () => undefined;
        const finished = new Promise<{ code: number; logs: WorkbenchLogFile[] }>((resolve) => (finish = resolve));

        await page.exposeFunction('codeAutomationLog', (level: unknown, args: unknown) => {
            const line = logLine(level, args);
            options.onLine(line);
            const name = screenshotMarker(line);
            if (name) shots.take(name, true);
        });
        await page.exposeFunction('codeAutomationExit', (code: unknown, logs: unknown) => {
            finish({ code: typeof code === 'number' ? code : 1, logs: Array.isArray(logs) ? (logs as WorkbenchLogFile[]) : [] });
        });
        page.on('pageerror', (error) => options.onLine({ level: 'error', message: `[page] ${error.stack ?? error.message}` }));

        await page.goto(workbenchUrl(options.origin, options.payload));
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), options.timeout)));
        const exit = await Promise.race([finished, timedOut]);
        clearTimeout(timer);

        shots.take(exit === undefined ? 'timeout' : exit.code === 0 ? 'end' : 'failure', false);
        await shots.settled();
        return { exitCode: exit?.code, screenshots: shots.requested, logs: exit?.logs ?? [] };
    } finally {
        await closeQuietly(context);
    }
}

/** Screenshots of the page, one at a time, in the order asked. */
class Screenshots {
    readonly requested: string[] = [];
    private queue: Promise<void> = Promise.resolve();
    private readonly page: Page;
    private readonly folder: string;

    constructor(page: Page, folder: string) {
        this.page = page;
        this.folder = folder;
    }

    /** Queues a screenshot `<name>.png`; `requested` marks one that the suite asked for. */
    take(name: string, requested: boolean): void {
        if (requested) this.requested.push(name);
        this.queue = this.queue.then(async () => {
            const path = join(this.folder, `${name}.png`);
            try {
                const image = await this.page.screenshot({ timeout: 15_000 });
                writeFileSync(`${path}.partial`, image);
                renameSync(`${path}.partial`, path);
            } catch (error) {
                console.error(`screenshot ${name} failed: ${(error as Error).message}`);
            }
        });
    }

    settled(): Promise<void> {
        return this.queue;
    }
}

async function closeQuietly(context: BrowserContext): Promise<void> {
    try {
        await context.close();
    } catch {
        // The browser is already gone.
    }
}

/** Writes the workbench's log files under `folder`. */
export function writeLogFiles(folder: string, logs: readonly WorkbenchLogFile[]): void {
    for (const log of logs) {
        const path = join(folder, log.relativePath);
        if (!path.startsWith(folder)) continue;
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, log.contents);
    }
}
