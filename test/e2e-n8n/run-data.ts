/**
 * Reading what `n8n execute --rawOutput` prints: the run's JSON (`IRun` of n8n-workflow), after
 * whatever lines n8n's own services print first ("n8n Task Broker ready...").
 */

/** One item of a node's output, as n8n stores it. */
export interface RunItem {
    readonly json: Record<string, unknown>;
    readonly binary?: Record<string, { readonly fileName?: string; readonly mimeType?: string }>;
    readonly pairedItem?: unknown;
}

/** One run of one node. */
interface NodeRun {
    readonly executionStatus?: string;
    readonly error?: { readonly message?: string; readonly description?: string };
    readonly data?: { readonly main?: ReadonlyArray<ReadonlyArray<RunItem> | null> };
}

/** The part of n8n's `IRun` the tests read. */
export interface WorkflowRun {
    readonly status?: string;
    readonly finished?: boolean;
    readonly data: {
        readonly resultData: {
            readonly runData: Readonly<Record<string, readonly NodeRun[]>>;
            readonly error?: { readonly message?: string; readonly description?: string };
            readonly lastNodeExecuted?: string;
        };
    };
}

/** Extracts and parses the run's JSON from the command's stdout; throws when there is none. */
export function parseRunOutput(stdout: string): WorkflowRun {
    const start = stdout.search(/^\{$/m);
    const end = stdout.lastIndexOf('\n}');
    if (start < 0 || end < start) throw new Error(`n8n printed no run JSON:\n${stdout.slice(0, 2000)}`);
    const run = JSON.parse(stdout.slice(start, end + 2)) as WorkflowRun;
    if (typeof run?.data?.resultData?.runData !== 'object') throw new Error('the JSON n8n printed is not a run (no data.resultData.runData)');
    return run;
}

/** The names of the nodes that ran, in the order of the run data. */
export function nodesThatRan(run: WorkflowRun): string[] {
    return Object.keys(run.data.resultData.runData);
}

/**
 * The items a node put on one of its outputs (0: the first, "In segment" / "Entered"...), in its
 * last run; throws when the node did not run or failed.
 */
export function outputItems(run: WorkflowRun, node: string, output = 0): RunItem[] {
    const runs = run.data.resultData.runData[node];
    if (runs === undefined || runs.length === 0) throw new Error(`node "${node}" did not run (nodes that ran: ${nodesThatRan(run).join(', ')})`);
    const last = runs[runs.length - 1]!;
    if (last.error) throw new Error(`node "${node}" failed: ${last.error.message ?? ''} ${last.error.description ?? ''}`.trim());
    return [...(last.data?.main?.[output] ?? [])];
}

/** The run's error, when the workflow failed: its message and description. */
export function runError(run: WorkflowRun): string | undefined {
    const error = run.data.resultData.error;
    if (error === undefined && run.status !== 'error') return undefined;
    return `${error?.message ?? `status ${run.status}`}${error?.description ? `: ${error.description}` : ''}`;
}
