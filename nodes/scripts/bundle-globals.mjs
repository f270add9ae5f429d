// Stand-ins for the Node globals that n8n's community package scanner forbids in a package's
// code (@n8n/eslint-plugin-community-nodes: no-restricted-globals, and no-console), injected by
// scripts/build.mjs into the bundles (esbuild `inject`: every free reference to one of these
// names in the bundled code, ours or a library's, uses the export of the same name instead).
//
// - Timers run on n8n-workflow's `sleep`, as the scanner's own hint asks ("Use the 'sleep'
//   helper from 'n8n-workflow' instead"); Langium yields to the event loop with them.
// - `console` writes to n8n's logger (n8n-workflow's LoggerProxy): library warnings end up in
//   n8n's log instead of the process's stdout.
// - `process` offers only what the bundled libraries read: `platform` (vscode-uri and Langium
//   choose Windows path handling by it; the bundles only see the in-memory `/segments/...` URIs,
//   so POSIX is right on every host), `cwd()` (the root of that in-memory file system) and an
//   empty `env` (nothing in a node reads the environment).
import { LoggerProxy, sleep } from 'n8n-workflow';

/** A timer handle: cancelled by {@link clearTimeout}; `ref`/`unref` are accepted and change nothing. */
class SleepTimer {
    cancelled = false;
    ref() {
        return this;
    }
    unref() {
        return this;
    }
    hasRef() {
        return !this.cancelled;
    }
}

/** `setTimeout` on n8n-workflow's `sleep`. */
function setTimeoutOnSleep(callback, delay, ...args) {
    const timer = new SleepTimer();
    void sleep(Math.max(0, Number(delay) || 0)).then(() => {
        if (!timer.cancelled) callback(...args);
    });
    return timer;
}

/** Cancels a timer of {@link setTimeoutOnSleep} (its callback never runs). */
function clearTimer(timer) {
    if (timer instanceof SleepTimer) timer.cancelled = true;
}

/** `setImmediate`: a timer of no delay. */
function setImmediateOnSleep(callback, ...args) {
    return setTimeoutOnSleep(callback, 0, ...args);
}

function message(values) {
    return values.map((value) => (typeof value === 'string' ? value : value instanceof Error ? (value.stack ?? value.message) : JSON.stringify(value))).join(' ');
}

const loggingConsole = {
    log: (...values) => LoggerProxy.info(message(values)),
    info: (...values) => LoggerProxy.info(message(values)),
    debug: (...values) => LoggerProxy.debug(message(values)),
    trace: (...values) => LoggerProxy.debug(message(values)),
    warn: (...values) => LoggerProxy.warn(message(values)),
    error: (...values) => LoggerProxy.error(message(values)),
    time: () => undefined,
    timeEnd: () => undefined,
};

const bundleProcess = Object.freeze({
    platform: 'linux',
    env: Object.freeze({}),
    cwd: () => '/',
});

export {
    setTimeoutOnSleep as setTimeout,
    clearTimer as clearTimeout,
    setImmediateOnSleep as setImmediate,
    clearTimer as clearImmediate,
    loggingConsole as console,
    bundleProcess as process,
};
