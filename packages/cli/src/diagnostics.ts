import type { LangiumDocument } from 'langium';
import * as path from 'node:path';
import { compareDiagnosticJson, type DiagnosticJson, type DiagnosticSeverityName, toDiagnosticJson } from '@segments/language';

/** How bad a diagnostic is, as the command reports it. */
export type CliSeverity = DiagnosticSeverityName;

/**
 * One diagnostic of one file, as every output format reports it: the machine-readable shape of
 * the specification (§7), with the text of its first line for the human format's excerpt.
 */
export interface CliDiagnostic extends DiagnosticJson {
    /** The text of the diagnostic's first line, for the human format's excerpt. */
    readonly sourceLine: string;
}

/** The diagnostics of some files, and how many files were looked at. */
export interface DiagnosticReport {
    /** The diagnostics, sorted by file then position. */
    readonly diagnostics: readonly CliDiagnostic[];
    /** How many files were checked, with or without diagnostics. */
    readonly fileCount: number;
}

/** The diagnostics of one built document, converted and sorted by position. */
export function documentDiagnostics(document: LangiumDocument, cwd: string): CliDiagnostic[] {
    const file = displayPath(document.uri.fsPath, cwd);
    const lines = document.textDocument.getText().split(/\r?\n|\r/);
    return (document.diagnostics ?? [])
        .map((diagnostic) => ({ ...toDiagnosticJson(diagnostic, file), sourceLine: lines[diagnostic.range.start.line] ?? '' }))
        .sort(compareDiagnosticJson);
}

/** How a file is named in the output: relative to the current directory. */
export function displayPath(fsPath: string, cwd: string): string {
    return path.relative(cwd, fsPath) || path.basename(fsPath);
}

/** The report of some built documents: their diagnostics, sorted by file then position. */
export function reportOf(documents: ReadonlyArray<LangiumDocument>, cwd: string): DiagnosticReport {
    return {
        diagnostics: documents.flatMap((document) => documentDiagnostics(document, cwd)).sort(compareDiagnosticJson),
        fileCount: documents.length,
    };
}

/** Whether any diagnostic is an error. */
export function hasErrors(diagnostics: readonly CliDiagnostic[]): boolean {
    return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
