import type { Funnel, SegmentEvaluator } from '../api.js';
import { SegmentEngineError } from '../errors.js';
import { EngineEvaluator } from '../segment-compiler.js';

/**
 * A funnel over an evaluator: add records, then read how many made each condition of `where`
 * and `exclude` TRUE, FALSE or UNKNOWN. Every condition is evaluated for every record (no
 * short-circuit), by the evaluator's own compiled closures, so the counts agree with `test`.
 */
export function createFunnel(evaluator: SegmentEvaluator): Funnel {
    if (!(evaluator instanceof EngineEvaluator)) throw new SegmentEngineError('createFunnel needs an evaluator made by CompiledSegment.prepare.');
    return evaluator.funnel();
}
