import { type AstNode, WorkspaceCache } from 'langium';
import {
    type Aggregate,
    type Attribute,
    type Expression,
    type TypeRef,
    isAggregate,
    isArithmeticExpr,
    isBooleanLiteral,
    isDateLiteral,
    isDateTimeLiteral,
    isDurationLiteral,
    isEnumType,
    isEventDecl,
    isFieldRef,
    isFunctionCall,
    isLetField,
    isListType,
    isNegationExpr,
    isNowLiteral,
    isNullLiteral,
    isNumberLiteral,
    isParenExpr,
    isStringLiteral,
    isTodayLiteral,
} from '../generated/ast.js';
import { builtinFunctions } from '../builtins/segment-functions.js';
import { isConditionForm } from '../segment-ast-utils.js';
import type { SegmentServices } from '../segment-module.js';
import {
    BOOLEAN,
    DATE,
    DATETIME,
    ERROR,
    NULL,
    NUMBER,
    type SegmentType,
    TEXT,
    canonicalUnit,
    isSubDayUnit,
} from './segment-types.js';

/**
 * Gives every expression its type, following §2–§5 of the specification. It never reports:
 * the validator asks it for the types of an operator's operands and reports what does not fit.
 * An expression whose parts are broken gets the `error` type, which every check lets pass.
 */
export class SegmentTypeChecker {
    protected readonly cache: WorkspaceCache<AstNode, SegmentType>;
    /** Calculated fields whose type is being computed, to stop at a cycle. */
    protected readonly inProgress = new Set<AstNode>();

    constructor(services: SegmentServices) {
        this.cache = new WorkspaceCache(services.shared);
    }

    /** The type of an expression. */
    typeOf(expression: Expression): SegmentType {
        const cached = this.cache.get(expression);
        if (cached) {
            return cached;
        }
        const type = this.computeType(expression);
        this.cache.set(expression, type);
        return type;
    }

    /** The type of a name's target: a field's declared type, a calculated field's inferred type, `at` a datetime. */
    typeOfAttribute(attribute: Attribute): SegmentType {
        if (isEventDecl(attribute)) {
            return DATETIME;
        }
        if (isLetField(attribute)) {
            if (this.inProgress.has(attribute)) {
                return ERROR;
            }
            this.inProgress.add(attribute);
            try {
                return attribute.value ? this.typeOf(attribute.value) : ERROR;
            } finally {
                this.inProgress.delete(attribute);
            }
        }
        return this.typeOfTypeRef(attribute.type);
    }

    /** The type a schema declaration spells out. */
    typeOfTypeRef(ref: TypeRef | undefined): SegmentType {
        if (!ref) {
            return ERROR;
        }
        if (isListType(ref)) {
            return { kind: 'list', element: ref.element === 'number' ? 'number' : 'text' };
        }
        if (isEnumType(ref)) {
            return { kind: 'enum', values: ref.values };
        }
        return { kind: ref.name.toLowerCase() as 'text' | 'number' | 'boolean' | 'date' | 'datetime' };
    }

    protected computeType(e: Expression): SegmentType {
        if (isNumberLiteral(e)) return NUMBER;
        if (isStringLiteral(e)) return TEXT;
        if (isDateLiteral(e) || isTodayLiteral(e)) return DATE;
        if (isDateTimeLiteral(e) || isNowLiteral(e)) return DATETIME;
        if (isBooleanLiteral(e)) return BOOLEAN;
        if (isNullLiteral(e)) return NULL;
        if (isParenExpr(e)) return this.typeOf(e.inner);
        if (isDurationLiteral(e)) {
            return e.ago || e.fromNow ? DATETIME : { kind: 'duration', unit: canonicalUnit(e.duration.unit) };
        }
        if (isFieldRef(e)) {
            const target = e.field?.ref;
            return target ? this.typeOfAttribute(target) : ERROR;
        }
        if (isNegationExpr(e)) {
            const operand = this.typeOf(e.operand);
            return operand.kind === 'number' || operand.kind === 'error' ? operand : ERROR;
        }
        if (isArithmeticExpr(e)) return this.arithmeticType(e.operator, this.typeOf(e.left), this.typeOf(e.right));
        if (isFunctionCall(e)) return this.functionType(e.function, e.args.map((a) => this.typeOf(a)));
        if (isAggregate(e)) return this.aggregateType(e);
        if (isConditionForm(e)) {
            return BOOLEAN;
        }
        return ERROR;
    }

    /**
     * `number ± * / number` is a number; `date ± duration` a date (a datetime for hours and
     * minutes); `datetime ± duration` a datetime. Anything else has no type (the validator says why).
     */
    arithmeticType(operator: string, left: SegmentType, right: SegmentType): SegmentType {
        if (left.kind === 'error' || right.kind === 'error') return ERROR;
        if (left.kind === 'number' && right.kind === 'number') return NUMBER;
        if ((operator === '+' || operator === '-') && right.kind === 'duration') {
            if (left.kind === 'datetime') return DATETIME;
            if (left.kind === 'date') return isSubDayUnit(right.unit) ? DATETIME : DATE;
        }
        if (operator === '+' && left.kind === 'duration' && (right.kind === 'date' || right.kind === 'datetime')) {
            return this.arithmeticType(operator, right, left);
        }
        return ERROR;
    }

    /** The result type of a built-in function for its argument types (`error` when they do not fit). */
    functionType(name: string, args: readonly SegmentType[]): SegmentType {
        const signature = builtinFunctions.get(name.toLowerCase());
        if (!signature || args.some((a) => a.kind === 'error')) return ERROR;
        const arityOk = signature.variadic ? args.length >= signature.parameters.length : args.length === signature.parameters.length;
        if (!arityOk) return ERROR;
        const last = signature.parameters[signature.parameters.length - 1];
        const accepted = args.every((arg, i) => arg.kind === 'null' || (signature.parameters[i] ?? last).accepts(arg));
        return accepted ? signature.returns(args) : ERROR;
    }

    protected aggregateType(e: Aggregate): SegmentType {
        switch (e.function) {
            case 'count':
                return NUMBER;
            case 'first_performed':
            case 'last_performed':
                return DATETIME;
            default: {
                const property = e.property?.ref;
                if (!property) return ERROR;
                const type = this.typeOfTypeRef(property.type);
                if (type.kind === 'number') return NUMBER;
                if ((e.function === 'min' || e.function === 'max') && (type.kind === 'date' || type.kind === 'datetime')) return type;
                return ERROR;
            }
        }
    }
}

