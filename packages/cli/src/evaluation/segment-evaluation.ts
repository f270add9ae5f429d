import { type CompiledSegment, compileSegment, type InstantInput, SegmentEngineError, type SegmentEvaluator } from '@segments/engine';
import type { SegmentBundleIR } from '@segments/language';
import { CliError } from '../cli-error.js';
import { FileListSource } from './list-source.js';

/**
 * Compiles a segment's bundle with the engine, its static lists read from their CSV files. What
 * the engine refuses (a list it cannot read, a bundle it does not know) is a {@link CliError}.
 */
export function compileBundle(bundle: SegmentBundleIR): CompiledSegment {
    return engineCall(() => compileSegment(bundle, { lists: new FileListSource() }));
}

/**
 * Binds a compiled segment to an instant (`--now`, or the current time: the command reads the
 * clock, the engine never does) and a time zone. An invalid instant or zone is a {@link CliError}.
 */
export function prepareEvaluator(compiled: CompiledSegment, now: InstantInput, timezone: string | undefined): SegmentEvaluator {
    return engineCall(() => compiled.prepare({ now, ...(timezone !== undefined ? { timezone } : {}) }));
}

function engineCall<T>(call: () => T): T {
    try {
        return call();
    } catch (error) {
        if (error instanceof SegmentEngineError) throw new CliError(error.message);
        throw error;
    }
}
