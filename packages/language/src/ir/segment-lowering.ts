import { type AstNode, AstUtils, type DocumentationProvider, UriUtils } from 'langium';
import { IANAZone } from 'luxon';
import {
    type EventDecl,
    type Field,
    type LetField,
    type Schema,
    type Segment,
    type StaticList,
    type TypeRef,
    isDescriptionSetting,
    isEnumType,
    isEventDecl,
    isField,
    isFieldRef,
    isInList,
    isInSegment,
    isLetField,
    isRefreshSetting,
    isTimezoneSetting,
} from '../generated/ast.js';
import { calculatedFieldsUsedBy } from '../segment-ast-utils.js';
import type { SegmentSchemaResolver } from '../segment-schema-resolver.js';
import type { SegmentServices } from '../segment-module.js';
import type { SegmentTypeChecker } from '../types/segment-type-checker.js';
import { canonicalUnit, type CanonicalTimeUnit } from '../types/segment-types.js';
import type { SegmentProjects } from '../workspace/segment-projects.js';
import { ExpressionLowering } from './expression-lowering.js';
import { SegmentLoweringError } from './lowering-errors.js';
import { type CalculatedFieldIR, type EventIR, type FieldIR, IR_VERSION, type ListIR, type SchemaIR, type SegmentBundleIR, type SegmentIR } from '@segments/ir';

/** Minutes per `refresh every` unit; months and years have no fixed length. */
const minutesPerUnit: Partial<Record<CanonicalTimeUnit, number>> = { minutes: 1, hours: 60, days: 1440, weeks: 10080 };

/** The segments and lists a segment refers to directly (through its conditions and the calculated fields they use). */
interface DirectReferences {
    segments: Segment[];
    lists: StaticList[];
}

/**
 * Lowers a checked segment to the IR (see `segment-ir.ts` and docs/ir.md): the segment, every
 * segment it refers to (transitively), the lists they use and their schema, in one bundle. Run it
 * on documents without errors: it throws a {@link SegmentLoweringError} when it meets an unresolved
 * name, an expression without a type or a cycle.
 */
export class SegmentLowering {
    protected readonly typeChecker: SegmentTypeChecker;
    protected readonly schemaResolver: SegmentSchemaResolver;
    protected readonly projects: SegmentProjects;
    protected readonly documentation: DocumentationProvider;

    constructor(services: SegmentServices) {
        this.typeChecker = services.types.TypeChecker;
        this.schemaResolver = services.references.SchemaResolver;
        this.projects = services.workspace.Projects;
        this.documentation = services.documentation.DocumentationProvider;
    }

    /** The self-contained plan of one segment. */
    lowerSegment(segment: Segment): SegmentBundleIR {
        const schema = this.schemaOf(segment, segment);
        const referenced = this.referencedSegments(segment);
        const lists = new Map<string, ListIR>();
        for (const current of [segment, ...referenced]) {
            for (const list of this.directReferences(current).lists) {
                if (this.schemaResolver.schemaFor(list) !== schema) {
                    throw new SegmentLoweringError(this.ownerOf(segment), `list \`${list.name}\` is not of schema \`${schema.name}\``);
                }
                lists.set(list.name, this.lowerList(list));
            }
        }
        return {
            irVersion: IR_VERSION,
            segment: this.lowerSegmentOnly(segment),
            segments: Object.fromEntries(referenced.map((s) => [s.name, this.lowerSegmentOnly(s)])),
            lists: Object.fromEntries(lists),
            schema: this.lowerSchema(schema),
        };
    }

    /** One segment without the declarations it refers to. */
    lowerSegmentOnly(segment: Segment): SegmentIR {
        const owner = this.ownerOf(segment);
        const schema = this.schemaOf(segment, segment);
        const timezone = this.timezoneOf(segment);
        const expressions = new ExpressionLowering(this.typeChecker, { owner, timezone });
        const description = segment.settings.find(isDescriptionSetting)?.value;
        const doc = this.documentation.getDocumentation(segment);
        const refresh = segment.settings.find(isRefreshSetting)?.interval;
        let refreshMinutes: number | undefined;
        if (refresh) {
            const perUnit = minutesPerUnit[canonicalUnit(refresh.unit)];
            if (perUnit === undefined || !Number.isInteger(refresh.amount) || refresh.amount <= 0) {
                throw new SegmentLoweringError(owner, `refresh every ${refresh.amount} ${refresh.unit}`);
            }
            refreshMinutes = refresh.amount * perUnit;
        }
        return {
            name: segment.name,
            title: segment.title ?? segment.name,
            ...(description !== undefined && { description }),
            ...(doc !== undefined && { doc }),
            schema: schema.name,
            timezone,
            ...(refreshMinutes !== undefined && { refreshMinutes }),
            where: expressions.lowerCondition(segment.where, 'where'),
            ...(segment.exclude && { exclude: expressions.lowerCondition(segment.exclude, 'exclude') }),
        };
    }

    /** The time zone of a segment: its own `timezone`, else its project's (which defaults to UTC). */
    timezoneOf(segment: Segment): string {
        const timezone = segment.settings.find(isTimezoneSetting)?.value ?? this.projects.projectOf(AstUtils.getDocument(segment).uri).config.timezone;
        if (!IANAZone.isValidZone(timezone)) {
            throw new SegmentLoweringError(this.ownerOf(segment), `the unknown time zone "${timezone}"`);
        }
        return timezone;
    }

    /** A schema: its fields, its calculated fields in dependency order, its events. */
    lowerSchema(schema: Schema): SchemaIR {
        const owner = `Schema \`${schema.name}\``;
        const timezone = this.projects.projectOf(AstUtils.getDocument(schema).uri).config.timezone;
        const expressions = new ExpressionLowering(this.typeChecker, { owner, timezone });
        const key = schema.key.ref;
        if (!key) {
            throw new SegmentLoweringError(owner, 'an unknown key field');
        }
        const doc = this.documentation.getDocumentation(schema);
        return {
            name: schema.name,
            key: key.name,
            fields: schema.members.filter(isField).map((field) => this.lowerField(field, expressions)),
            calculated: this.calculatedInOrder(schema, owner).map((let_): CalculatedFieldIR => {
                const letDoc = this.documentation.getDocumentation(let_);
                return {
                    name: let_.name,
                    type: expressions.valueType(this.typeChecker.typeOfAttribute(let_)),
                    value: expressions.lowerValue(let_.value, `calculated.${let_.name}`),
                    ...(letDoc !== undefined && { doc: letDoc }),
                };
            }),
            events: schema.members.filter(isEventDecl).map((event) => this.lowerEvent(event, expressions)),
            ...(doc !== undefined && { doc }),
        };
    }

    /** A static list. */
    lowerList(list: StaticList): ListIR {
        const schema = this.schemaOf(list, list);
        const by = list.by.ref;
        if (!by) {
            throw new SegmentLoweringError(`List \`${list.name}\``, 'an unknown field after `by`');
        }
        const folder = UriUtils.dirname(AstUtils.getDocument(list).uri);
        return {
            name: list.name,
            title: list.title ?? list.name,
            schema: schema.name,
            file: list.file,
            uri: UriUtils.resolvePath(folder, list.file).toString(),
            by: by.name,
        };
    }

    protected lowerField(field: Field, expressions: ExpressionLowering): FieldIR {
        const doc = this.documentation.getDocumentation(field);
        return {
            name: field.name,
            ...this.typeOf(field.type, expressions),
            path: this.pathOf(field.path, field.name),
            ...(doc !== undefined && { doc }),
        };
    }

    protected lowerEvent(event: EventDecl, expressions: ExpressionLowering): EventIR {
        const doc = this.documentation.getDocumentation(event);
        return {
            name: event.name,
            ...(event.path !== undefined && { path: this.pathOf(event.path, event.name) }),
            properties: event.properties.map((property) => ({
                name: property.name,
                ...this.typeOf(property.type, expressions),
                path: this.pathOf(property.path, property.name),
            })),
            ...(doc !== undefined && { doc }),
        };
    }

    protected typeOf(ref: TypeRef, expressions: ExpressionLowering): Pick<FieldIR, 'type' | 'values'> {
        const type = expressions.fieldType(this.typeChecker.typeOfTypeRef(ref));
        return isEnumType(ref) ? { type, values: [...ref.values] } : { type };
    }

    /** `from "a.b"` is `["a", "b"]`; without `from`, the name. */
    protected pathOf(path: string | undefined, name: string): string[] {
        return path === undefined ? [name] : path.split('.');
    }

    /** The calculated fields of a schema, each after those it uses (declaration order otherwise). */
    protected calculatedInOrder(schema: Schema, owner: string): LetField[] {
        const ordered: LetField[] = [];
        const visiting = new Set<LetField>();
        const visit = (field: LetField): void => {
            if (ordered.includes(field)) return;
            if (visiting.has(field)) {
                throw new SegmentLoweringError(owner, `the calculated field \`${field.name}\` depends on itself`);
            }
            visiting.add(field);
            for (const used of calculatedFieldsUsedBy(field.value)) {
                visit(used);
            }
            visiting.delete(field);
            ordered.push(field);
        };
        schema.members.filter(isLetField).forEach(visit);
        return ordered;
    }

    /**
     * The segments a segment refers to, directly or not, each once, in depth-first order. A segment
     * of another schema, or a cycle, means the document has errors.
     */
    protected referencedSegments(root: Segment): Segment[] {
        const schema = this.schemaOf(root, root);
        const found: Segment[] = [];
        const visiting: Segment[] = [];
        const visit = (segment: Segment): void => {
            if (visiting.includes(segment)) {
                const cycle = [...visiting.slice(visiting.indexOf(segment)), segment].map((s) => s.name).join(' → ');
                throw new SegmentLoweringError(this.ownerOf(root), `the segment cycle ${cycle}`);
            }
            if (segment !== root && found.includes(segment)) return;
            if (segment !== root && this.schemaOf(segment, root) !== schema) {
                throw new SegmentLoweringError(this.ownerOf(root), `segment \`${segment.name}\` is not of schema \`${schema.name}\``);
            }
            visiting.push(segment);
            for (const next of this.directReferences(segment).segments) {
                visit(next);
            }
            visiting.pop();
            if (segment !== root) found.push(segment);
        };
        visit(root);
        return found;
    }

    /** The segments and lists named by a segment's conditions, and by the calculated fields they use (transitively). */
    protected directReferences(segment: Segment): DirectReferences {
        const segments = new Set<Segment>();
        const lists = new Set<StaticList>();
        const seen = new Set<AstNode>();
        const walk = (root: AstNode): void => {
            for (const node of AstUtils.streamAst(root)) {
                if (isInSegment(node)) {
                    segments.add(this.resolved(node.segment.ref, segment, 'segment'));
                } else if (isInList(node)) {
                    lists.add(this.resolved(node.list.ref, segment, 'list'));
                } else if (isFieldRef(node)) {
                    const target = node.field.ref;
                    if (isLetField(target) && !seen.has(target)) {
                        seen.add(target);
                        walk(target.value);
                    }
                }
            }
        };
        walk(segment.where);
        if (segment.exclude) walk(segment.exclude);
        return { segments: [...segments], lists: [...lists] };
    }

    protected schemaOf(node: Segment | StaticList, reportedOn: Segment | StaticList): Schema {
        const schema = this.schemaResolver.schemaFor(node);
        if (!schema) {
            throw new SegmentLoweringError(this.ownerOf(reportedOn), `no schema for \`${node.name}\``);
        }
        return schema;
    }

    protected resolved<T>(target: T | undefined, segment: Segment, noun: string): T {
        if (target === undefined) {
            throw new SegmentLoweringError(this.ownerOf(segment), `an unknown ${noun}`);
        }
        return target;
    }

    protected ownerOf(node: Segment | StaticList): string {
        return `${node.$type === 'Segment' ? 'Segment' : 'List'} \`${node.name}\``;
    }
}
