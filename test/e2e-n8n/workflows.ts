/**
 * Workflow files of examples/n8n, read and, for a test run only, adapted: node types renamed for
 * another loading route, poll times pinned, a node appended that reports to the harness.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The package name in our node types (`n8n-nodes-segments.segment`). */
export const PACKAGE_NAME = 'n8n-nodes-segments';

/** One node of a workflow file. */
export interface WorkflowNode {
    id: string;
    name: string;
    type: string;
    typeVersion: number;
    position: [number, number];
    parameters: Record<string, unknown>;
    credentials?: Record<string, { id: string; name: string }>;
    [key: string]: unknown;
}

/** A connection from one node's output to another node's input. */
interface Connection {
    node: string;
    type: string;
    index: number;
}

/** The JSON of a workflow file, as `n8n import:workflow` reads it. */
export interface WorkflowJson {
    id: string;
    name: string;
    nodes: WorkflowNode[];
    connections: Record<string, { main: Connection[][] }>;
    [key: string]: unknown;
}

/** A workflow file, copied so that a test can adapt it without touching the file. */
export class Workflow {
    readonly json: WorkflowJson;

    constructor(json: WorkflowJson) {
        this.json = json;
    }

    get id(): string {
        return this.json.id;
    }

    /** The node called `name`; throws when the workflow has none. */
    node(name: string): WorkflowNode {
        const node = this.json.nodes.find((candidate) => candidate.name === name);
        if (node === undefined) throw new Error(`workflow "${this.json.name}" has no node "${name}"`);
        return node;
    }

    /** The nodes of a type of our package (`segmentTrigger`...). */
    nodesOfType(type: string): WorkflowNode[] {
        return this.json.nodes.filter((node) => node.type === `${PACKAGE_NAME}.${type}`);
    }

    /** Connects a new node to the output `output` of the node `after`. */
    append(after: string, output: number, node: WorkflowNode): void {
        this.node(after);
        this.json.nodes.push(node);
        const outputs = (this.json.connections[after] ??= { main: [] }).main;
        while (outputs.length <= output) outputs.push([]);
        outputs[output]!.push({ node: node.name, type: 'main', index: 0 });
    }

    /**
     * Writes the workflow to `<folder>/<id>.json` for `n8n import:workflow` and returns the path.
     * With `typePrefix`, our node types are renamed `<typePrefix>.<name>` (n8n names the nodes it
     * loads from N8N_CUSTOM_EXTENSIONS `CUSTOM.<name>`).
     */
    writeTo(folder: string, typePrefix?: string): string {
        const json = structuredClone(this.json);
        if (typePrefix !== undefined) {
            for (const node of json.nodes) {
                if (node.type.startsWith(`${PACKAGE_NAME}.`)) node.type = `${typePrefix}.${node.type.slice(PACKAGE_NAME.length + 1)}`;
            }
        }
        const file = join(folder, `${json.id}.json`);
        writeFileSync(file, JSON.stringify(json, null, 2));
        return file;
    }
}

/** Reads a workflow file; throws when it has no id (n8n's `execute --id` needs one). */
export function readWorkflow(file: string): Workflow {
    const json = JSON.parse(readFileSync(file, 'utf8')) as WorkflowJson;
    if (typeof json.id !== 'string' || json.id === '') throw new Error(`${file}: the workflow has no "id"`);
    return new Workflow(json);
}
