import { type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription, NodeConnectionTypes } from 'n8n-workflow';
import { executeSegmentNode } from '../../src/segment-node/execute-segment-node.js';

/** The segment text shown as an example in new nodes: a schema-free segment over the items' fields. */
const EXAMPLE_SEGMENT = `segment high_value "High Value" of Customer {
  where
    total_spent >= 1000
}`;

const EXAMPLE_SCHEMA = `schema Customer key id {
  id text
  email text
  total_spent number
}`;

/**
 * The Segment node: evaluates `.segment` texts (given as parameters or by expression) on the
 * incoming items. Operations: Filter (two outputs, like the If node), Check Memberships (the
 * segments each item belongs to) and Validate (the texts' diagnostics, for builders and agents).
 */
export class Segment implements INodeType {
    description: INodeTypeDescription = {
        displayName: 'Segment',
        name: 'segment',
        icon: { light: 'file:segment.svg', dark: 'file:segment.dark.svg' },
        group: ['transform'],
        version: 1,
        subtitle: '={{$parameter["operation"]}}',
        description: 'Evaluate audience segments written as code on incoming items',
        defaults: {
            name: 'Segment',
        },
        usableAsTool: true,
        inputs: [NodeConnectionTypes.Main],
        outputs: `={{$parameter["operation"] === "filter" ? [{ "type": "${NodeConnectionTypes.Main}", "displayName": "In segment" }, { "type": "${NodeConnectionTypes.Main}", "displayName": "Not in segment" }] : [{ "type": "${NodeConnectionTypes.Main}" }]}}`,
        properties: [
            {
                displayName: 'Operation',
                name: 'operation',
                type: 'options',
                noDataExpression: true,
                options: [
                    {
                        name: 'Check Memberships',
                        value: 'checkMemberships',
                        description: 'Add to each item the list of segments it belongs to',
                        action: 'Check the memberships of items',
                    },
                    {
                        name: 'Filter',
                        value: 'filter',
                        description: 'Route items to "In segment" or "Not in segment"',
                        action: 'Filter items by a segment',
                    },
                    {
                        name: 'Validate',
                        value: 'validate',
                        description: 'Check segment texts and return their diagnostics',
                        action: 'Validate segment texts',
                    },
                ],
                default: 'filter',
            },
            {
                displayName: 'Schema',
                name: 'schema',
                type: 'string',
                typeOptions: { rows: 8 },
                default: EXAMPLE_SCHEMA,
                description: 'The schema the segments are of (schema NAME key FIELD { ... }). Leave empty when the segment text declares its schema. Field paths (from "a.b") address the item\'s JSON.',
            },
            {
                displayName: 'Segment',
                name: 'source',
                type: 'string',
                typeOptions: { rows: 10 },
                default: EXAMPLE_SEGMENT,
                required: true,
                description: 'The segment text, as in a .segment file. Use an expression to pass the contents of a file read by another node.',
                displayOptions: { show: { operation: ['filter', 'validate'] } },
            },
            {
                displayName: 'Segments',
                name: 'segments',
                type: 'fixedCollection',
                typeOptions: { multipleValues: true, sortable: true },
                default: { segment: [{ source: EXAMPLE_SEGMENT }] },
                placeholder: 'Add Segment Text',
                description: 'Segment texts; each item gets the names of the segments they declare that it belongs to',
                displayOptions: { show: { operation: ['checkMemberships'] } },
                options: [
                    {
                        displayName: 'Segment',
                        name: 'segment',
                        values: [
                            {
                                displayName: 'Segment Text',
                                name: 'source',
                                type: 'string',
                                typeOptions: { rows: 6 },
                                default: '',
                                description: 'A segment text, as in a .segment file (it may declare several segments)',
                            },
                        ],
                    },
                ],
            },
            {
                displayName: 'Options',
                name: 'options',
                type: 'collection',
                placeholder: 'Add Option',
                default: {},
                displayOptions: { show: { operation: ['filter', 'checkMemberships'] } },
                options: [
                    {
                        displayName: 'Data Quality Field',
                        name: 'dataQualityField',
                        type: 'string',
                        default: 'segmentDataQuality',
                        description: 'Add to each item a field listing the values the segment could not read (a missing key, values of the wrong type); those values count as unknown',
                    },
                    {
                        displayName: 'Explain',
                        name: 'explain',
                        type: 'boolean',
                        default: false,
                        description: 'Whether to add to each item the explain trace: every condition with its truth and the values it compared',
                        displayOptions: { show: { '/operation': ['filter'] } },
                    },
                    {
                        displayName: 'Explain Field',
                        name: 'explainField',
                        type: 'string',
                        default: 'segmentTrace',
                        description: 'The field the explain trace is written to',
                        displayOptions: { show: { '/operation': ['filter'], explain: [true] } },
                    },
                    {
                        displayName: 'Memberships Field',
                        name: 'membershipsField',
                        type: 'string',
                        default: 'segments',
                        description: 'The field the list of segment names is written to',
                        displayOptions: { show: { '/operation': ['checkMemberships'] } },
                    },
                    {
                        displayName: 'Now',
                        name: 'now',
                        type: 'dateTime',
                        default: '',
                        description: 'The instant the segment is evaluated at ("within last 30 days" counts back from it). Default: when the node runs.',
                    },
                    {
                        displayName: 'Record Key Path',
                        name: 'keyPath',
                        type: 'string',
                        default: '',
                        placeholder: 'e.g. customer.email',
                        description: 'Where the record key sits in the item\'s JSON (dotted path). Default: the path of the schema\'s key field.',
                    },
                    {
                        displayName: 'Segment Name',
                        name: 'segmentName',
                        type: 'string',
                        default: '',
                        description: 'Which segment to evaluate when the text declares several',
                        displayOptions: { show: { '/operation': ['filter'] } },
                    },
                    {
                        displayName: 'Time Zone',
                        name: 'timezone',
                        type: 'string',
                        default: '',
                        placeholder: 'e.g. America/New_York',
                        description: 'An IANA time zone replacing the segments\' own (their timezone setting, else UTC) for "today" and calendar arithmetic',
                    },
                ],
            },
        ],
    };

    async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
        return executeSegmentNode(this);
    }
}
