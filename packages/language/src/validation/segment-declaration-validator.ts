import { type AstNode, type AstNodeDescription, type AstNodeLocator, AstUtils, type FileSystemProvider, type IndexManager, type LangiumDocument, MultiMap, UriUtils, type ValidationAcceptor, WorkspaceCache } from 'langium';
import type { DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import { calculatedFieldsUsedBy } from '../segment-ast-utils.js';
import { canonicalUnit } from '../types/segment-types.js';
import {
    type EventDecl,
    type InList,
    type InSegment,
    type RefreshSetting,
    type LetField,
    type Model,
    type Schema,
    type Segment,
    type StaticList,
    isInSegment,
    isSegment,
} from '../generated/ast.js';
import type { SegmentSchemaResolver } from '../segment-schema-resolver.js';
import type { SegmentServices } from '../segment-module.js';
import type { SegmentProjects } from '../workspace/segment-projects.js';
import { reporter } from './segment-report.js';

/**
 * Checks of declarations: unique names in a project and in a schema, settings given once, the
 * schema a segment speaks of, list files that exist, and no cycles through `in segment` or `let`.
 */
export class SegmentDeclarationValidator {
    protected readonly indexManager: IndexManager;
    protected readonly projects: SegmentProjects;
    protected readonly schemas: SegmentSchemaResolver;
    protected readonly fileSystem: FileSystemProvider;
    protected readonly locator: AstNodeLocator;
    /** The top-level declarations of each project and type, by name (keyed by project key and type). */
    protected readonly declarationsByName: WorkspaceCache<string, MultiMap<string, AstNodeDescription>>;

    constructor(services: SegmentServices) {
        this.locator = services.workspace.AstNodeLocator;
        this.indexManager = services.shared.workspace.IndexManager;
        this.projects = services.workspace.Projects;
        this.schemas = services.references.SchemaResolver;
        this.fileSystem = services.shared.workspace.FileSystemProvider;
        this.declarationsByName = new WorkspaceCache(services.shared);
    }

    /** Two top-level declarations of one kind and name in a project. */
    checkUniqueDeclarations(model: Model, accept: ValidationAcceptor): void {
        const report = reporter(accept);
        const document = AstUtils.getDocument(model);
        const project = this.projects.projectOf(document.uri).key;
        for (const declaration of model.declarations) {
            const others = this.declarationsNamed(declaration.$type, project)
                .get(declaration.name)
                .filter((d) => !(d.documentUri.toString() === document.uri.toString() && d.path === this.locator.getAstNodePath(declaration)));
            if (others.length === 0) continue;
            const relatedInformation: DiagnosticRelatedInformation[] = others
                .filter((d) => d.nameSegment)
                .map((d) => ({ location: { uri: d.documentUri.toString(), range: d.nameSegment!.range }, message: `\`${declaration.name}\` is also declared here.` }));
            const kind = declaration.$type === 'StaticList' ? 'list' : declaration.$type.toLowerCase();
            report('duplicate-name', `Another ${kind} of this project is named \`${declaration.name}\`; names must be unique.`, {
                node: declaration,
                property: 'name',
                relatedInformation,
            });
        }
    }

    /**
     * The declarations of one type in one project, by name, in the index's order. Built once per
     * state of the workspace rather than by a scan of the whole index for every declaration
     * validated: a keystroke re-validates a file, and the index holds every file of the workspace.
     */
    protected declarationsNamed(type: string, project: string): MultiMap<string, AstNodeDescription> {
        return this.declarationsByName.get(`${project}\u0000${type}`, () => {
            const byName = new MultiMap<string, AstNodeDescription>();
            for (const description of this.indexManager.allElements(type)) {
                if (this.projects.projectOf(description.documentUri).key === project) {
                    byName.add(description.name, description);
                }
            }
            return byName;
        });
    }

    /** Two members of one schema (fields, calculated fields, events) or two properties of one event with one name. */
    checkSchemaMembers(schema: Schema, accept: ValidationAcceptor): void {
        this.reportDuplicates(schema.members, 'member of this schema', accept);
    }

    checkEventProperties(event: EventDecl, accept: ValidationAcceptor): void {
        this.reportDuplicates(event.properties, 'property of this event', accept);
    }

    protected reportDuplicates(nodes: readonly (AstNode & { name: string })[], what: string, accept: ValidationAcceptor): void {
        const seen = new Map<string, AstNode & { name: string }>();
        for (const node of nodes) {
            const first = seen.get(node.name);
            if (!first) {
                seen.set(node.name, node);
                continue;
            }
            const document = AstUtils.getDocument(node);
            const range = first.$cstNode?.range;
            reporter(accept)('duplicate-name', `Another ${what} is named \`${node.name}\`.`, {
                node,
                property: 'name' as never,
                relatedInformation: range ? [{ location: { uri: document.uri.toString(), range }, message: 'First declared here.' }] : [],
            });
        }
    }

    /** Each setting of a segment at most once. */
    checkSettings(segment: Segment, accept: ValidationAcceptor): void {
        const seen = new Set<string>();
        for (const setting of segment.settings) {
            if (seen.has(setting.$type)) {
                const keyword = setting.$cstNode?.text.split(/\s+/)[0]?.toLowerCase() ?? 'setting';
                reporter(accept)('duplicate-setting', `\`${keyword}\` is already set for this segment.`, { node: setting });
            }
            seen.add(setting.$type);
        }
    }

    /** `of SCHEMA` left out where the project does not have exactly one schema. */
    checkSchemaGiven(declaration: Segment | StaticList, accept: ValidationAcceptor): void {
        if (declaration.schema) return;
        const { count } = this.schemas.onlySchemaOf(AstUtils.getDocument(declaration));
        if (count === 1) return;
        const names = this.schemas
            .schemasOfProject(AstUtils.getDocument(declaration))
            .map((s) => `\`${s.name}\``)
            .toArray();
        const message =
            count === 0
                ? 'This project declares no schema: add one (`schema Contact key id { ... }`) or name it with `of SCHEMA`.'
                : `This project declares ${count} schemas (${names.join(', ')}): say which one with \`of SCHEMA\`.`;
        reporter(accept)('missing-schema', message, { node: declaration, property: 'name' });
    }

    /** The CSV of a static list must exist (checked when the document itself is on a file system). */
    checkListFile(list: StaticList, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(list);
        if (list.file === undefined || !this.isOnFileSystem(document)) return;
        const file = UriUtils.resolvePath(UriUtils.dirname(document.uri), list.file);
        if (!this.fileSystem.existsSync(file)) {
            reporter(accept)('list-file-not-found', `No file ${JSON.stringify(list.file)} next to this file (looked for ${file.fsPath}).`, { node: list, property: 'file' });
        }
    }

    protected isOnFileSystem(document: LangiumDocument): boolean {
        try {
            return document.uri.scheme === 'file' && this.fileSystem.existsSync(document.uri);
        } catch {
            return false;
        }
    }

    /** `in segment` and `in list` must name a segment or list of the same schema: membership is per record. */
    checkMembershipSchema(node: InSegment | InList, accept: ValidationAcceptor): void {
        const target = isInSegment(node) ? node.segment?.ref : node.list?.ref;
        const own = this.schemas.schemaFor(node);
        const theirs = target && this.schemas.schemaFor(target);
        if (!own || !theirs || own === theirs) return;
        const kind = isInSegment(node) ? 'segment' : 'list';
        reporter(accept)('type-mismatch', `\`${target.name}\` is a ${kind} of \`${theirs.name}\`, but this condition is about \`${own.name}\` records.`, {
            node,
            property: (isInSegment(node) ? 'segment' : 'list') as never,
        });
    }

    /** `refresh every N minutes|hours|days|weeks`: a polling interval, so no calendar units. */
    checkRefresh(setting: RefreshSetting, accept: ValidationAcceptor): void {
        const unit = canonicalUnit(setting.interval.unit);
        if (unit === 'months' || unit === 'years') {
            reporter(accept)('invalid-literal', `\`refresh every\` takes minutes, hours, days or weeks, not ${unit}.`, { node: setting.interval, property: 'unit' });
        } else if (setting.interval.amount <= 0) {
            reporter(accept)('invalid-literal', 'A refresh interval must be longer than zero.', { node: setting.interval, property: 'amount' });
        }
    }

    /** A calculated field must not depend on itself. */
    checkLetCycle(field: LetField, accept: ValidationAcceptor): void {
        const path = this.findCycle<LetField>(field, (f) => calculatedFieldsUsedBy(f.value));
        if (path) {
            reporter(accept)('calculated-field-cycle', `\`${field.name}\` depends on itself: ${path.map((f) => `\`${f.name}\``).join(' → ')}.`, {
                node: field,
                property: 'name',
            });
        }
    }

    /** Segments must not reach themselves through `in segment`; reported on each reference that closes a cycle. */
    checkSegmentCycle(segment: Segment, accept: ValidationAcceptor): void {
        const references = AstUtils.streamAst(segment).filter(isInSegment).toArray();
        for (const reference of references) {
            const target = reference.segment?.ref;
            if (!target) continue;
            const path = target === segment ? [segment, segment] : this.pathBetween(target, segment);
            if (!path) continue;
            const chain = target === segment ? path : [segment, ...path];
            const relatedInformation = chain.slice(1, -1).flatMap((s) => {
                const range = s.$cstNode?.range;
                return range ? [{ location: { uri: AstUtils.getDocument(s).uri.toString(), range }, message: `\`${s.name}\` is part of the cycle.` }] : [];
            });
            reporter(accept)('segment-cycle', `\`${segment.name}\` refers to itself: ${chain.map((s) => `\`${s.name}\``).join(' → ')}.`, {
                node: reference,
                property: 'segment',
                relatedInformation,
            });
        }
    }

    /** The segments from `from` to `to` following `in segment`, if `to` is reachable. */
    protected pathBetween(from: Segment, to: Segment): Segment[] | undefined {
        const previous = new Map<Segment, Segment | undefined>([[from, undefined]]);
        const queue = [from];
        while (queue.length > 0) {
            const current = queue.shift()!;
            if (current === to) {
                const path: Segment[] = [];
                for (let s: Segment | undefined = current; s; s = previous.get(s)) path.unshift(s);
                return path;
            }
            for (const next of this.referencedSegments(current)) {
                if (!previous.has(next)) {
                    previous.set(next, current);
                    queue.push(next);
                }
            }
        }
        return undefined;
    }

    protected referencedSegments(segment: Segment): Segment[] {
        return AstUtils.streamAst(segment)
            .filter(isInSegment)
            .map((r) => r.segment?.ref)
            .filter(isSegment)
            .toArray();
    }

    /** A path from `start` back to itself following `next`, if there is one. */
    protected findCycle<T>(start: T, next: (node: T) => T[]): T[] | undefined {
        const visit = (node: T, path: T[], seen: Set<T>): T[] | undefined => {
            for (const child of next(node)) {
                if (child === start) return [...path, child];
                if (seen.has(child)) continue;
                seen.add(child);
                const found = visit(child, [...path, child], seen);
                if (found) return found;
            }
            return undefined;
        };
        return visit(start, [start], new Set());
    }
}
