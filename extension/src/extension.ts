import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './client/commands.js';
import { SegmentIrDocuments } from './client/ir-documents.js';
import { createLanguageClient } from './client/language-client.js';
import type { PreviewResult } from '@segments/language-server/protocol';
import { SegmentPreviewPanel } from './preview/preview-panel.js';

/** What the extension exports to other extensions and to its tests. */
export interface SegmentsApi {
    /** The running language client. */
    readonly client: LanguageClient;
    /** The result the preview panel shows, if it is open. */
    lastPreview(): PreviewResult | undefined;
}

let client: LanguageClient | undefined;

/**
 * Starts the language server for `.segment` files and registers the commands: *Preview Segment*,
 * *Show Compiled IR*, *Format Document* and *Restart Server*.
 */
export async function activate(context: vscode.ExtensionContext): Promise<SegmentsApi> {
    const languageClient = createLanguageClient(context);
    client = languageClient;
    const preview = new SegmentPreviewPanel(languageClient);
    const irDocuments = new SegmentIrDocuments(languageClient);
    context.subscriptions.push(preview, irDocuments, ...registerCommands(languageClient, preview, irDocuments));
    await languageClient.start();
    return { client: languageClient, lastPreview: () => preview.lastResult };
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
