import { type AstNode, AstUtils, type DocumentationProvider } from 'langium';
import {
    type Attribute,
    type EventDecl,
    type EventProperty,
    type Field,
    type LetField,
    type FunctionSignature,
    type Schema,
    type Segment,
    type SegmentProjects,
    type SegmentSchemaResolver,
    type SegmentTypeChecker,
    type SegmentLintValidator,
    type StaticList,
    functionResultKind,
    isDescriptionSetting,
    isEventDecl,
    isEventProperty,
    isField,
    isLetField,
    isSchema,
    isSegment,
    isStaticList,
    typeToString,
} from '@segments/language';
import type { SegmentLspServices } from '../../segment-lsp-module.js';
import { type AggregateSignature, aggregateLabel } from '../signature/aggregate-signatures.js';

/** The name of the implicit property of every event: the instant it happened. */
export const EVENT_TIME_NAME = 'at';

/** A fenced code block of the segment language. */
export function codeBlock(code: string): string {
    return ['```segment', code, '```'].join('\n');
}

/**
 * Writes the Markdown that hovers and completion items show for declarations and built-ins: the
 * declaration as written in a code block, then its documentation and what else is worth knowing
 * (a field's `from` mapping, a segment's size against the project's limits...).
 */
export class DeclarationMarkdown {
    protected readonly documentation: DocumentationProvider;
    protected readonly types: SegmentTypeChecker;
    protected readonly schemas: SegmentSchemaResolver;
    protected readonly lints: SegmentLintValidator;
    protected readonly projects: SegmentProjects;

    constructor(services: SegmentLspServices) {
        this.documentation = services.documentation.DocumentationProvider;
        this.types = services.types.TypeChecker;
        this.schemas = services.references.SchemaResolver;
        this.lints = services.validation.SegmentValidator.lints;
        this.projects = services.workspace.Projects;
    }

    /** The Markdown of any declaration, or `undefined` for nodes that are not declarations. */
    describe(node: AstNode): string | undefined {
        if (isField(node) || isLetField(node) || isEventProperty(node)) return this.attribute(node);
        if (isEventDecl(node)) return this.event(node);
        if (isSegment(node)) return this.segment(node);
        if (isSchema(node)) return this.schema(node);
        if (isStaticList(node)) return this.staticList(node);
        return undefined;
    }

    /** The type of a name as a condition sees it: a field's declared type, a `let`'s inferred one, `at` a datetime. */
    typeOf(attribute: Attribute): string {
        return typeToString(this.types.typeOfAttribute(attribute));
    }

    /** A stored field, a calculated field or an event property: declaration, documentation, `from` mapping. */
    attribute(attribute: Field | LetField | EventProperty): string {
        if (isLetField(attribute)) {
            const expression = attribute.value?.$cstNode?.text ?? '';
            return this.join(codeBlock(`let ${attribute.name} = ${expression}`), `Calculated field of type \`${this.typeOf(attribute)}\`.`, this.doc(attribute));
        }
        const owner = isEventProperty(attribute) ? `Property of the event \`${attribute.$container.name}\`.` : undefined;
        const mapping = attribute.path === undefined ? undefined : `Read from \`${attribute.path}\` in the record.`;
        return this.join(codeBlock(`${attribute.name} ${this.typeOf(attribute)}`), owner, this.doc(attribute), mapping);
    }

    /** The implicit `at` of an event inside its `where`. */
    eventTime(event: EventDecl): string {
        return this.join(codeBlock(`${EVENT_TIME_NAME} datetime`), `When the \`${event.name}\` event happened.`);
    }

    /** An event: its properties, documentation and `from` mapping. */
    event(event: EventDecl): string {
        const properties = event.properties.map((p) => `${p.name} ${this.typeOf(p)}`).join(', ');
        const mapping = event.path === undefined ? undefined : `Read from \`${event.path}\` in the record.`;
        return this.join(codeBlock(`event ${event.name} { ${properties} }`), this.doc(event), mapping);
    }

    /** A segment: its title, description, documentation, and its size against the project's limits. */
    segment(segment: Segment): string {
        const title = segment.title === undefined ? '' : ` ${JSON.stringify(segment.title)}`;
        const schema = segment.schema ? ` of ${segment.schema.$refText}` : '';
        const description = segment.settings.find(isDescriptionSetting)?.value;
        return this.join(codeBlock(`segment ${segment.name}${title}${schema}`), description, this.doc(segment), this.segmentSize(segment));
    }

    /** "12 of 20 conditions · depth 2 of 5", against the limits of the segment's project. */
    segmentSize(segment: Segment): string {
        const { maxConditions, maxDepth } = this.projects.projectOf(AstUtils.getDocument(segment).uri).config.limits;
        const roots = [segment.where, segment.exclude].filter((root) => root !== undefined);
        const conditions = roots.reduce((sum, root) => sum + this.lints.countLeaves(root), 0);
        const depth = roots.reduce((deepest, root) => Math.max(deepest, this.lints.depthOf(root)), 0);
        return `${conditions} of ${maxConditions} conditions · depth ${depth} of ${maxDepth}`;
    }

    /** A schema: its key, documentation and how many fields and events it declares. */
    schema(schema: Schema): string {
        const fields = schema.members.filter((m) => isField(m) || isLetField(m)).length;
        const events = schema.members.filter(isEventDecl).length;
        const counts = `${fields} ${fields === 1 ? 'field' : 'fields'} · ${events} ${events === 1 ? 'event' : 'events'}`;
        return this.join(codeBlock(`schema ${schema.name} key ${schema.key?.$refText ?? ''}`), this.doc(schema), counts);
    }

    /** A static list: its file and matching field. */
    staticList(list: StaticList): string {
        const title = list.title === undefined ? '' : ` ${JSON.stringify(list.title)}`;
        const schema = list.schema ? ` of ${list.schema.$refText}` : '';
        return this.join(codeBlock(`list ${list.name}${title}${schema} from ${JSON.stringify(list.file)} by ${list.by?.$refText ?? ''}`), this.doc(list));
    }

    /** A built-in function: its signature with the result type, and its documentation. */
    builtinFunction(signature: FunctionSignature): string {
        return this.join(codeBlock(this.functionLabel(signature)), signature.documentation);
    }

    /** `age(date): number`; functions whose result is their arguments' type (`coalesce`) show no result type. */
    functionLabel(signature: FunctionSignature): string {
        const result = functionResultKind(signature);
        return result === 'any' ? signature.signature : `${signature.signature}: ${result}`;
    }

    /** An event aggregate: `count(EVENT [WINDOW] [where CONDITION]): number` and its documentation. */
    aggregate(signature: AggregateSignature): string {
        return this.join(codeBlock(`${aggregateLabel(signature)}: ${signature.returns}`), signature.documentation);
    }

    protected doc(node: AstNode): string | undefined {
        return this.documentation.getDocumentation(node);
    }

    protected join(...parts: Array<string | undefined>): string {
        return parts.filter((part) => part !== undefined && part.length > 0).join('\n\n');
    }
}
