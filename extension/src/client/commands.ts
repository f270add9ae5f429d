import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CompileResult, PreviewResult, SegmentParams } from '@segments/language-server/protocol';
import type { PreviewTarget, SegmentPreviewPanel } from '../preview/preview-panel.js';
import type { SegmentIrDocuments } from './ir-documents.js';

/** The extension's commands. */
export const Commands = {
    preview: 'segment.preview',
    showIr: 'segment.showIr',
    format: 'segment.format',
    restartServer: 'segment.restartServer',
} as const;

/**
 * The segment a command is about: the arguments of a code lens (the document's URI and the
 * segment's name), the resource of an editor menu, or the segment at the cursor of the active
 * `.segment` editor.
 */
export function commandTarget(uriArgument?: unknown, nameArgument?: unknown): PreviewTarget | undefined {
    const editor = vscode.window.activeTextEditor;
    const uri = typeof uriArgument === 'string' ? vscode.Uri.parse(uriArgument) : uriArgument instanceof vscode.Uri ? uriArgument : undefined;
    if (uri) {
        const name = typeof nameArgument === 'string' ? nameArgument : undefined;
        if (name !== undefined) return { uri, name };
        const active = editor && editor.document.uri.toString() === uri.toString() ? editor.selection.active : undefined;
        return active ? { uri, position: active } : { uri };
    }
    if (editor?.document.languageId === 'segment') return { uri: editor.document.uri, position: editor.selection.active };
    return undefined;
}

/** Registers the commands: Preview Segment, Show Compiled IR, Format Document and Restart Server. */
export function registerCommands(client: LanguageClient, preview: SegmentPreviewPanel, irDocuments: SegmentIrDocuments): vscode.Disposable[] {
    const noTarget = () => void vscode.window.showInformationMessage('Open a .segment file and place the cursor in a segment.');
    const params = (target: PreviewTarget): SegmentParams => ({
        textDocument: { uri: client.code2ProtocolConverter.asUri(target.uri) },
        ...(target.name !== undefined ? { name: target.name } : {}),
        ...(target.position ? { position: { line: target.position.line, character: target.position.character } } : {}),
    });
    return [
        vscode.commands.registerCommand(Commands.preview, async (uri?: unknown, name?: unknown): Promise<PreviewResult | undefined> => {
            const target = commandTarget(uri, name);
            if (!target) return noTarget();
            return preview.show(target);
        }),
        vscode.commands.registerCommand(Commands.showIr, async (uri?: unknown, name?: unknown): Promise<CompileResult | undefined> => {
            const target = commandTarget(uri, name);
            if (!target) return noTarget();
            const result = await irDocuments.show(params(target));
            if (result.kind === 'errors') void vscode.window.showErrorMessage(`Fix the errors of ${result.segment.name} to compile it.`);
            else if (result.kind === 'failed') void vscode.window.showErrorMessage(`Cannot compile the segment: ${result.message}`);
            else if (result.kind === 'no-segment') void vscode.window.showInformationMessage('There is no segment here to compile.');
            return result;
        }),
        vscode.commands.registerCommand(Commands.format, async () => {
            if (vscode.window.activeTextEditor?.document.languageId !== 'segment') return noTarget();
            await vscode.commands.executeCommand('editor.action.formatDocument');
        }),
        vscode.commands.registerCommand(Commands.restartServer, async () => {
            await client.restart();
        }),
    ];
}
