/**
 * Thrown when a segment cannot be compiled or evaluated at all: a bundle that is not valid IR, an
 * IR version this engine does not know, an unknown time zone, an invalid `now`, a list the list
 * source cannot give. Bad data in records never throws: it is UNKNOWN and counted in the
 * data-quality report.
 */
export class SegmentEngineError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'SegmentEngineError';
    }
}
