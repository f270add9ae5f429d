import { type AstNode, AstUtils, type IndexManager, type LangiumDocument, type Stream, WorkspaceCache } from 'langium';
import { type EventDecl, isEventDecl, isLetField, isPerformed, isAggregate, isSchema, isSegment, isStaticList, type Schema, type Segment, type StaticList, Schema as SchemaType } from './generated/ast.js';
import type { SegmentServices } from './segment-module.js';
import type { SegmentProjects } from './workspace/segment-projects.js';

/**
 * Answers "which schema does this node speak of?": the schema a `let`, `key` or event declaration
 * sits in, or the one a segment or list names with `of`, or, when `of` is left out, the only schema
 * of the project.
 */
export class SegmentSchemaResolver {
    protected readonly indexManager: IndexManager;
    protected readonly projects: SegmentProjects;
    protected readonly schemaCounts: WorkspaceCache<string, { count: number; only?: Schema }>;

    constructor(services: SegmentServices) {
        this.indexManager = services.shared.workspace.IndexManager;
        this.projects = services.workspace.Projects;
        this.schemaCounts = new WorkspaceCache(services.shared);
    }

    /** The schema a node is evaluated against, if it can be found. */
    schemaFor(node: AstNode): Schema | undefined {
        const owner = AstUtils.getContainerOfType(node, (n): n is Schema | Segment | StaticList => isSchema(n) || isSegment(n) || isStaticList(n));
        if (!owner) {
            return undefined;
        }
        if (isSchema(owner)) {
            return owner;
        }
        if (owner.schema) {
            return owner.schema.ref;
        }
        return this.onlySchemaOf(AstUtils.getDocument(owner)).only;
    }

    /** The schemas of the project a document belongs to. */
    schemasOfProject(document: LangiumDocument): Stream<Schema> {
        const key = this.projects.projectOf(document.uri).key;
        return this.indexManager
            .allElements(SchemaType.$type)
            .filter((description) => this.projects.projectOf(description.documentUri).key === key)
            .map((description) => description.node)
            .filter(isSchema);
    }

    /** How many schemas the document's project has, and the schema when there is exactly one. */
    onlySchemaOf(document: LangiumDocument): { count: number; only?: Schema } {
        const key = this.projects.projectOf(document.uri).key;
        return this.schemaCounts.get(key, () => {
            const schemas = this.schemasOfProject(document).toArray();
            return { count: schemas.length, only: schemas.length === 1 ? schemas[0] : undefined };
        });
    }

    /**
     * The event whose properties are in scope at a node: the event of the innermost `performed` or
     * aggregate whose `where` holds the node.
     */
    eventInScope(node: AstNode): EventDecl | undefined {
        let current: AstNode | undefined = node;
        while (current?.$container) {
            const container: AstNode = current.$container;
            if ((isPerformed(container) || isAggregate(container)) && current.$containerProperty === 'filter') {
                return container.event?.ref;
            }
            if (isLetField(container) || isEventDecl(container)) {
                return undefined;
            }
            current = container;
        }
        return undefined;
    }
}
