import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PREVIEW_REQUEST, type PreviewParams, type PreviewResult, TRACE_REQUEST, type TraceParams, type TraceResult } from '@segments/language-server/protocol';
import { previewTitle, renderPreviewPage } from './preview-html.js';
import { renderTrace } from './trace-view.js';

/** The webview panel's type. */
export const PREVIEW_VIEW_TYPE = 'segment.preview';

/** The segment a preview shows. */
export interface PreviewTarget {
    uri: vscode.Uri;
    /** The segment's name; once a preview has found its segment, it keeps to it. */
    name?: string;
    /** When there is no name: the segment at this position. */
    position?: vscode.Position;
}

/** What the page posts. */
type PageMessage = { type: 'trace'; key: string } | { type: 'reveal'; line: number; character: number };

/**
 * The preview of one segment, in a webview beside the editor: its member count on the project's
 * sample, the funnel of its conditions, sample members and non-members, and the trace of the
 * record the user selects. One panel is reused for every segment; it refreshes when a `.segment`
 * file or a `segment.config.json` is saved. The server computes everything (`segment/preview`,
 * `segment/trace`); this class only renders.
 */
export class SegmentPreviewPanel implements vscode.Disposable {
    protected panel: vscode.WebviewPanel | undefined;
    protected target: PreviewTarget | undefined;
    protected selectedKey: string | undefined;
    protected last: PreviewResult | undefined;
    /** Counts refreshes, so that a late answer never replaces a newer one. */
    protected generation = 0;
    protected readonly disposables: vscode.Disposable[] = [];

    constructor(protected readonly client: LanguageClient) {
        this.disposables.push(
            vscode.workspace.onDidSaveTextDocument((document) => {
                if (this.panel && (document.languageId === 'segment' || document.uri.path.endsWith('/segment.config.json'))) void this.refresh();
            }),
        );
    }

    /** The result of the last refresh. */
    get lastResult(): PreviewResult | undefined {
        return this.last;
    }

    /** Shows the preview of a segment beside the active editor and returns its result. */
    async show(target: PreviewTarget): Promise<PreviewResult | undefined> {
        const same = target.name !== undefined && this.target?.name === target.name && this.target.uri.toString() === target.uri.toString();
        if (!same) this.selectedKey = undefined;
        this.target = target;
        if (this.panel) {
            this.panel.reveal(vscode.ViewColumn.Beside, true);
        } else {
            this.panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Segment Preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
            this.panel.onDidDispose(() => {
                this.panel = undefined;
                this.target = undefined;
                this.last = undefined;
            });
            this.panel.webview.onDidReceiveMessage((message: PageMessage) => void this.onMessage(message));
            this.render(undefined);
        }
        return this.refresh();
    }

    /** Asks the server for the preview of the current target again and renders it. */
    async refresh(): Promise<PreviewResult | undefined> {
        const target = this.target;
        if (!target || !this.panel) return undefined;
        const generation = ++this.generation;
        const maxRows = vscode.workspace.getConfiguration('segments.preview', target.uri).get<number>('maxRows', 50);
        const params: PreviewParams = { ...this.params(target), maxRows };
        let result: PreviewResult;
        try {
            result = await this.client.sendRequest<PreviewResult>(PREVIEW_REQUEST, params);
        } catch (error) {
            result = { kind: 'failed', uri: params.textDocument.uri, message: (error as Error).message };
        }
        if (generation !== this.generation || !this.panel) return result;
        if ((result.kind === 'ready' || result.kind === 'no-preview' || result.kind === 'errors') && target.name === undefined) {
            target.name = result.segment.name;
            target.position = undefined;
        }
        this.last = result;
        let traceHtml: string | undefined;
        if (result.kind === 'ready' && this.selectedKey !== undefined) traceHtml = renderTrace(await this.trace(this.selectedKey));
        if (generation === this.generation) this.render(result, traceHtml);
        return result;
    }

    dispose(): void {
        this.panel?.dispose();
        for (const disposable of this.disposables) disposable.dispose();
    }

    protected render(result: PreviewResult | undefined, traceHtml?: string): void {
        if (!this.panel) return;
        this.panel.title = previewTitle(result);
        this.panel.webview.html = renderPreviewPage(result, {
            nonce: randomBytes(16).toString('base64'),
            cspSource: this.panel.webview.cspSource,
            ...(traceHtml !== undefined ? { traceHtml } : {}),
            ...(this.selectedKey !== undefined ? { selectedKey: this.selectedKey } : {}),
        });
    }

    protected async onMessage(message: PageMessage): Promise<void> {
        if (message.type === 'trace') {
            this.selectedKey = message.key;
            const html = renderTrace(await this.trace(message.key));
            await this.panel?.webview.postMessage({ type: 'trace', html });
        } else if (message.type === 'reveal' && this.target) {
            const position = new vscode.Position(message.line, message.character);
            await vscode.window.showTextDocument(this.target.uri, { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.One });
        }
    }

    /** Asks the server why the record with the key is or is not a member. */
    protected async trace(key: string): Promise<TraceResult> {
        const target = this.target;
        if (!target) return { kind: 'no-segment', uri: '' };
        const params: TraceParams = { ...this.params(target), key };
        try {
            return await this.client.sendRequest<TraceResult>(TRACE_REQUEST, params);
        } catch (error) {
            return { kind: 'failed', uri: params.textDocument.uri, message: (error as Error).message };
        }
    }

    protected params(target: PreviewTarget): PreviewParams {
        return {
            textDocument: { uri: this.client.code2ProtocolConverter.asUri(target.uri) },
            ...(target.name !== undefined ? { name: target.name } : {}),
            ...(target.position ? { position: { line: target.position.line, character: target.position.character } } : {}),
        };
    }
}
