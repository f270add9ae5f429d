import type { ConditionIR, ValueTypeIR } from '@segments/ir';
import type { Truth } from '../truth.js';
import type { EvaluationState } from './evaluation-state.js';

/** A compiled value or condition: a closure over the evaluation state. Values are `undefined` when missing. */
export type Fn<T = unknown> = (state: EvaluationState) => T;

/** A closure, and whether it reads nothing of the record (then it was evaluated once, when prepared). */
export interface Compiled<T = unknown> {
    fn: Fn<T>;
    constant: boolean;
}

/** A value a condition compares, as explain records it: its role (`left`, `subject`...), its closure and its type. */
export interface ProbedOperand {
    role: string;
    fn: Fn;
    type: ValueTypeIR;
}

/**
 * Instruments conditions for explain. When a builder has a probe, `and`/`or` evaluate every
 * operand (no short-circuit) and each condition's closure is handed to the probe, which returns
 * the closure to use (typically one that records the truth and the operands' values).
 */
export interface Probe {
    condition(ir: ConditionIR, fn: Fn<Truth>, operands: readonly ProbedOperand[]): Fn<Truth>;
}
