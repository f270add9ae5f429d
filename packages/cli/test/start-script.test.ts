import { compileSegment } from '@segments/engine';
import { isSegment } from '@segments/language';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { FileListSource } from '../src/evaluation/list-source.js';
import { DefaultWorkspaceLoader } from '../src/workspace-loader.js';
import { type RunResult, segment } from './cli-test-utils.js';

const root = resolve(import.meta.dirname, '../../..');

/** The `segment` commands of the root package's `npm start`, as argument lists, in order. */
function startCommands(): string[][] {
    const scripts = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    return scripts['start']!
        .split('&&')
        .map((command) => command.trim().split(/\s+/))
        .filter(([program]) => program === 'segment')
        .map((command) => command.slice(1));
}

/** The value of an option in an argument list. */
function option(args: readonly string[], name: string): string {
    return args[args.indexOf(name) + 1]!;
}

/** Each example segment's members (keys) in a data file at an instant, found in-process with the engine. */
async function membersOfExamples(data: string, now: string): Promise<Map<string, Set<string>>> {
    const workspace = await new DefaultWorkspaceLoader().load(['examples'], root);
    const records = readFileSync(resolve(root, data), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as unknown);
    const members = new Map<string, Set<string>>();
    for (const declared of workspace.requested.flatMap((document) => document.parseResult.value.declarations.filter(isSegment))) {
        const evaluator = compileSegment(workspace.services.ir.Lowering.lowerSegment(declared), { lists: new FileListSource() }).prepare({ now });
        members.set(declared.name, new Set(records.filter((record) => evaluator.isMember(record)).map((record) => evaluator.keyOf(record)!)));
    }
    return members;
}

const count = (value: number) => value.toLocaleString('en-US');

describe('npm start: every example segment evaluated on the sample CRM, then the day of changes', () => {
    const commands = startCommands();
    const results: RunResult[] = [];

    beforeAll(() => {
        for (const args of commands) results.push(segment(root, ...args));
    }, 60_000);

    test('runs check, eval and changes on examples/, each exiting 0', () => {
        expect(commands.map(([command, target]) => `${command} ${target}`)).toEqual(['check examples', 'eval examples', 'changes examples']);
        expect(results.map((result) => result.status)).toEqual([0, 0, 0]);
        expect(results[0]!.stdout).toMatch(/^No problems in \d+ files\n$/);
    });

    test('eval prints every example segment with the size the engine finds', async () => {
        const args = commands[1]!;
        const expected = await membersOfExamples(option(args, '--data'), option(args, '--now'));
        expect(expected.size).toBe(31);
        const lines = results[1]!.stdout.split('\n');
        for (const [name, members] of expected) {
            const header = lines.find((line) => line.startsWith(`${name} `) || line === name);
            expect(header, name).toMatch(new RegExp(`^${name}( ".*")? +${count(members.size)} of 2,000 contacts \\(\\d+(\\.\\d)?%\\)$`));
        }
    });

    test('changes prints, for every example segment, who entered and who exited, as the two memberships differ', async () => {
        const args = commands[2]!;
        const before = await membersOfExamples(option(args, '--before'), option(args, '--now-before'));
        const after = await membersOfExamples(option(args, '--after'), option(args, '--now'));
        const lines = results[2]!.stdout.split('\n');
        let changed = 0;
        for (const [name, earlier] of before) {
            const later = after.get(name)!;
            const entered = [...later].filter((key) => !earlier.has(key));
            const exited = [...earlier].filter((key) => !later.has(key));
            changed += entered.length + exited.length;
            const heading = new RegExp(`^${name}: +\\+${count(entered.length)} +−${count(exited.length)}  \\(${count(earlier.size)} → ${count(later.size)}\\)$`);
            expect(lines.filter((line) => heading.test(line)), name).toHaveLength(1);
            const row = lines.find((line) => line.startsWith(`${name} `))!;
            expect(row.split(/\s+/)).toEqual([name, ...[earlier.size, later.size, entered.length, exited.length].map(count)]);
        }
        expect(changed).toBeGreaterThan(0);
    });
});
