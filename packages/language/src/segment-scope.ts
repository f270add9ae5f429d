import { type AstNode, type AstNodeDescription, DefaultScopeProvider, EMPTY_SCOPE, MapScope, type ReferenceInfo, type Scope, stream, WorkspaceCache, AstUtils } from 'langium';
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

    constructor(services: SegmentServices) {
        super(services);
        this.schemas = services.references.SchemaResolver;
        this.projects = services.workspace.Projects;
        this.projectScopes = new WorkspaceCache(services.shared);
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
                return this.createScopeForNodes(this.schemas.schemaFor(container)?.members.filter(isEventDecl) ?? []);
            case `${Aggregate.$type}.${Aggregate.property}`:
                return this.createScopeForNodes((container as Aggregate).event.ref?.properties ?? []);
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
        const members = schema?.members.filter((member) => !isEventDecl(member)) ?? [];
        const fields = this.createScopeForNodes(members);
        const event = this.schemas.eventInScope(node);
        if (!event) {
            return fields;
        }
        const time = this.descriptions.createDescription(event, EVENT_TIME_PROPERTY);
        return this.createScope(stream<AstNodeDescription>([time], event.properties.map((p) => this.descriptions.createDescription(p, p.name))), fields);
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

