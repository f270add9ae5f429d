import type { ValidationChecks } from 'langium';
import type { SegmentsAstType } from '../generated/ast.js';
import type { SegmentServices } from '../segment-module.js';
import { SegmentDeclarationValidator } from './segment-declaration-validator.js';
import { SegmentLintValidator } from './segment-lint-validator.js';
import { SegmentTypeValidator } from './segment-type-validator.js';

/**
 * The checks of the segment language, grouped by role: types ({@link SegmentTypeValidator}),
 * declarations ({@link SegmentDeclarationValidator}) and lints ({@link SegmentLintValidator}).
 * Each reports through a stable code of `segment-diagnostic-codes.ts`.
 */
export class SegmentValidator {
    readonly types: SegmentTypeValidator;
    readonly declarations: SegmentDeclarationValidator;
    readonly lints: SegmentLintValidator;

    constructor(services: SegmentServices) {
        this.types = new SegmentTypeValidator(services);
        this.declarations = new SegmentDeclarationValidator(services);
        this.lints = new SegmentLintValidator(services);
    }

    /** The checks by AST type, for Langium's validation registry. */
    checks(): ValidationChecks<SegmentsAstType> {
        const { types, declarations, lints } = this;
        return {
            Model: (n, a) => declarations.checkUniqueDeclarations(n, a),
            Schema: (n, a) => declarations.checkSchemaMembers(n, a),
            EventDecl: (n, a) => declarations.checkEventProperties(n, a),
            LetField: (n, a) => declarations.checkLetCycle(n, a),
            StaticList: [(n, a) => declarations.checkSchemaGiven(n, a), (n, a) => declarations.checkListFile(n, a)],
            Segment: [
                (n, a) => declarations.checkSettings(n, a),
                (n, a) => declarations.checkSchemaGiven(n, a),
                (n, a) => declarations.checkSegmentCycle(n, a),
                (n, a) => types.checkSegment(n, a),
                (n, a) => lints.checkConditionCount(n, a),
                (n, a) => lints.checkDepth(n, a),
                (n, a) => lints.checkSatisfiable(n, a),
            ],
            TimezoneSetting: (n, a) => types.checkTimezone(n, a),
            RefreshSetting: (n, a) => declarations.checkRefresh(n, a),
            InSegment: (n, a) => declarations.checkMembershipSchema(n, a),
            InList: (n, a) => declarations.checkMembershipSchema(n, a),
            BinaryExpr: [(n, a) => types.checkBinary(n, a), (n, a) => lints.checkPrecedence(n, a)],
            NotExpr: (n, a) => types.checkNot(n, a),
            Comparison: (n, a) => types.checkComparison(n, a),
            BetweenPredicate: (n, a) => types.checkBetween(n, a),
            InPredicate: (n, a) => types.checkIn(n, a),
            TextPredicate: (n, a) => types.checkText(n, a),
            IncludesPredicate: (n, a) => types.checkIncludes(n, a),
            WithinPredicate: (n, a) => types.checkWithin(n, a),
            AgoPredicate: (n, a) => types.checkAgo(n, a),
            OrderPredicate: (n, a) => types.checkOrder(n, a),
            ArithmeticExpr: (n, a) => types.checkArithmetic(n, a),
            NegationExpr: (n, a) => types.checkNegation(n, a),
            FunctionCall: (n, a) => types.checkFunctionCall(n, a),
            Aggregate: (n, a) => types.checkAggregate(n, a),
            Performed: (n, a) => types.checkPerformed(n, a),
            Duration: (n, a) => types.checkDuration(n, a),
            SinceWindow: (n, a) => types.checkWindowBounds(n, a),
            BetweenWindow: (n, a) => types.checkWindowBounds(n, a),
            DateLiteral: (n, a) => types.checkDateLiteral(n, a),
            DateTimeLiteral: (n, a) => types.checkDateTimeLiteral(n, a),
        };
    }
}

/** Registers the checks of {@link SegmentValidator} with Langium's validation registry. */
export function registerValidationChecks(services: SegmentServices): void {
    const validator = services.validation.SegmentValidator;
    services.validation.ValidationRegistry.register(validator.checks(), validator);
}
