import { ExecuteContext, RoutingNode } from 'n8n-core';
import { createRunExecutionData, type ICredentialDataDecryptedObject, type ICredentialType, type INode, type INodeType, Workflow } from 'n8n-workflow';
import { harnessAdditionalData } from './run-node.js';
import { HarnessNodeTypes, typeNameOf } from './node-types.js';

/** The outcome of a credential test, as n8n shows it in the credential dialog. */
export interface CredentialTestResult {
    status: 'OK' | 'Error';
    message: string;
}

/**
 * Tests credentials the way n8n's server does when a builder clicks "Test" on a credential with
 * a declarative `test` request: a temporary node whose one property routes that request is run
 * by n8n-core's `RoutingNode` (the engine of declarative nodes), which resolves the request's
 * expressions with `$credentials`, authenticates it with the credential type's `authenticate`
 * and sends it. A response outside 2xx, or no response, is an error.
 */
export async function testCredentials(credentialType: ICredentialType, data: ICredentialDataDecryptedObject): Promise<CredentialTestResult> {
    if (credentialType.test === undefined) throw new Error(`${credentialType.name} has no test request`);
    const nodeType: INodeType = {
        description: {
            displayName: 'Credential test',
            name: 'credentialTest',
            group: ['transform'],
            version: 1,
            description: 'Sends a credential type\'s test request',
            defaults: { name: 'Credential test' },
            inputs: ['main'],
            outputs: ['main'],
            credentials: [{ name: credentialType.name, required: true }],
            properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: credentialType.test.request } }],
        },
    };
    const node: INode = {
        id: 'credential-test',
        name: 'Credential test',
        type: typeNameOf(nodeType),
        typeVersion: 1,
        position: [0, 0],
        parameters: {},
        credentials: { [credentialType.name]: { id: 'harness', name: 'Harness' } },
    };
    const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: new HarnessNodeTypes([nodeType]) });
    const additionalData = harnessAdditionalData(workflow, 'internal', { credentials: { [credentialType.name]: data }, credentialTypes: [credentialType] });
    const context = new ExecuteContext(workflow, node, additionalData, 'internal', createRunExecutionData(), 0, [], { main: [[{ json: {} }]] }, { node, data: {}, source: null }, []);
    const credentials = { id: 'harness', name: 'Harness', type: credentialType.name, data };
    try {
        await new RoutingNode(context, nodeType, credentials).runNode();
    } catch (error) {
        const status = httpStatusOf(error);
        if (status !== undefined) return { status: 'Error', message: `Received HTTP status code: ${status}` };
        return { status: 'Error', message: error instanceof Error ? error.message : String(error) };
    }
    return { status: 'OK', message: 'Connection successful!' };
}

/** The HTTP status of a failed request, from n8n's error or the HTTP client's error it wraps. */
function httpStatusOf(error: unknown): number | undefined {
    const { httpCode, cause } = error as { httpCode?: string | null; cause?: { response?: { status?: number } } };
    if (cause?.response?.status !== undefined) return cause.response.status;
    return httpCode ? Number(httpCode) : undefined;
}
