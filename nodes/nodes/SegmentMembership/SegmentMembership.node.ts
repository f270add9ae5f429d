import {
    NodeConnectionTypes,
    NodeOperationError,
    type IDataObject,
    type IExecuteFunctions,
    type INodeExecutionData,
    type INodeType,
    type INodeTypeDescription,
} from 'n8n-workflow';
import { runSegmentMembership } from '../../src/membership/membership-node-run.js';

/**
 * Segment Membership: takes the current members of a segment (items from any source) and routes
 * them to "Entered", "Exited" and optionally "Stayed" against the membership it stored on the
 * previous run (spec §8). See docs/n8n-nodes.md, "Segment Membership".
 */
export class SegmentMembership implements INodeType {
    description: INodeTypeDescription = {
        displayName: 'Segment Membership',
        name: 'segmentMembership',
        icon: { light: 'file:segmentMembership.svg', dark: 'file:segmentMembership.dark.svg' },
        group: ['transform'],
        version: 1,
        subtitle: '={{ $parameter["segment"] }}',
        description: 'Tells which members entered and which exited a segment since the last run',
        defaults: {
            name: 'Segment Membership',
        },
        usableAsTool: true,
        inputs: [NodeConnectionTypes.Main],
        outputs: `={{ $parameter.outputStayed ? ${JSON.stringify(outputs(true))} : ${JSON.stringify(outputs(false))} }}`,
        outputNames: ['Entered', 'Exited', 'Stayed'],
        properties: [
            {
                displayName: 'Segment',
                name: 'segment',
                type: 'string',
                required: true,
                default: '',
                placeholder: 'e.g. high_value_customers',
                description:
                    'Names the membership this node remembers: each segment name keeps its own state',
            },
            {
                displayName: 'Key Field',
                name: 'keyField',
                type: 'string',
                default: 'id',
                description:
                    'The field of each item that holds the member key (a dotted path such as contact.ID reads a nested field)',
            },
            {
                displayName: 'Input Is Complete',
                name: 'inputComplete',
                type: 'boolean',
                default: true,
                description:
                    'Whether the items are the whole segment. Set an expression that is false when the source could not be read whole: an incomplete input changes nothing and outputs nothing.',
            },
            {
                displayName: 'Output Stayed',
                name: 'outputStayed',
                type: 'boolean',
                default: false,
                description: 'Whether to add a third output with the members that were already in the segment',
            },
            {
                displayName: 'State Store',
                name: 'stateStore',
                type: 'options',
                options: [
                    {
                        name: 'Workflow Static Data',
                        value: 'staticData',
                        description: 'Kept with the workflow; for segments up to about a million numeric IDs',
                    },
                    {
                        name: 'State File',
                        value: 'file',
                        description: 'A file in a folder n8n may write; for large segments with long keys',
                    },
                ],
                default: 'staticData',
                description: 'Where the membership is remembered between runs',
            },
            {
                displayName: 'State Folder',
                name: 'stateFolder',
                type: 'string',
                required: true,
                default: '',
                placeholder: '/home/node/.n8n-files/segments',
                description:
                    'A folder n8n may write (see N8N_RESTRICT_FILE_ACCESS_TO), created if missing; the node keeps two files per segment there',
                displayOptions: { show: { stateStore: ['file'] } },
            },
            {
                displayName: 'Options',
                name: 'options',
                type: 'collection',
                placeholder: 'Add option',
                default: {},
                options: [
                    {
                        displayName: 'Expected Item Count',
                        name: 'expectedItemCount',
                        type: 'number',
                        default: 0,
                        description:
                            'The input is complete only if it has exactly this many member items (for example the total a source reports)',
                    },
                    {
                        displayName: 'First Run',
                        name: 'firstRun',
                        type: 'options',
                        options: [
                            {
                                name: 'Record a Baseline',
                                value: 'baseline',
                                description: 'Remember the members and output nothing',
                            },
                            {
                                name: 'Output All as Entered',
                                value: 'emitAll',
                                description: 'Every current member enters',
                            },
                        ],
                        default: 'baseline',
                        description: 'What the first run, with no stored membership, does',
                    },
                    {
                        displayName: 'On Incomplete Input',
                        name: 'onIncomplete',
                        type: 'options',
                        options: [
                            {
                                name: 'Output Nothing',
                                value: 'outputNothing',
                                description: 'Keep the stored membership and output no items',
                            },
                            {
                                name: 'Stop With Error',
                                value: 'error',
                                description: 'Keep the stored membership and fail the execution',
                            },
                        ],
                        default: 'outputNothing',
                        description: 'What to do when the input is not the whole segment',
                    },
                    {
                        displayName: 'Static Data Limit (KiB)',
                        name: 'staticDataLimitKiB',
                        type: 'number',
                        typeOptions: { minValue: 1 },
                        default: 1024,
                        description:
                            'The largest membership kept in workflow static data; a larger one stops with an error that points to the state file store',
                    },
                ],
            },
        ],
    };

    async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
        try {
            return await runSegmentMembership(this);
        } catch (error) {
            const nodeError = error instanceof NodeOperationError ? error : new NodeOperationError(this.getNode(), error as Error);
            if (!this.continueOnFail()) throw nodeError;
            const itemIndex = nodeError.context.itemIndex === undefined ? 0 : Number(nodeError.context.itemIndex);
            const errorItem: INodeExecutionData = { json: { error: nodeError.message } as IDataObject, pairedItem: { item: itemIndex } };
            const outputStayed = this.getNodeParameter('outputStayed', 0, false) as boolean;
            return outputStayed ? [[errorItem], [], []] : [[errorItem], []];
        }
    }
}

function outputs(stayed: boolean): Array<{ type: string; displayName: string }> {
    const names = stayed ? ['Entered', 'Exited', 'Stayed'] : ['Entered', 'Exited'];
    return names.map((displayName) => ({ type: 'main', displayName }));
}
