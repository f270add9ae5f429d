/**
 * The polling scenario: the two trigger examples (examples/n8n/welcome-new-high-value-customers.json
 * and win-back-lapsed-customers.json) are activated in a real `n8n start` against the HubSpot test
 * server (its CLI, on loopback). The first poll records who is in; then contacts are changed
 * through HubSpot's API so that one enters a segment, and at the next poll the other way (it exits,
 * and another customer lapses). What the triggers emitted, and what the workflows made of it, is
 * posted to an HTTP sink of the harness and compared with `segment changes` (the CLI) on snapshots
 * of the server's contacts.
 *
 * For the test only, each workflow gets two HTTP Request nodes (the trigger's raw items and the
 * workflow's result, to the sink) and its poll time is pinned to second 30 of every minute, so
 * that the harness changes data away from polls.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { track } from './children.ts';
import { HttpSink, type SinkRequest } from './http-sink.ts';
import type { N8n, N8nServer } from './n8n.ts';
import type { Report } from './report.ts';
import { readWorkflow, type Workflow, type WorkflowNode } from './workflows.ts';

const SCENARIO = 'HubSpot polling';
/** The second of each minute the pinned polls run at; data changes happen at least 15 s away from it. */
const POLL_SECOND = 30;
const TOKEN = 'e2e-token';
/** The properties the snapshots (and the schema of examples/n8n/hubspot) hold. */
const PROPERTIES = ['hs_object_id', 'email', 'firstname', 'lastname', 'lifecyclestage', 'total_revenue', 'notes_last_contacted'] as const;
const DAY_MS = 86_400_000;

/** What the scenario needs from the repository. */
export interface PollingScenarioOptions {
    /** The two trigger examples and what each keeps: `entered` (welcome) or `exited` (win back). */
    readonly workflows: ReadonlyArray<{ readonly file: string; readonly keeps: 'entered' | 'exited'; readonly result: string }>;
    /** examples/n8n/hubspot: the project of the triggers' segments (for `segment changes`). */
    readonly project: string;
    /** packages/hubspot-test-server/dist/cli.js. */
    readonly hubspotServer: string;
    /** packages/cli/bin/segment.js. */
    readonly cli: string;
    /** Where the snapshots and data files go. */
    readonly work: string;
    /** How long to wait for one poll, in ms (a poll runs every minute). */
    readonly pollTimeoutMs: number;
}

type Properties = Record<string, string>;

/** The contacts the server starts with, relative to `now` (the datetimes are far from the 90-day edge). */
function seedContacts(now: number): Array<{ id: string; properties: Properties }> {
    const daysAgo = (days: number) => new Date(now - days * DAY_MS).toISOString();
    const contact = (id: string, firstname: string, lifecyclestage: string, extra: Properties) => ({
        id,
        properties: { email: `${firstname.toLowerCase()}@example.com`, firstname, lastname: 'Example', lifecyclestage, ...extra },
    });
    return [
        contact('101', 'Ada', 'customer', { total_revenue: '2500', notes_last_contacted: daysAgo(10) }),
        contact('102', 'Ben', 'customer', { total_revenue: '300', notes_last_contacted: daysAgo(20) }),
        contact('103', 'Cleo', 'lead', { total_revenue: '5000', notes_last_contacted: daysAgo(3) }),
        contact('104', 'Dan', 'customer', { total_revenue: '1200', notes_last_contacted: daysAgo(200) }),
        contact('105', 'Eve', 'customer', { notes_last_contacted: daysAgo(5) }),
        contact('106', 'Finn', 'subscriber', {}),
    ];
}

/** The data changes, one list per poll: the first makes Ben high-value; the second undoes it and lets Eve lapse. */
function changes(now: number): Array<Array<{ id: string; properties: Properties }>> {
    return [
        [{ id: '102', properties: { total_revenue: '1500' } }],
        [
            { id: '102', properties: { total_revenue: '800' } },
            { id: '105', properties: { notes_last_contacted: new Date(now - 400 * DAY_MS).toISOString() } },
        ],
    ];
}

/** The HubSpot test server's CLI, as a child process. */
class HubSpotServerProcess {
    readonly url: string;
    private readonly child: ChildProcess;

    private constructor(child: ChildProcess, url: string) {
        this.child = child;
        this.url = url;
    }

    static async start(cli: string, dataFile: string, log: string): Promise<HubSpotServerProcess> {
        const child = spawn(process.execPath, [cli, '--token', TOKEN, '--data', dataFile], { stdio: ['ignore', 'pipe', 'pipe'] });
        track(child);
        const errors: string[] = [];
        child.stderr?.on('data', (chunk: Buffer) => errors.push(chunk.toString('utf8')));
        const first = await new Promise<string>((resolve, reject) => {
            const lines = createInterface({ input: child.stdout! });
            lines.once('line', resolve);
            child.once('exit', (code) => reject(new Error(`hubspot-test-server exited (${code}): ${errors.join('')}`)));
        });
        child.once('exit', () => writeFileSync(log, errors.join('')));
        const { url } = JSON.parse(first) as { url: string };
        return new HubSpotServerProcess(child, url);
    }

    /** A call to the server's HubSpot API, with the token; throws on a non-2xx answer. */
    async api(method: string, path: string, body?: unknown): Promise<unknown> {
        const response = await fetch(`${this.url}${path}`, {
            method,
            headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await response.text();
        if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
        return text === '' ? undefined : JSON.parse(text);
    }

    /** Every contact with the schema's properties, through the batch read endpoint. */
    async snapshot(ids: readonly string[]): Promise<Array<{ id: string; properties: Record<string, string | null> }>> {
        const answer = (await this.api('POST', '/crm/v3/objects/contacts/batch/read', { inputs: ids.map((id) => ({ id })), properties: PROPERTIES })) as {
            results: Array<{ id: string; properties: Record<string, string | null> }>;
        };
        return answer.results.sort((a, b) => Number(a.id) - Number(b.id));
    }

    stop(): void {
        this.child.kill('SIGTERM');
    }
}

/** Writes contacts as CSV (every value text, an empty cell a missing value: how HubSpot sends values). */
function writeCsv(file: string, contacts: ReadonlyArray<{ properties: Record<string, string | null> }>): void {
    const cell = (value: string | null | undefined) => (value === null || value === undefined ? '' : /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
    const rows = contacts.map((contact) => PROPERTIES.map((name) => cell(contact.properties[name])).join(','));
    writeFileSync(file, [PROPERTIES.join(','), ...rows].join('\n') + '\n');
}

/** `segment changes SEGMENT --before A --after B --now NOW -f ids` in the project: `entered:KEY` / `exited:KEY`. */
function changesWithCli(options: PollingScenarioOptions, segment: string, before: string, after: string, now: Date): string[] {
    const result = spawnSync(process.execPath, [options.cli, 'changes', segment, '--before', before, '--after', after, '--now', now.toISOString(), '--format', 'ids'], {
        cwd: options.project,
        encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`segment changes exited with ${result.status ?? result.signal}:\n${result.stderr}`);
    return result.stdout
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => `${line.startsWith('+') ? 'entered' : 'exited'}:${line.slice(1)}`);
}

/** The segment a trigger tracks: the one its text declares. */
function segmentOf(trigger: WorkflowNode): string {
    const name = /segment\s+(\w+)/.exec(String(trigger.parameters['source']))?.[1];
    if (name === undefined) throw new Error(`the trigger "${trigger.name}" declares no segment`);
    return name;
}

/** The report nodes appended for the test: an HTTP Request node posting each item to the sink. */
function reportNode(name: string, url: string, x: number, y: number): WorkflowNode {
    return {
        id: `e2e-${name.toLowerCase().replaceAll(' ', '-')}`,
        name,
        type: 'n8n-nodes-base.httpRequest',
        typeVersion: 4.2,
        position: [x, y],
        parameters: { method: 'POST', url, sendBody: true, specifyBody: 'json', jsonBody: '={{ JSON.stringify($json) }}', options: {} },
    };
}

/** One trigger workflow under test. */
interface TriggerWorkflow {
    readonly workflow: Workflow;
    readonly segment: string;
    readonly keeps: 'entered' | 'exited';
    readonly result: string;
}

function adapt(entry: PollingScenarioOptions['workflows'][number], sink: HttpSink, credentialId: string): TriggerWorkflow {
    const workflow = readWorkflow(entry.file);
    const [trigger] = workflow.nodesOfType('segmentTrigger');
    if (trigger === undefined) throw new Error(`${entry.file} has no Segment Trigger`);
    const declared = trigger.credentials?.['segmentsHubSpotApi']?.id;
    if (declared !== credentialId) throw new Error(`${entry.file}: the trigger's credential is ${declared}, the test imports ${credentialId}`);
    trigger.parameters['pollTimes'] = { item: [{ mode: 'custom', cronExpression: `${POLL_SECOND} * * * * *` }] };
    workflow.append(trigger.name, 0, reportNode('E2E raw trigger items', `${sink.url}/${workflow.id}/trigger`, trigger.position[0] + 220, trigger.position[1] + 200));
    workflow.append(entry.result, 0, reportNode('E2E result', `${sink.url}/${workflow.id}/result`, workflow.node(entry.result).position[0] + 220, workflow.node(entry.result).position[1]));
    return { workflow, segment: segmentOf(trigger), keeps: entry.keeps, result: entry.result };
}

/** Checks that the segment texts embedded in the triggers are those of examples/n8n/hubspot. */
function checkTextsInSync(report: Report, options: PollingScenarioOptions, triggers: readonly TriggerWorkflow[]): void {
    const schema = readFileSync(join(options.project, 'contact.segment'), 'utf8');
    for (const { workflow, segment } of triggers) {
        const [trigger] = workflow.nodesOfType('segmentTrigger');
        const source = readFileSync(join(options.project, `${segment}.segment`), 'utf8');
        report.check(
            SCENARIO,
            `"${workflow.json.name}": its trigger's schema and segment are examples/n8n/hubspot/contact.segment and ${segment}.segment`,
            trigger?.parameters['schema'] === schema && trigger.parameters['source'] === source,
            '',
        );
    }
}

/** Waits until the wall clock is at least 15 s away from the pinned poll second. */
async function awayFromPolls(): Promise<void> {
    for (;;) {
        const distance = (new Date().getUTCSeconds() - POLL_SECOND + 60) % 60;
        if (distance >= 15 && distance <= 45) return;
        await new Promise((resolve) => setTimeout(resolve, 1000));
    }
}

const POLL_LINE = /Poll trigger initiated for workflow/;

function keyed(request: SinkRequest): string {
    const body = request.body as { change?: string; contact?: { id?: string } };
    return `${body.change}:${body.contact?.id}`;
}

/** Runs the scenario on an n8n whose user folder has the node pack installed. */
export async function runPollingScenario(report: Report, n8n: N8n, options: PollingScenarioOptions, step: (message: string) => void): Promise<void> {
    mkdirSync(options.work, { recursive: true });
    const sink = await HttpSink.start();
    let server: HubSpotServerProcess | undefined;
    let n8nServer: N8nServer | undefined;
    try {
        const started = Date.now();
        const seed = seedContacts(started);
        const dataFile = join(options.work, 'hubspot-contacts.json');
        writeFileSync(dataFile, JSON.stringify(seed, null, 2));
        server = await HubSpotServerProcess.start(options.hubspotServer, dataFile, join(n8n.options.logs, 'hubspot-test-server.log'));
        step(`HubSpot test server at ${server.url} with ${seed.length} contacts; sink at ${sink.url}`);

        const credentialId = 'SegmentsHubSpot1';
        const credentials = join(options.work, 'credentials.json');
        writeFileSync(credentials, JSON.stringify([{ id: credentialId, name: 'HubSpot (test server)', type: 'segmentsHubSpotApi', data: { accessToken: TOKEN, baseUrl: server.url } }]));
        n8n.importCredentials(credentials, 'hubspot');

        const triggers = options.workflows.map((entry) => adapt(entry, sink, credentialId));
        checkTextsInSync(report, options, triggers);
        for (const { workflow } of triggers) {
            n8n.importWorkflow(workflow.writeTo(options.work), workflow.id);
            n8n.publishWorkflow(workflow.id);
        }

        const ids = seed.map((contact) => contact.id);
        const emails = new Map(seed.map((contact) => [contact.id, contact.properties['email']]));
        const snapshots = [join(options.work, 'snapshot-0.csv')];
        writeCsv(snapshots[0]!, await server.snapshot(ids));

        sink.phase = 'first poll';
        step('n8n start (the first poll of each trigger, at activation, records the members)');
        n8nServer = await n8n.start();
        // n8n runs a trigger's first poll while activating it, and logs the activation after.
        await n8nServer.waitForLine(/Activated trigger node/, options.pollTimeoutMs, triggers.length);

        const steps = changes(started);
        for (let index = 0; index < steps.length; index++) {
            const poll = `poll ${index + 1}`;
            await awayFromPolls();
            for (const change of steps[index]!) await server.api('PATCH', `/crm/v3/objects/contacts/${change.id}`, { properties: change.properties });
            const snapshot = join(options.work, `snapshot-${index + 1}.csv`);
            writeCsv(snapshot, await server.snapshot(ids));
            snapshots.push(snapshot);
            const now = new Date();
            const expected = triggers.map((trigger) => changesWithCli(options, trigger.segment, snapshots[index]!, snapshot, now));
            step(`${poll}: changed ${steps[index]!.map((change) => `contact ${change.id} ${JSON.stringify(change.properties)}`).join(', ')}; ` +
                `the CLI expects ${triggers.map((trigger, i) => `${trigger.segment} [${expected[i]!.join(', ')}]`).join(', ')}`);
            sink.phase = poll;
            const polls = n8nServer.count(POLL_LINE);
            await n8nServer.waitForLine(POLL_LINE, options.pollTimeoutMs, polls + triggers.length);
            const want = expected.reduce((sum, list) => sum + list.length, 0);
            const arrived = await sink.waitFor((received) => received.filter((request) => request.phase === poll && request.path.endsWith('/trigger')).length >= want, 30_000);
            // Let the executions the poll started finish (and anything unexpected arrive).
            await new Promise((resolve) => setTimeout(resolve, 8_000));
            if (!arrived) step(`${poll}: not all expected items arrived within 30 s of the poll`);
            triggers.forEach((trigger, i) => {
                const raw = sink.at(`/${trigger.workflow.id}/trigger`).filter((request) => request.phase === poll);
                report.sameKeys(SCENARIO, `${poll}: "${trigger.workflow.json.name}": the trigger emitted what \`segment changes ${trigger.segment}\` gives`, raw.map(keyed), expected[i]!);
                const kept = expected[i]!.filter((change) => change.startsWith(`${trigger.keeps}:`)).map((change) => change.slice(change.indexOf(':') + 1));
                const results = sink.at(`/${trigger.workflow.id}/result`).filter((request) => request.phase === poll);
                // The result is addressed to the contact's email, an extra property the trigger requests.
                report.sameKeys(
                    SCENARIO,
                    `${poll}: "${trigger.workflow.json.name}": "${trigger.result}" ran for the contacts that ${trigger.keeps}, to their email`,
                    results.map((request) => `${String(request.body['contactId'])} <${String(request.body['to'])}>`),
                    kept.map((id) => `${id} <${emails.get(id)}>`),
                );
            });
        }
        const all = triggers.map((trigger) => sink.at(`/${trigger.workflow.id}/trigger`).map(keyed));
        report.check(
            SCENARIO,
            'the scenario is not vacuous: a contact entered then exited one segment, and another contact exited the other',
            all.some((list) => list.includes('entered:102') && list.includes('exited:102')) && all.some((list) => list.includes('exited:105')),
            all.map((list, i) => `${triggers[i]!.segment}: ${list.join(', ') || 'nothing'}`).join('; '),
        );
        report.check(SCENARIO, 'the first poll (at activation) emitted nothing: it records a baseline', sink.received.every((request) => request.phase !== 'first poll'), `${sink.received.filter((request) => request.phase === 'first poll').length} item(s)`);
        // n8n's own errors of this offline machine (api.n8n.io unreachable) are not ours.
        const names = triggers.flatMap((trigger) => [trigger.workflow.id, trigger.workflow.json.name]).map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        const ours = new RegExp([...names, 'n8n-nodes-segments', '[Pp]oll'].join('|'));
        const errors = n8nServer.log.split('\n').filter((line) => /^\S+\s+error\s/.test(line) && ours.test(line));
        report.check(SCENARIO, 'n8n logged no error of these workflows, their polls or the node pack', errors.length === 0, errors.slice(0, 3).join(' | '));
    } catch (error) {
        report.error(SCENARIO, error);
    } finally {
        if (n8nServer) await n8nServer.stop();
        server?.stop();
        await sink.close();
    }
}
