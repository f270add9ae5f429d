import { startHubSpotTestServer, type HubSpotTestServer } from '@segments/hubspot-test-server';
import { type IDataObject, type INodeExecutionData, type INodeParameters, sleep } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SegmentsHubSpotApi } from '../../credentials/SegmentsHubSpotApi.credentials.js';
import { SegmentTrigger } from '../../nodes/SegmentTrigger/SegmentTrigger.node.js';
import { type HarnessOptions, runPoll } from '../harness/index.js';

const SCHEMA = `schema Contact key id {
  id text
  email text
  lifetime_value number from "total_revenue"
}`;

const SEGMENT = `segment high_value of Contact {
  where
    lifetime_value >= 1000
}`;

const trigger = new SegmentTrigger();
let server: HubSpotTestServer;

beforeEach(async () => {
    server = await startHubSpotTestServer({
        contacts: [
            { id: '1', properties: { email: 'ada@example.com', total_revenue: 5000 } },
            { id: '2', properties: { email: 'grace@example.com', total_revenue: 1500 } },
            { id: '3', properties: { email: 'linus@example.com', total_revenue: 200 } },
        ],
    });
});

afterEach(async () => {
    await server.close();
});

async function poll(staticData: IDataObject, parameters: INodeParameters = {}, options: HarnessOptions = {}) {
    return await runPoll(trigger, { schema: SCHEMA, source: SEGMENT, ...parameters, options: { maxRetries: 0, ...(parameters.options as IDataObject) } }, {
        mode: 'trigger',
        staticData,
        credentials: { segmentsHubSpotApi: { accessToken: server.accessToken, baseUrl: server.url } },
        credentialTypes: [new SegmentsHubSpotApi()],
        node: { credentials: { segmentsHubSpotApi: { id: 'hubspot', name: 'HubSpot test server' } } },
        ...options,
    });
}

function changes(outputs: INodeExecutionData[][] | null): IDataObject[] {
    return (outputs?.[0] ?? []).map((item) => item.json);
}

function summary(outputs: INodeExecutionData[][] | null): Array<[unknown, unknown, unknown]> {
    return changes(outputs).map((json) => [json.change, (json.contact as IDataObject).id, json.deleted]);
}

describe('Segment Trigger', () => {
    it('records a baseline, then emits a contact that enters and later exits, with the properties the segment reads and the extra ones', async () => {
        const staticData: IDataObject = {};
        const extra = { options: { properties: 'email, firstname' } };
        const baseline = await poll(staticData, extra);
        expect(baseline.outputs).toBeNull();
        expect(JSON.stringify(staticData)).toContain('segment:high_value');

        server.contacts.upsert('3', { total_revenue: 2500 });
        const entered = await poll(staticData, extra);
        const [entry] = changes(entered.outputs);
        expect(entry).toMatchObject({ change: 'entered', segment: 'high_value', contact: { id: '3', properties: { email: 'linus@example.com', total_revenue: '2500' } } });
        expect(Date.parse(entry!.at as string)).not.toBeNaN();

        server.contacts.upsert('3', { total_revenue: 100 });
        const exited = await poll(staticData, extra);
        expect(changes(exited.outputs)).toEqual([expect.objectContaining({ change: 'exited', segment: 'high_value', deleted: false, contact: expect.objectContaining({ id: '3' }) })]);
        expect((changes(exited.outputs)[0]!.contact as IDataObject).properties).toMatchObject({ email: 'linus@example.com', total_revenue: '100' });

        expect((await poll(staticData, extra)).outputs).toBeNull();
    });

    it('emits a deleted contact as exited, with deleted: true', async () => {
        const staticData: IDataObject = {};
        await poll(staticData);
        server.contacts.remove('2');
        expect(summary((await poll(staticData)).outputs)).toEqual([['exited', '2', true]]);
    });

    it('emits every member on a first run with "Emit All as Entered"', async () => {
        const first = await poll({}, { options: { firstRun: 'emitAll' } });
        expect(summary(first.outputs)).toEqual([
            ['entered', '1', undefined],
            ['entered', '2', undefined],
        ]);
    });

    it('keeps its state when a poll fails part-way (a 500 on the second page), then reports what happened meanwhile', async () => {
        for (let id = 100; id < 350; id++) server.contacts.upsert(String(id), { total_revenue: 3000 });
        const staticData: IDataObject = {};
        await poll(staticData);
        const before = JSON.stringify(staticData);

        server.contacts.upsert('3', { total_revenue: 9000 });
        server.contacts.remove('1');
        const searches = () => server.requests.filter((request) => request.path.endsWith('/search')).length;
        const started = searches();
        const firstRequest = server.requests.length;
        const failing = poll(staticData);
        // The client paces searches (4 a second): enqueue the fault once the first page was asked for, so it strikes the second.
        while (searches() === started) await sleep(1);
        server.faults.enqueue({ kind: 'server-error', status: 500 });
        const error = await failing.catch((caught: unknown) => caught);
        expect(error).toMatchObject({ name: 'NodeApiError', message: expect.stringMatching(/^HubSpot: /), httpCode: '500' });
        const requests = server.requests.slice(firstRequest);
        const struck = requests.findIndex((request) => request.status === 500);
        expect(requests[struck]?.path).toMatch(/\/search$/);
        expect(requests.slice(0, struck).some((request) => request.path.endsWith('/search') && request.status === 200)).toBe(true);
        expect(JSON.stringify(staticData)).toBe(before);

        expect(summary((await poll(staticData)).outputs)).toEqual([
            ['entered', '3', undefined],
            ['exited', '1', true],
        ]);
    });

    it("skips polls that come sooner than the segment's `refresh every` hint, without a request to HubSpot", async () => {
        const hourly = { source: SEGMENT.replace('{\n', '{\n  refresh every 1 hours\n') };
        const staticData: IDataObject = {};
        await poll(staticData, hourly);
        const nodeData = Object.values(staticData)[0] as IDataObject; // the node's static data (getWorkflowStaticData('node'))
        expect(Date.parse(nodeData['lastPoll:high_value'] as string)).toBeGreaterThan(Date.now() - 60_000);

        server.contacts.upsert('3', { total_revenue: 2500 });
        const requests = server.requests.length;
        expect((await poll(staticData, hourly)).outputs).toBeNull();
        expect(server.requests.length).toBe(requests);

        // An hour later (give or take the tolerance of n8n's timing), the poll is due again.
        nodeData['lastPoll:high_value'] = new Date(Date.now() - 60 * 60_000 + 10_000).toISOString();
        expect(summary((await poll(staticData, hourly)).outputs)).toEqual([['entered', '3', undefined]]);
        expect(server.requests.length).toBeGreaterThan(requests);
    });

    it('shows a sample of current members in manual runs and never touches the state', async () => {
        const staticData: IDataObject = {};
        await poll(staticData);
        const before = JSON.stringify(staticData);
        server.contacts.upsert('3', { total_revenue: 2500 });
        const manual = await poll(staticData, { options: { sampleSize: 2 } }, { mode: 'manual' });
        expect(changes(manual.outputs).map((json) => [json.change, (json.contact as IDataObject).id, json.sample])).toEqual([
            ['entered', '1', true],
            ['entered', '2', true],
        ]);
        expect(JSON.stringify(staticData)).toBe(before);
        expect(summary((await poll(staticData)).outputs)).toEqual([['entered', '3', undefined]]);
    });

    it('stops with the diagnostics of a segment text with errors, before any request', async () => {
        const error = await poll({}, { source: 'segment broken of Contact {\n  where\n    unknown_field > 1\n}' }).catch((caught: unknown) => caught);
        expect(error).toMatchObject({ name: 'NodeOperationError', message: expect.stringMatching(/^segment\.segment:3:5: /) });
        expect(server.requests).toEqual([]);
    });
});
