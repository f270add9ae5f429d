import type { AstNode, DiagnosticInfo, ValidationAcceptor } from 'langium';
import { type DiagnosticCode, diagnosticCodes } from './segment-diagnostic-codes.js';

/** Where a diagnostic goes and what it carries besides its code (Langium's DiagnosticInfo, without `code`). */
export type ReportInfo<N extends AstNode> = Omit<DiagnosticInfo<N>, 'code' | 'data'> & { data?: Record<string, unknown> };

/** Reports one diagnostic by its code, at the code's default severity; the code also goes into `data` for quick fixes. */
export type Report = <N extends AstNode>(code: DiagnosticCode, message: string, info: ReportInfo<N>) => void;

/** Wraps Langium's acceptor so that every check reports through a stable code. */
export function reporter(accept: ValidationAcceptor): Report {
    return (code, message, info) => accept(diagnosticCodes[code].severity, message, { ...info, code, data: { ...info.data, code } });
}

/** Quotes source text for a message: `total_spent > 5`. */
export function quote(text: string | undefined): string {
    const oneLine = (text ?? '').replace(/\s+/g, ' ').trim();
    return '`' + (oneLine.length > 60 ? oneLine.slice(0, 57) + '...' : oneLine) + '`';
}
