/**
 * Thrown when lowering meets what a checked document cannot contain: an unresolved name, an
 * expression of no type, a cycle. Lowering runs on documents without errors; callers look at the
 * diagnostics first, so this error means they did not.
 */
export class SegmentLoweringError extends Error {
    constructor(
        /** The segment (or schema) being lowered. */
        readonly owner: string,
        /** What was wrong, in a few words. */
        readonly detail: string,
    ) {
        super(`${owner} has errors (${detail}); check its diagnostics before lowering it.`);
        this.name = 'SegmentLoweringError';
    }
}
