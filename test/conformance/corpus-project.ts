import { type LangiumDocument, URI } from 'langium';
import { createSegmentServices, InMemoryFileSystem, isSegment, type Model, type SegmentServices } from '@segments/language';
import type { ListIR } from '@segments/ir';
import type { ConformanceCase, ConformanceProject } from './corpus.js';

/**
 * Builds the corpus's cases with the language: every case is a project of its own (a folder
 * `/corpus/<id>/` with a `segment.config.json` holding the case's time zone, the shared schema,
 * the segment text and the lists' CSV files), all checked in one workspace build.
 */


/** A diagnostic of a case's files, briefly. */
export interface CaseDiagnostic {
    file: string;
    line: number;
    severity: 'error' | 'warning' | 'info' | 'hint';
    code: string;
    message: string;
}

/** One case, built: its diagnostics, and (when it has no errors) the project an engine receives. */
export interface BuiltCase {
    testCase: ConformanceCase;
    diagnostics: CaseDiagnostic[];
    /** Absent when the case has errors or its segment could not be lowered (see `problem`). */
    project?: ConformanceProject;
    /** Why there is no project. */
    problem?: string;
}

const severities = ['error', 'error', 'warning', 'info', 'hint'] as const;

/** The folder of a case's project. */
export function caseFolder(testCase: ConformanceCase): string {
    return `/corpus/${testCase.id}`;
}

/** The files of a case's project, by absolute path. */
export function caseProjectFiles(testCase: ConformanceCase): Record<string, string> {
    const folder = caseFolder(testCase);
    const files: Record<string, string> = {
        [`${folder}/segment.config.json`]: JSON.stringify(testCase.timezone === undefined ? {} : { timezone: testCase.timezone }),
        [`${folder}/case.segment`]: testCase.segment,
    };
    if (testCase.schemaText !== undefined) files[`${folder}/schema.segment`] = testCase.schemaText;
    for (const [path, csv] of Object.entries(testCase.lists ?? {})) files[`${folder}/${path}`] = csv;
    return files;
}

/** Checks every case in one workspace and lowers the segment each one evaluates. */
export async function buildCases(cases: ConformanceCase[]): Promise<BuiltCase[]> {
    const files: Record<string, string> = Object.assign({}, ...cases.map(caseProjectFiles));
    const { shared, Segment } = createSegmentServices({ fileSystemProvider: () => new InMemoryFileSystem(files) });
    const documents = new Map<string, LangiumDocument<Model>>();
    for (const [path, text] of Object.entries(files)) {
        if (!path.endsWith('.segment')) continue;
        const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.file(path));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.set(path, document);
    }
    await shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    return cases.map((testCase) => buildCase(testCase, documents, files, Segment));
}

function buildCase(testCase: ConformanceCase, documents: Map<string, LangiumDocument<Model>>, files: Record<string, string>, services: SegmentServices): BuiltCase {
    const folder = caseFolder(testCase);
    const diagnostics: CaseDiagnostic[] = [];
    for (const [path, document] of documents) {
        if (!path.startsWith(`${folder}/`)) continue;
        for (const d of document.diagnostics ?? []) {
            diagnostics.push({ file: path.slice(folder.length + 1), line: d.range.start.line + 1, severity: severities[d.severity ?? 1], code: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value });
        }
    }
    if (diagnostics.some((d) => d.severity === 'error')) return { testCase, diagnostics, problem: 'the case has errors' };
    const segments = documents.get(`${folder}/case.segment`)!.parseResult.value.declarations.filter(isSegment);
    const target = testCase.evaluate === undefined ? (segments.length === 1 ? segments[0] : undefined) : segments.find((s) => s.name === testCase.evaluate);
    if (!target) {
        const problem = testCase.evaluate === undefined ? `declares ${segments.length} segments and names none with \`evaluate\`` : `declares no segment ${testCase.evaluate}`;
        return { testCase, diagnostics, problem };
    }
    try {
        const bundle = services.ir.Lowering.lowerSegment(target);
        const csv = (list: ListIR): string => {
            const text = files[URI.parse(list.uri).path] ?? files[`${folder}/${list.file}`];
            if (text === undefined) throw new Error(`no CSV for list ${list.name} (${list.file})`);
            return text;
        };
        return { testCase, diagnostics, project: { bundle, csv } };
    } catch (error) {
        return { testCase, diagnostics, problem: `lowering failed: ${(error as Error).message}` };
    }
}
