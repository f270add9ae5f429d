/**
 * The long-running processes the harness starts (`n8n start`, the HubSpot test server), so that
 * an interrupted run (Ctrl-C, a crash) does not leave them behind.
 */
import type { ChildProcess } from 'node:child_process';

const running = new Set<ChildProcess>();

/** Remembers a child until it exits. */
export function track(child: ChildProcess): void {
    running.add(child);
    child.once('exit', () => running.delete(child));
}

/** SIGKILLs every tracked child still running (its process group when it leads one); synchronous, for `exit` handlers. */
export function killAll(): void {
    for (const child of running) {
        if (child.pid === undefined) continue;
        try {
            process.kill(-child.pid, 'SIGKILL');
        } catch {
            child.kill('SIGKILL');
        }
    }
    running.clear();
}
