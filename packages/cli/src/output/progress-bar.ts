import type { OutputStream } from '../cli-io.js';
import { blockBar, formatCount } from './numbers.js';

/** Reports how far the reading of a data file is. */
export interface Progress {
    /** The reading reached `records` entries and `bytes` bytes. Cheap: call it as often as wanted. */
    update(records: number, bytes: number): void;
    /** The reading is over: removes what the progress showed. */
    finish(): void;
}

/** A {@link Progress} that shows nothing (when stderr is not a terminal). */
export const silentProgress: Progress = {
    update: () => undefined,
    finish: () => undefined,
};

/** What a progress line shows. */
export interface ProgressState {
    /** What is being read: a file name. */
    readonly label: string;
    readonly records: number;
    readonly bytes: number;
    /** The size of the input, when it is known (then the line shows a bar and a percentage). */
    readonly totalBytes?: number;
    readonly elapsedMs: number;
}

/** The width of the bar, in cells. */
const BAR_WIDTH = 20;

/** `contacts.ndjson ████████▌           42%  120,000 records  35,000/s`. */
export function formatProgress(state: ProgressState): string {
    const parts = [state.label];
    if (state.totalBytes !== undefined && state.totalBytes > 0) {
        const fraction = Math.min(1, state.bytes / state.totalBytes);
        parts.push(`${blockBar(fraction, BAR_WIDTH).padEnd(BAR_WIDTH, '░')} ${`${Math.floor(fraction * 100)}%`.padStart(4)}`);
    }
    parts.push(`${formatCount(state.records)} records`);
    if (state.elapsedMs > 0) parts.push(`${formatCount((state.records * 1000) / state.elapsedMs)}/s`);
    return parts.join('  ');
}

/**
 * A progress line on a terminal, redrawn in place (`\r`, then erase to the end of the line) at
 * most once per `intervalMs`, and erased by {@link finish}.
 */
export class TerminalProgress implements Progress {
    private readonly started: number;
    private last: number;
    private shown = false;

    constructor(
        private readonly stream: OutputStream,
        private readonly label: string,
        private readonly totalBytes: number | undefined,
        private readonly clock: () => number = () => performance.now(),
        private readonly intervalMs = 100,
    ) {
        this.started = clock();
        this.last = this.started;
    }

    update(records: number, bytes: number): void {
        const now = this.clock();
        if (now - this.last < this.intervalMs) return;
        this.last = now;
        const line = formatProgress({ label: this.label, records, bytes, elapsedMs: now - this.started, ...(this.totalBytes !== undefined ? { totalBytes: this.totalBytes } : {}) });
        this.stream.write(`\r${line}\u001b[K`);
        this.shown = true;
    }

    finish(): void {
        if (this.shown) this.stream.write('\r\u001b[K');
        this.shown = false;
    }
}

/** A progress line on `stream` when it is a terminal, else nothing. */
export function progressOn(stream: OutputStream, label: string, totalBytes: number | undefined): Progress {
    return stream.isTTY ? new TerminalProgress(stream, label, totalBytes) : silentProgress;
}
