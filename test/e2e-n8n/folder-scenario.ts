/**
 * The scenario of examples/n8n/evaluate-segment-files.json: n8n's own nodes read the segment
 * files and the contacts of examples/, the Segment node checks memberships and filters, the
 * Segment Membership node tells who entered. Every member list is compared with the CLI's
 * (`segment eval`) on the same files, instant and time zone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { evaluateWithCli, segmentsByKey, type Memberships } from './expectations.ts';
import type { N8n } from './n8n.ts';
import type { Report } from './report.ts';
import { outputItems, runError, type RunItem, type WorkflowRun } from './run-data.ts';
import { readWorkflow, type Workflow } from './workflows.ts';

/** The node names of the example this scenario reads (see the workflow). */
const NODES = {
    settings: 'Settings',
    segmentFiles: 'Leave out segments of static lists',
    check: 'Check memberships',
    filter: 'High value customers',
    membership: 'Who entered or left',
} as const;

/** What the scenario needs from the repository. */
export interface FolderScenarioOptions {
    /** The workflow file (examples/n8n/evaluate-segment-files.json). */
    readonly workflow: string;
    /** The folder n8n runs in: the workflow's relative paths resolve from it. */
    readonly cwd: string;
    /** packages/cli/bin/segment.js. */
    readonly cli: string;
}

/** The instant, folder and data file the run used, as its Settings node output them. */
interface RunSettings {
    readonly folder: string;
    readonly contacts: string;
    readonly now: string;
}

function settingsOf(run: WorkflowRun): RunSettings {
    const json = outputItems(run, NODES.settings)[0]?.json ?? {};
    const text = (name: string) => {
        const value = json[name];
        if (typeof value !== 'string' || value === '') throw new Error(`the Settings node output no "${name}"`);
        return value;
    };
    return { folder: text('folder'), contacts: text('contacts'), now: text('now') };
}

function keyOf(item: RunItem): string {
    return String(item.json['id']);
}

/** The segment each file of `folder/segments` declares (one per file, named like it), with or without static lists. */
function segmentFiles(folder: string): { all: string[]; withLists: string[] } {
    const names = readdirSync(join(folder, 'segments')).filter((name) => name.endsWith('.segment')).sort();
    const withLists = names.filter((name) => readFileSync(join(folder, 'segments', name), 'utf8').includes('in list '));
    return { all: names.map((name) => basename(name, '.segment')), withLists: withLists.map((name) => basename(name, '.segment')) };
}

/**
 * Checks one run of the folder workflow against the CLI. `runNumber` 1 is the first run of the
 * workflow (the membership node then outputs every member as entered), later runs output no change.
 */
function checkRun(report: Report, scenario: string, run: WorkflowRun, options: FolderScenarioOptions, workflow: Workflow, runNumber: number): void {
    const error = runError(run);
    if (!report.check(scenario, `run ${runNumber} succeeded`, error === undefined, error ?? `status ${run.status}`)) return;

    const settings = settingsOf(run);
    const folder = join(options.cwd, settings.folder);
    const files = segmentFiles(folder);
    const evaluated = outputItems(run, NODES.segmentFiles).map((item) => basename(item.binary?.['data']?.fileName ?? '?', '.segment'));
    const expectedSegments = files.all.filter((name) => !files.withLists.includes(name));
    report.sameKeys(scenario, `run ${runNumber}: the segment files read (all of segments/ but those with static lists)`, evaluated, expectedSegments);

    const truth: Memberships = evaluateWithCli({ cli: options.cli, project: folder, data: join(options.cwd, settings.contacts), now: settings.now }, evaluated);
    const byKey = segmentsByKey(truth);

    const checked = outputItems(run, NODES.check);
    const records = readFileSync(join(options.cwd, settings.contacts), 'utf8').split('\n').filter((line) => line.trim() !== '').length;
    const wrong = checked.filter((item) => {
        const got = [...((item.json['segments'] as string[] | undefined) ?? [])].sort().join(',');
        return got !== (byKey.get(keyOf(item)) ?? []).join(',');
    });
    const memberships = [...truth.values()].reduce((sum, keys) => sum + keys.size, 0);
    report.check(
        scenario,
        `run ${runNumber}: Check memberships gives every contact the segments the CLI gives it`,
        checked.length === records && wrong.length === 0,
        `${checked.length} of ${records} contacts, ${evaluated.length} segments, ${memberships} memberships; ${wrong.length} contact(s) differ` +
            (wrong.length ? `: ${wrong.slice(0, 3).map((item) => `${keyOf(item)} has [${String(item.json['segments'])}], CLI [${byKey.get(keyOf(item)) ?? ''}]`).join('; ')}` : ''),
    );

    const segment = String((workflow.node(NODES.filter).parameters['options'] as Record<string, unknown>)['segmentName']);
    const members = truth.get(segment) ?? new Set<string>();
    report.sameKeys(scenario, `run ${runNumber}: Filter "${segment}": In segment = the CLI's members`, outputItems(run, NODES.filter, 0).map(keyOf), members);
    const others = checked.map(keyOf).filter((key) => !members.has(key));
    report.sameKeys(scenario, `run ${runNumber}: Filter "${segment}": Not in segment = the other contacts`, outputItems(run, NODES.filter, 1).map(keyOf), others);

    const entered = outputItems(run, NODES.membership, 0).map(keyOf);
    const exited = outputItems(run, NODES.membership, 1).map(keyOf);
    if (runNumber === 1) {
        report.sameKeys(scenario, `run 1: Segment Membership (first run, output all): Entered = the members`, entered, members);
    } else {
        report.sameKeys(scenario, `run ${runNumber}: Segment Membership (state from run ${runNumber - 1}, same data): nobody entered`, entered, []);
    }
    report.sameKeys(scenario, `run ${runNumber}: Segment Membership: nobody exited`, exited, []);
}

/**
 * Imports the workflow into `n8n` and executes it twice (two n8n processes: the membership state
 * must survive), checking each run. `nodeTypePrefix` replaces the package name in node types when
 * the package is loaded from N8N_CUSTOM_EXTENSIONS (`CUSTOM.`).
 */
export function runFolderScenario(report: Report, scenario: string, n8n: N8n, options: FolderScenarioOptions, runs: number, nodeTypePrefix?: string): void {
    try {
        const workflow = readWorkflow(options.workflow);
        const file = workflow.writeTo(n8n.options.userFolder, nodeTypePrefix);
        n8n.importWorkflow(file, workflow.id);
        for (let runNumber = 1; runNumber <= runs; runNumber++) {
            const run = n8n.execute(workflow.id, `${workflow.id}-${runNumber}`);
            checkRun(report, scenario, run, options, workflow, runNumber);
        }
    } catch (error) {
        report.error(scenario, error);
    }
}
