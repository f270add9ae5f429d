import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMPILE_REQUEST, type CompileResult, type SegmentParams } from '@segments/language-server/protocol';

/** The scheme of the read-only documents of *Show Compiled IR*. */
export const IR_SCHEME = 'segment-ir';

/** The segment an IR document shows: its source document and name. */
interface IrSource {
    uri: string;
    name: string;
}

/**
 * The read-only JSON documents of *Show Compiled IR*: `segment-ir:/<name>.ir.json?<source>`, the
 * IR bundle the server lowers the segment to (`segment/compile`). An open IR document follows its
 * source: it is recompiled when a `.segment` file is saved.
 */
export class SegmentIrDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
    protected readonly changes = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.changes.event;
    protected readonly texts = new Map<string, string>();
    protected readonly disposables: vscode.Disposable[] = [];

    constructor(protected readonly client: LanguageClient) {
        this.disposables.push(
            vscode.workspace.registerTextDocumentContentProvider(IR_SCHEME, this),
            vscode.workspace.onDidSaveTextDocument((document) => {
                if (document.languageId === 'segment') void this.recompileOpen();
            }),
            vscode.workspace.onDidCloseTextDocument((document) => {
                if (document.uri.scheme === IR_SCHEME) this.texts.delete(document.uri.toString());
            }),
            this.changes,
        );
    }

    /** The URI of the IR document of a segment. */
    static uriOf(source: IrSource): vscode.Uri {
        return vscode.Uri.from({ scheme: IR_SCHEME, path: `/${source.name}.ir.json`, query: JSON.stringify(source) });
    }

    /** Compiles the designated segment; when it compiles, opens its IR beside the editor. */
    async show(params: SegmentParams): Promise<CompileResult> {
        const result = await this.client.sendRequest<CompileResult>(COMPILE_REQUEST, params);
        if (result.kind !== 'compiled') return result;
        const uri = SegmentIrDocuments.uriOf({ uri: params.textDocument.uri, name: result.segment.name });
        this.texts.set(uri.toString(), irText(result));
        this.changes.fire(uri);
        const document = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
        return result;
    }

    provideTextDocumentContent(uri: vscode.Uri): string | Thenable<string> {
        const text = this.texts.get(uri.toString());
        return text ?? this.compile(uri);
    }

    dispose(): void {
        for (const disposable of this.disposables) disposable.dispose();
    }

    /** The IR text of an IR document's segment, or a JSON object saying why there is none. */
    protected async compile(uri: vscode.Uri): Promise<string> {
        const source = JSON.parse(uri.query) as IrSource;
        let text: string;
        try {
            text = irText(await this.client.sendRequest<CompileResult>(COMPILE_REQUEST, { textDocument: { uri: source.uri }, name: source.name }));
        } catch (error) {
            text = JSON.stringify({ error: (error as Error).message }, null, 2);
        }
        this.texts.set(uri.toString(), text);
        return text;
    }

    protected async recompileOpen(): Promise<void> {
        for (const document of vscode.workspace.textDocuments) {
            if (document.uri.scheme !== IR_SCHEME) continue;
            await this.compile(document.uri);
            this.changes.fire(document.uri);
        }
    }
}

/** The text of an IR document: the bundle, or why there is none (as JSON, so the document stays valid). */
export function irText(result: CompileResult): string {
    switch (result.kind) {
        case 'compiled':
            return `${JSON.stringify(result.bundle, null, 2)}\n`;
        case 'errors':
            return `${JSON.stringify({ error: `${result.segment.name} has errors`, errors: result.errors }, null, 2)}\n`;
        case 'failed':
            return `${JSON.stringify({ error: result.message }, null, 2)}\n`;
        case 'no-segment':
            return `${JSON.stringify({ error: result.name ? `no segment ${result.name}` : 'no segment in the file' }, null, 2)}\n`;
    }
}
