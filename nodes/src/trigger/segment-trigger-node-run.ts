import { createHubSpotClient } from '@segments/connectors';
import type { FirstRunPolicy } from '@segments/engine';
import { NodeOperationError, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';
import { staticDataLimitBytes } from '../membership/static-data-store.js';
import { segmentNodeError } from '../node-errors.js';
import { loadSegmentProgram, sourceOfTexts } from '../segment-program.js';
import { pollSegmentTrigger } from './segment-trigger-poll.js';

/** The options collection of the Segment Trigger. */
interface TriggerOptions {
    properties?: string;
    segmentName?: string;
    timezone?: string;
    firstRun?: FirstRunPolicy;
    maxRetries?: number;
    sampleSize?: number;
    staticDataLimitKiB?: number;
}

/** The fields of the `segmentsHubSpotApi` credential the trigger uses. */
interface HubSpotCredential {
    accessToken: string;
    baseUrl?: string;
}

/**
 * One poll of the Segment Trigger node: compiles the segment text (a text with errors stops with
 * its diagnostics), connects to HubSpot with the node's credential, and runs {@link pollSegmentTrigger}.
 */
export async function runSegmentTrigger(context: IPollFunctions): Promise<INodeExecutionData[][] | null> {
    const node = context.getNode();
    const schema = context.getNodeParameter('schema', '') as string;
    const text = context.getNodeParameter('source', '') as string;
    const options = context.getNodeParameter('options', {}) as TriggerOptions;
    const requested = (options.segmentName ?? '').trim();

    const program = await loadSegmentProgram(sourceOfTexts(schema, [text]));
    const segment = requested || onlySegment(program.segmentNames);
    if (segment === '' && !program.hasErrors) {
        const declared = program.segmentNames.length === 0 ? 'declares no segment' : `declares ${program.segmentNames.join(', ')}`;
        throw new NodeOperationError(node, `Say which segment to track: the text ${declared}`, { description: 'Set "Segment Name".' });
    }
    let bundle;
    try {
        bundle = program.bundle(segment);
    } catch (error) {
        throw segmentNodeError(node, error);
    }

    const credential = (await context.getCredentials('segmentsHubSpotApi')) as unknown as HubSpotCredential;
    const client = createHubSpotClient({
        accessToken: credential.accessToken,
        ...(credential.baseUrl ? { baseUrl: credential.baseUrl } : {}),
        ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    });
    return await pollSegmentTrigger(context, {
        client,
        bundle,
        segment,
        ...(options.timezone?.trim() ? { timezone: options.timezone.trim() } : {}),
        firstRun: options.firstRun ?? 'baseline',
        properties: (options.properties ?? '')
            .split(',')
            .map((property) => property.trim())
            .filter((property) => property !== ''),
        sampleSize: options.sampleSize ?? 10,
        staticDataLimitBytes: staticDataLimitBytes(options.staticDataLimitKiB),
    });
}

/** The name of the only segment declared, else '' (none, or several: the builder must say which). */
function onlySegment(names: readonly string[]): string {
    return names.length === 1 ? names[0]! : '';
}
