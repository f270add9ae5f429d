import { ExecutionLifecycleHooks, ExternalSecretsProxy, PollContext, WorkflowExecute } from 'n8n-core';
import {
    type ExecutionError,
    type ICredentialDataDecryptedObject,
    type ICredentialType,
    type IDataObject,
    type INode,
    type INodeExecutionData,
    type INodeParameters,
    type INodeType,
    type IRun,
    type IWorkflowExecuteAdditionalData,
    type NodeExecutionHint,
    Workflow,
    type WorkflowActivateMode,
    type WorkflowExecuteMode,
} from 'n8n-workflow';
import { HarnessCredentialsHelper } from './credentials-helper.js';
import { HarnessNodeTypes, ITEMS_NODE_TYPE, typeNameOf } from './node-types.js';

/** The name of the node under test in a harness workflow. */
export const NODE_UNDER_TEST = 'Node under test';
/** The name of the start node feeding it. */
export const ITEMS_NODE = 'Items';

/** How a harness run is set up. */
export interface HarnessOptions {
    /** Decrypted credentials by credential type (`{ segmentsHubSpotApi: { accessToken, baseUrl } }`). */
    credentials?: Record<string, ICredentialDataDecryptedObject>;
    /** The credential types, for their `authenticate` definitions (requests made with n8n's authenticated helpers). */
    credentialTypes?: ICredentialType[];
    /**
     * The workflow's static data, used in place: n8n-core writes the node's static data into it.
     * Pass the same object to successive runs to model n8n's memory, and see the results'
     * `savedStaticData` for what n8n writes to its database.
     */
    staticData?: IDataObject;
    /** The execution mode: `manual` (default: a run from the editor), `trigger` (an activated workflow), `webhook`... */
    mode?: WorkflowExecuteMode;
    /** Node settings: `continueOnFail`, `onError` (`continueRegularOutput`, `continueErrorOutput`), `alwaysOutputData`... */
    node?: Partial<Pick<INode, 'continueOnFail' | 'onError' | 'alwaysOutputData' | 'credentials' | 'typeVersion'>>;
    /** The workflow's time zone setting (default UTC). */
    timezone?: string;
    /** Additions to the execution's additional data (e.g. n8n's `data-table` proxy provider). */
    additionalData?: Partial<IWorkflowExecuteAdditionalData>;
}

/** What a node run gave. */
export interface NodeRunResult {
    /** The items of each output (branch), in order: `outputs[0]` is the first output. */
    outputs: INodeExecutionData[][];
    /** The node's error, when it failed (the run's error then). */
    error?: ExecutionError;
    /** The execution hints the node added. */
    hints: NodeExecutionHint[];
    /** The whole run, as n8n-core returns it. */
    run: IRun;
    /** The workflow's static data after the run (the object given in the options, when one was). */
    staticData: IDataObject;
    /**
     * What n8n's server writes to its database after this run (a copy), or `undefined` when it
     * writes nothing. It saves the workflow's static data when a node changed it and the mode is
     * not `manual`, and it does so after a failed execution too (n8n's `hookFunctionsSave`).
     */
    savedStaticData?: IDataObject;
}

/**
 * Runs a node through n8n's own execution engine: a real `Workflow` of two nodes (a start node
 * whose output is `items`, pinned as n8n pins data, connected to the node under test) executed by
 * n8n-core's `WorkflowExecute`. Parameters are resolved by n8n (expressions work), items are
 * paired and routed as in n8n, `continueOnFail`/`onError` are n8n's.
 */
export async function runNode(nodeType: INodeType, parameters: INodeParameters, items: INodeExecutionData[], options: HarnessOptions = {}): Promise<NodeRunResult> {
    const node = nodeUnderTest(nodeType, parameters, options);
    const start: INode = { id: 'items', name: ITEMS_NODE, type: ITEMS_NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} };
    const workflow = harnessWorkflow(nodeType, [start, node], options, {
        [ITEMS_NODE]: { main: [[{ node: NODE_UNDER_TEST, type: 'main', index: 0 }]] },
    });
    const mode = options.mode ?? 'manual';
    const additionalData = harnessAdditionalData(workflow, mode, options);
    const run = await new WorkflowExecute(additionalData, mode).run({
        workflow,
        startNode: start,
        pinData: { [ITEMS_NODE]: items },
    });
    const task = run.data.resultData.runData[NODE_UNDER_TEST]?.[0];
    const error = task?.error ?? run.data.resultData.error;
    const saved = mode !== 'manual' && workflow.staticData.__dataChanged === true;
    return {
        outputs: (task?.data?.main ?? []).map((output) => output ?? []),
        ...(error ? { error } : {}),
        hints: task?.hints ?? [],
        run,
        staticData: workflow.staticData,
        ...(saved ? { savedStaticData: storedCopy(workflow.staticData) } : {}),
    };
}

/** What a poll gave. */
export interface PollResult {
    /** The items emitted, by output (`null`: nothing to emit, as a poll returns). */
    outputs: INodeExecutionData[][] | null;
    /** The workflow's static data after the poll (an activated workflow keeps it in memory between polls). */
    staticData: IDataObject;
    /**
     * What n8n's server writes to its database after this poll (a copy), or `undefined` when it
     * writes nothing: an activated workflow saves its static data, when changed, as a poll emits
     * items; a poll that returns `null` or throws saves nothing (its changes stay in memory
     * until the next emitting poll, or are lost on a restart); a manual poll saves nothing.
     */
    savedStaticData?: IDataObject;
}

/**
 * Runs a polling trigger's `poll` once with n8n-core's `PollContext` on a real `Workflow`, as n8n
 * does on each poll of an activated workflow (`mode: 'trigger'`, activation `init`) or when a
 * builder fetches a test event (`mode: 'manual'`, activation `manual`). Pass the same
 * `staticData` object to successive polls. A poll that throws rejects with the node's error.
 */
export async function runPoll(nodeType: INodeType, parameters: INodeParameters, options: HarnessOptions = {}): Promise<PollResult> {
    if (nodeType.poll === undefined) throw new Error(`${nodeType.description.name} is not a polling node`);
    const node = nodeUnderTest(nodeType, parameters, options);
    const workflow = harnessWorkflow(nodeType, [node], options, {});
    const mode = options.mode ?? 'trigger';
    const activation: WorkflowActivateMode = mode === 'manual' ? 'manual' : 'init';
    const context = new PollContext(workflow, node, harnessAdditionalData(workflow, mode, options), mode, activation);
    const outputs = await nodeType.poll.call(context);
    const saved = mode !== 'manual' && outputs !== null && workflow.staticData.__dataChanged === true;
    return { outputs, staticData: workflow.staticData, ...(saved ? { savedStaticData: storedCopy(workflow.staticData) } : {}) };
}

/** Static data as n8n stores it: JSON (n8n-workflow's change flag is not enumerable, so not in it). */
function storedCopy(staticData: IDataObject): IDataObject {
    return JSON.parse(JSON.stringify(staticData)) as IDataObject;
}

function nodeUnderTest(nodeType: INodeType, parameters: INodeParameters, options: HarnessOptions): INode {
    return {
        id: 'under-test',
        name: NODE_UNDER_TEST,
        type: typeNameOf(nodeType),
        typeVersion: options.node?.typeVersion ?? latestVersion(nodeType),
        position: [200, 0],
        parameters,
        ...options.node,
    };
}

function latestVersion(nodeType: INodeType): number {
    const { version } = nodeType.description;
    return Array.isArray(version) ? Math.max(...version) : version;
}

function harnessWorkflow(nodeType: INodeType, nodes: INode[], options: HarnessOptions, connections: Workflow['connectionsBySourceNode']): Workflow {
    return new Workflow({
        id: 'harness',
        name: 'Harness',
        nodes,
        connections,
        active: options.mode === 'trigger',
        nodeTypes: new HarnessNodeTypes([nodeType]),
        staticData: options.staticData ?? {},
        settings: { executionOrder: 'v1', timezone: options.timezone ?? 'UTC' },
    });
}

let executions = 0;

/**
 * The additional data n8n's server gives an execution: here the credentials helper, lifecycle
 * hooks (none registered), no external secrets, and URLs and variables that our nodes do not
 * use; plus the options' `additionalData`.
 */
export function harnessAdditionalData(workflow: Workflow, mode: WorkflowExecuteMode, options: HarnessOptions): IWorkflowExecuteAdditionalData {
    const executionId = `harness-${++executions}`;
    const workflowData = { id: workflow.id, name: workflow.name ?? 'Harness', active: workflow.active, nodes: Object.values(workflow.nodes), connections: workflow.connectionsBySourceNode, createdAt: new Date(), updatedAt: new Date(), isArchived: false, activeVersionId: null };
    const unavailable = (what: string) => () => {
        throw new Error(`${what} is not available in the harness`);
    };
    const additionalData: IWorkflowExecuteAdditionalData = {
        credentialsHelper: new HarnessCredentialsHelper(options.credentials ?? {}, options.credentialTypes ?? []),
        executeWorkflow: unavailable('executeWorkflow'),
        getRunExecutionData: async () => undefined,
        getRuntimeCredential: async () => undefined,
        executionId,
        hooks: new ExecutionLifecycleHooks(mode, executionId, workflowData),
        currentNodeExecutionIndex: 0,
        restApiUrl: 'http://127.0.0.1:5678/rest',
        instanceBaseUrl: 'http://127.0.0.1:5678/',
        formBaseUrl: 'http://127.0.0.1:5678/form',
        formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
        formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
        webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
        webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
        webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
        mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
        mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
        variables: {},
        logAiEvent: () => undefined,
        startRunnerTask: unavailable('startRunnerTask'),
        externalSecretsProxy: new ExternalSecretsProxy(),
    };
    return { ...additionalData, ...options.additionalData };
}
