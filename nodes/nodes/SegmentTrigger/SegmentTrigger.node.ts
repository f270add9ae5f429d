import {
    NodeConnectionTypes,
    type INodeExecutionData,
    type INodeType,
    type INodeTypeDescription,
    type IPollFunctions,
} from 'n8n-workflow';
import { runSegmentTrigger } from '../../src/trigger/segment-trigger-node-run.js';

/** The segment text shown as an example in new nodes. */
const EXAMPLE_SEGMENT = `segment high_value "High Value" of Contact {
  where
    lifetime_value >= 1000
}`;

const EXAMPLE_SCHEMA = `schema Contact key id {
  id text
  email text
  lifetime_value number from "total_revenue"
}`;

/**
 * Segment Trigger: polls HubSpot contacts, evaluates a segment, and starts the workflow with one
 * item per contact that entered or exited it since the last poll. See docs/n8n-nodes.md,
 * "Segment Trigger".
 */
export class SegmentTrigger implements INodeType {
    description: INodeTypeDescription = {
        displayName: 'Segment Trigger',
        name: 'segmentTrigger',
        icon: { light: 'file:segmentTrigger.svg', dark: 'file:segmentTrigger.dark.svg' },
        group: ['trigger'],
        version: 1,
        subtitle: 'HubSpot contacts',
        description: 'Starts the workflow when HubSpot contacts enter or exit a segment',
        defaults: {
            name: 'Segment Trigger',
        },
        polling: true,
        inputs: [],
        outputs: [NodeConnectionTypes.Main],
        credentials: [
            {
                name: 'segmentsHubSpotApi',
                required: true,
            },
        ],
        properties: [
            {
                displayName: 'Schema',
                name: 'schema',
                type: 'string',
                typeOptions: { rows: 8 },
                default: EXAMPLE_SCHEMA,
                description:
                    'The schema the segment is of (schema NAME key FIELD { ... }). Leave empty when the segment text declares its schema. Field paths (from "a") name HubSpot contact properties.',
            },
            {
                displayName: 'Segment',
                name: 'source',
                type: 'string',
                typeOptions: { rows: 10 },
                default: EXAMPLE_SEGMENT,
                required: true,
                description: 'The segment text, as in a .segment file. Use an expression to pass the contents of a file.',
            },
            {
                displayName: 'Options',
                name: 'options',
                type: 'collection',
                placeholder: 'Add Option',
                default: {},
                options: [
                    {
                        displayName: 'Extra Properties',
                        name: 'properties',
                        type: 'string',
                        default: '',
                        placeholder: 'e.g. firstname, lastname',
                        description: 'Comma-separated HubSpot contact properties to return on each contact, besides those the segment reads',
                    },
                    {
                        displayName: 'First Run',
                        name: 'firstRun',
                        type: 'options',
                        options: [
                            {
                                name: 'Record a Baseline',
                                value: 'baseline',
                                description: 'Remember the current members and emit nothing',
                            },
                            {
                                name: 'Emit All as Entered',
                                value: 'emitAll',
                                description: 'Every current member enters',
                            },
                        ],
                        default: 'baseline',
                        description: 'What the first poll, with no stored membership, does',
                    },
                    {
                        displayName: 'Retries',
                        name: 'maxRetries',
                        type: 'number',
                        typeOptions: { minValue: 0 },
                        default: 5,
                        description: 'How often one HubSpot request is retried after a rate limit, a server error or a timeout before the poll fails',
                    },
                    {
                        displayName: 'Sample Size',
                        name: 'sampleSize',
                        type: 'number',
                        typeOptions: { minValue: 1 },
                        default: 10,
                        description: 'How many current members a manual (test) run shows',
                    },
                    {
                        displayName: 'Segment Name',
                        name: 'segmentName',
                        type: 'string',
                        default: '',
                        description: 'Which segment to track when the text declares several',
                    },
                    {
                        displayName: 'Static Data Limit (KiB)',
                        name: 'staticDataLimitKiB',
                        type: 'number',
                        typeOptions: { minValue: 1 },
                        default: 1024,
                        description: 'The largest membership kept in workflow static data (1,024 KiB hold about a million HubSpot IDs)',
                    },
                    {
                        displayName: 'Time Zone',
                        name: 'timezone',
                        type: 'string',
                        default: '',
                        placeholder: 'e.g. America/New_York',
                        description: "An IANA time zone replacing the segment's own (its timezone setting, else UTC) for \"today\" and calendar arithmetic",
                    },
                ],
            },
        ],
    };

    async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
        return await runSegmentTrigger(this);
    }
}
