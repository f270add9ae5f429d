import { describe, expect, test } from 'vitest';
import { formatLine, isWorthPrinting, logLine, screenshotMarker, workbenchUrl } from './workbench-log.ts';

describe('the workbench address', () => {
    const url = new URL(
        workbenchUrl('http://127.0.0.1:4321', {
            folder: '/tmp/run 1/examples',
            extensionDevelopmentPath: '/tmp/run 1/extensions/segments-as-code.segments-vscode-0.1.0',
            extensionTestsPath: '/repo/extension/out/test/suite/index.js',
        }),
    );

    test('opens the folder on the server', () => {
        expect(url.origin).toBe('http://127.0.0.1:4321');
        expect(url.pathname).toBe('/');
        expect(url.searchParams.get('folder')).toBe('/tmp/run 1/examples');
    });

    test('carries the development and tests paths as remote URIs in the payload', () => {
        expect(JSON.parse(url.searchParams.get('payload')!)).toEqual([
            ['extensionDevelopmentPath', 'vscode-remote://remote/tmp/run 1/extensions/segments-as-code.segments-vscode-0.1.0'],
            ['extensionTestsPath', 'vscode-remote://remote/repo/extension/out/test/suite/index.js'],
        ]);
    });
});

describe('the lines of codeAutomationLog', () => {
    test('apply the format of a first string argument, as console.log does', () => {
        expect(logLine('info', ['    ✔ %s (%dms)', 'a member lens shows the count', 1237])).toEqual({
            level: 'info',
            message: '    ✔ a member lens shows the count (1237ms)',
        });
    });

    test('join plain arguments with spaces and show objects as data', () => {
        expect(logLine('warn', ['counted', 3, { members: 2 }]).message).toBe('counted 3 { members: 2 }');
    });

    test('take a single argument and an unknown level', () => {
        expect(logLine(undefined, 'alone')).toEqual({ level: 'info', message: 'alone' });
    });

    test('print with their level', () => {
        expect(formatLine({ level: 'warn', message: 'careful' })).toBe('warn  careful');
        expect(formatLine({ level: 'error', message: 'broken' })).toBe('error broken');
    });

    test('print each line of a message after the prefix, aligned', () => {
        expect(formatLine({ level: 'error', message: 'Error: 2 test(s) failed\n\tat run (index.js:1:963)\n' }, '  | ')).toBe(
            '  | error Error: 2 test(s) failed\n  |       \tat run (index.js:1:963)\n  |',
        );
    });
});

describe('screenshot markers', () => {
    test('name the screenshot', () => {
        expect(screenshotMarker({ level: 'info', message: 'SCREENSHOT problems' })).toBe('problems');
        expect(screenshotMarker({ level: 'info', message: '  SCREENSHOT quick-fix-2 \n' })).toBe('quick-fix-2');
    });

    test('are whole lines with a file-safe name', () => {
        expect(screenshotMarker({ level: 'info', message: 'took SCREENSHOT problems' })).toBeUndefined();
        expect(screenshotMarker({ level: 'info', message: 'SCREENSHOT ../escape' })).toBeUndefined();
        expect(screenshotMarker({ level: 'info', message: 'SCREENSHOT Problems' })).toBeUndefined();
        expect(screenshotMarker({ level: 'info', message: 'SCREENSHOT' })).toBeUndefined();
    });
});

describe('the lines printed while the suite runs', () => {
    test('include the suite and the errors', () => {
        expect(isWorthPrinting({ level: 'info', message: '  10 passing (13s)' })).toBe(true);
        expect(isWorthPrinting({ level: 'error', message: 'Error: 2 test(s) failed' })).toBe(true);
    });

    test('leave out debug output and the chatter of the workbench', () => {
        expect(isWorthPrinting({ level: 'debug', message: 'anything' })).toBe(false);
        expect(isWorthPrinting({ level: 'info', message: '[AgentHost] No signed-in session resolved for resource: https://api.github.com' })).toBe(false);
        expect(isWorthPrinting({ level: 'info', message: 'Creating a socket (renderer-Management-f93b2abd)...' })).toBe(false);
        expect(isWorthPrinting({ level: 'error', message: 'getaddrinfo ENOTFOUND open-vsx.org: Failed: getaddrinfo ENOTFOUND open-vsx.org' })).toBe(false);
    });
});
