import { type AstNode, type AstNodeDescription, AstUtils, DefaultScopeProvider, DocumentCache, EMPTY_SCOPE, MapScope, type ReferenceInfo, type Scope, stream, WorkspaceCache } from 'langium';
import { Aggregate, FieldRef, InList, InSegment, Performed, Schema, Segment, StaticList, isEventDecl, isField, type Schema as SchemaNode } from './generated/ast.js';
import type { SegmentSchemaResolver } from './segment-schema-resolver.js';
import type { SegmentServices } from './segment-module.js';
import type { SegmentProjects } from './workspace/segment-projects.js';

/** The implicit property of every event: the instant it happened. */
export const EVENT_TIME_PROPERTY = 'at';

/**
 * Scoping across the project:
 * - fields and calculated fields of the segment's schema; inside an event's `where`, the event's
 *   properties (and `at`) first;
 * - events of the schema after `performed` and in aggregates, and the event's properties after `.`;
 * - schemas, segments and lists of the same project (see {@link SegmentProjects}).
 */
export class SegmentScopeProvider extends DefaultScopeProvider {
    protected readonly schemas: SegmentSchemaResolver;
    protected readonly projects: SegmentProjects;
    protected readonly projectScopes: WorkspaceCache<string, Scope>;
    /**
     * One scope per schema (its fields and lets) and per event (its properties): built once, shared
     * by every reference. They hold nothing but the nodes of the schema's own document, so they are
     * kept until that document changes (a {@link DocumentCache} on the schema's document): typing in
     * a segment file does not rebuild the scope of a schema of thousands of fields.
     */
    protected readonly memberScopes: DocumentCache<AstNode, Scope>;
    /** One scope of the events of each schema, kept like {@link memberScopes}. */
    protected readonly eventScopes: DocumentCache<AstNode, Scope>;

    constructor(services: SegmentServices) {
        super(services);
        this.schemas = services.references.SchemaResolver;
        this.projects = services.workspace.Projects;
        this.projectScopes = new WorkspaceCache(services.shared);
        this.memberScopes = new DocumentCache(services.shared);
        this.eventScopes = new DocumentCache(services.shared);
    }

    override getScope(context: ReferenceInfo): Scope {
        const { container, property } = context;
        switch (`${container.$type}.${property}`) {
            case `${FieldRef.$type}.${FieldRef.field}`:
                return this.attributeScope(container);
            case `${Schema.$type}.${Schema.key}`:
                return this.fieldScope(container as SchemaNode);
            case `${StaticList.$type}.${StaticList.by}`:
                return this.fieldScope(this.schemas.schemaFor(container));
            case `${Performed.$type}.${Performed.event}`:
            case `${Aggregate.$type}.${Aggregate.event}`:
                return this.eventScope(this.schemas.schemaFor(container));
            case `${Aggregate.$type}.${Aggregate.property}`:
                return this.createScopeForNodes((container as Aggregate).event?.ref?.properties ?? []);
            case `${Segment.$type}.${Segment.schema}`:
            case `${StaticList.$type}.${StaticList.schema}`:
                return this.projectScope(Schema.$type, container);
            case `${InSegment.$type}.${InSegment.segment}`:
                return this.projectScope(Segment.$type, container);
            case `${InList.$type}.${InList.list}`:
                return this.projectScope(StaticList.$type, container);
            default:
                return super.getScope(context);
        }
    }

    /** Names usable as values at a node: event properties inside an event's `where`, then the schema's fields and lets. */
    protected attributeScope(node: AstNode): Scope {
        const schema = this.schemas.schemaFor(node);
        if (!schema) {
            return EMPTY_SCOPE;
        }
        const schemaUri = AstUtils.getDocument(schema).uri;
        const fields = this.memberScopes.get(schemaUri, schema, () => this.mapScopeOf(schema.members.filter((member) => !isEventDecl(member))));
        const event = this.schemas.eventInScope(node);
        if (!event) {
            return fields;
        }
        return this.memberScopes.get(schemaUri, event, () => {
            const time = this.descriptions.createDescription(event, EVENT_TIME_PROPERTY);
            return new MapScope(stream<AstNodeDescription>([time], event.properties.map((p) => this.descriptions.createDescription(p, p.name))).toArray(), fields);
        });
    }

    /** A scope of named nodes with constant-time lookup. */
    protected mapScopeOf(nodes: readonly (AstNode & { name: string })[], outer?: Scope): Scope {
        return new MapScope(nodes.map((n) => this.descriptions.createDescription(n, n.name)), outer);
    }

    /** The events of a schema, after `performed` and in aggregates. */
    protected eventScope(schema: SchemaNode | undefined): Scope {
        return schema ? this.eventScopes.get(AstUtils.getDocument(schema).uri, schema, () => this.mapScopeOf(schema.members.filter(isEventDecl))) : EMPTY_SCOPE;
    }

    protected fieldScope(schema: SchemaNode | undefined): Scope {
        return schema ? this.createScopeForNodes(schema.members.filter(isField)) : EMPTY_SCOPE;
    }

    /** Top-level declarations of one type from the project of the node's document. */
    protected projectScope(type: string, node: AstNode): Scope {
        const key = this.projects.projectOf(AstUtils.getDocument(node).uri).key;
        return this.projectScopes.get(`${key}\u0000${type}`, () =>
            new MapScope(this.indexManager.allElements(type).filter((d) => this.projects.projectOf(d.documentUri).key === key).toArray()),
        );
    }
}

