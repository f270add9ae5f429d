import { LoggerProxy } from 'n8n-workflow';
import { afterEach, describe, expect, it } from 'vitest';
import { clearTimeout, console as bundleConsole, process as bundleProcess, setImmediate, setTimeout } from '../../scripts/bundle-globals.mjs';

describe('the bundles\' stand-ins for Node globals', () => {
    afterEach(() => LoggerProxy.init({ error() {}, warn() {}, info() {}, debug() {} }));

    it('runs a timer\'s callback with its arguments after the delay', async () => {
        const started = Date.now();
        const value = await new Promise((resolve) => setTimeout(resolve, 20, 'done'));
        expect(value).toBe('done');
        expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    });

    it('never runs a cleared timer', async () => {
        const calls: string[] = [];
        const timer = setTimeout(() => calls.push('cleared'), 1);
        clearTimeout(timer);
        await new Promise((resolve) => setImmediate(resolve));
        await new Promise((resolve) => setTimeout(resolve, 10));
        expect(calls).toEqual([]);
    });

    it('accepts ref and unref on a timer', () => {
        const timer = setTimeout(() => undefined, 0);
        expect(timer.unref()).toBe(timer);
        expect(timer.ref()).toBe(timer);
    });

    it('writes console output to n8n\'s logger', () => {
        const logged: string[] = [];
        const record = (level: string) => (message: string) => logged.push(`${level}: ${message}`);
        LoggerProxy.init({ error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug') });
        bundleConsole.warn('lookahead', 3, { rule: 'x' });
        bundleConsole.log('built');
        bundleConsole.error(new Error('broken'));
        expect(logged.slice(0, 2)).toEqual(['warn: lookahead 3 {"rule":"x"}', 'info: built']);
        expect(logged[2]).toMatch(/^error: Error: broken\n/);
    });

    it('offers a process with POSIX paths, a root working directory and an empty environment', () => {
        expect(bundleProcess.platform).toBe('linux');
        expect(bundleProcess.cwd()).toBe('/');
        expect(bundleProcess.env).toEqual({});
    });
});
