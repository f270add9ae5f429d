import { type FileSystemProvider, type LangiumSharedCoreServices, URI, UriUtils, type WorkspaceManager } from 'langium';
import { CONFIG_FILE_NAME, type SegmentProjects } from '@segments/language';
import { CreateFile, type Range, TextDocumentEdit, TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { SegmentLspServices } from '../../segment-lsp-module.js';

/** A limit of `segment.config.json`'s `limits` section. */
export type SegmentLimitSetting = 'maxConditions' | 'maxDepth';

/**
 * Writes `segment.config.json` for quick fixes: sets a limit of the project of a document, in the
 * project's configuration file, or in a new one when the project has none (at the root of the
 * workspace folder holding the document, else next to the document).
 */
export class SegmentConfigEditor {
    protected readonly projects: SegmentProjects;
    protected readonly fileSystem: FileSystemProvider;
    protected readonly workspaceManager: () => WorkspaceManager;

    constructor(services: SegmentLspServices) {
        const shared: LangiumSharedCoreServices = services.shared;
        this.projects = services.workspace.Projects;
        this.fileSystem = shared.workspace.FileSystemProvider;
        this.workspaceManager = () => shared.workspace.WorkspaceManager;
    }

    /**
     * The edit setting `limits.<setting>` to `value` for the document's project, or `undefined`
     * when the existing configuration file is not a JSON object (the user must repair it first).
     */
    setLimit(documentUri: URI, setting: SegmentLimitSetting, value: number): WorkspaceEdit | undefined {
        const root = this.projects.projectOf(documentUri).root;
        if (!root) {
            const file = UriUtils.joinPath(this.folderForNewConfig(documentUri), CONFIG_FILE_NAME).toString();
            const text = JSON.stringify({ limits: { [setting]: value } }, null, 2) + '\n';
            return {
                documentChanges: [
                    CreateFile.create(file, { ignoreIfExists: true }),
                    TextDocumentEdit.create({ uri: file, version: null }, [TextEdit.insert({ line: 0, character: 0 }, text)]),
                ],
            };
        }
        const file = UriUtils.joinPath(root, CONFIG_FILE_NAME);
        let text: string;
        let json: unknown;
        try {
            text = this.fileSystem.readFileSync(file);
            json = JSON.parse(text);
        } catch {
            return undefined;
        }
        if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
        const config = json as Record<string, unknown>;
        const limits = typeof config.limits === 'object' && config.limits !== null ? config.limits : {};
        const updated = JSON.stringify({ ...config, limits: { ...limits, [setting]: value } }, null, indentationOf(text)) + '\n';
        return { changes: { [file.toString()]: [TextEdit.replace(wholeText(text), updated)] } };
    }

    /** The workspace folder holding the document (the innermost), else the document's folder. */
    protected folderForNewConfig(documentUri: URI): URI {
        const path = documentUri.path;
        const folders = (this.workspaceManager().workspaceFolders ?? [])
            .map((folder) => URI.parse(folder.uri))
            .filter((folder) => path.startsWith(folder.path.endsWith('/') ? folder.path : `${folder.path}/`))
            .sort((a, b) => b.path.length - a.path.length);
        return folders[0] ?? UriUtils.dirname(documentUri);
    }
}

/** The indentation of a JSON text's first indented line (two spaces when it has none). */
function indentationOf(text: string): string | number {
    const indent = /\n([ \t]+)\S/.exec(text)?.[1];
    return indent ?? 2;
}

/** The range of a whole text. */
function wholeText(text: string): Range {
    const lines = text.split('\n');
    return { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } };
}
