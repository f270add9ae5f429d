import { type INode, NodeOperationError } from 'n8n-workflow';
import { formatDiagnostic, SegmentProgramError } from './segment-program.js';

/**
 * The error a node throws (or, with "continue on fail", returns as an item) for a segment that
 * cannot be used: a {@link NodeOperationError} whose message names the first error with its file,
 * line and column (`segment.segment:4:9: Unknown field ...`), and whose description lists every
 * error, one per line, so a builder (or an AI agent) can fix the text. Other errors are wrapped
 * as they are, with the item they happened on.
 */
export function segmentNodeError(node: INode, error: unknown, itemIndex?: number): NodeOperationError {
    const context = itemIndex === undefined ? {} : { itemIndex };
    if (error instanceof NodeOperationError) return error;
    if (error instanceof SegmentProgramError) {
        const errors = error.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
        const first = errors[0];
        if (first === undefined) return new NodeOperationError(node, error.message, context);
        const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? 's' : ''})` : '';
        return new NodeOperationError(node, `${first.file}:${first.line}:${first.column}: ${first.message}${more}`, {
            ...context,
            description: errors.map(formatDiagnostic).join('\n'),
        });
    }
    return new NodeOperationError(node, error instanceof Error ? error : String(error), context);
}
