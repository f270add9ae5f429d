import type { ValidationChecks } from 'langium';
import type { SegmentsAstType } from '../generated/ast.js';
import type { SegmentServices } from '../segment-module.js';

/** Registers the checks of {@link SegmentValidator} with Langium's validation registry. */
export function registerValidationChecks(services: SegmentServices): void {
    const validator = services.validation.SegmentValidator;
    const checks: ValidationChecks<SegmentsAstType> = {};
    services.validation.ValidationRegistry.register(checks, validator);
}

/** The checks of the segment language. */
export class SegmentValidator {
    constructor(protected readonly services: SegmentServices) {}
}
