import { type AstNode, type CstNode, CstUtils, GrammarAST, type LangiumDocument } from 'langium';
import { AbstractSignatureHelpProvider } from 'langium/lsp';
import type { ParameterInformation, SignatureHelp, SignatureHelpOptions, SignatureHelpParams, SignatureInformation } from 'vscode-languageserver';
import { type Aggregate, type FunctionCall, type FunctionSignature, builtinFunctions, isAggregate, isFunctionCall } from '@segments/language';
import type { SegmentLspServices } from '../../segment-lsp-module.js';
import { DeclarationMarkdown } from '../hover/declaration-markdown.js';
import { type AggregateSignature, aggregateLabel, aggregateSignatures } from './aggregate-signatures.js';

/** The call around a cursor and the index of the parameter the cursor is in. */
interface ActiveCall {
    readonly signature: SignatureInformation;
    readonly activeParameter: number;
}

/**
 * Signature help inside the parentheses of a built-in function (`age(|)`, `coalesce(a, |)`) and
 * of an event aggregate (`count(EVENT [WINDOW] [where CONDITION])`), with the parameter the
 * cursor is in. The innermost call around the cursor wins.
 */
export class SegmentSignatureHelpProvider extends AbstractSignatureHelpProvider {
    protected readonly markdown: DeclarationMarkdown;

    constructor(services: SegmentLspServices) {
        super();
        this.markdown = new DeclarationMarkdown(services);
    }

    override provideSignatureHelp(document: LangiumDocument, params: SignatureHelpParams): SignatureHelp | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) {
            return undefined;
        }
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset) ?? CstUtils.findLeafNodeBeforeOffset(root, offset);
        return leaf && this.signatureHelpAt(leaf.astNode, offset);
    }

    /** The help for the call around an element, with the cursor taken to be at the element's end. */
    protected getSignatureFromElement(element: AstNode): SignatureHelp | undefined {
        return this.signatureHelpAt(element, element.$cstNode?.end ?? 0);
    }

    protected signatureHelpAt(node: AstNode, offset: number): SignatureHelp | undefined {
        const call = this.callAround(node, offset);
        return call && { signatures: [call.signature], activeSignature: 0, activeParameter: call.activeParameter };
    }

    override get signatureHelpOptions(): SignatureHelpOptions {
        return { triggerCharacters: ['(', ','], retriggerCharacters: [','] };
    }

    /** The innermost function call or aggregate around a node whose parentheses hold the offset. */
    protected callAround(node: AstNode, offset: number): ActiveCall | undefined {
        for (let current: AstNode | undefined = node; current; current = current.$container) {
            if ((isFunctionCall(current) || isAggregate(current)) && this.insideParentheses(current, offset)) {
                return isFunctionCall(current) ? this.functionCall(current, offset) : this.aggregate(current, offset);
            }
        }
        return undefined;
    }

    /** Whether the offset is after the call's `(` and not after its `)`. */
    protected insideParentheses(call: FunctionCall | Aggregate, offset: number): boolean {
        const open = this.keywords(call, '(')[0];
        const close = this.keywords(call, ')')[0];
        return open !== undefined && open.end <= offset && (close === undefined || offset <= close.offset);
    }

    protected functionCall(call: FunctionCall, offset: number): ActiveCall | undefined {
        const signature = builtinFunctions.get(call.function.toLowerCase());
        if (!signature) {
            return undefined;
        }
        const commas = this.keywords(call, ',').filter((comma) => comma.end <= offset).length;
        const information = this.functionInformation(signature);
        const last = (information.parameters?.length ?? 1) - 1;
        return { signature: information, activeParameter: Math.min(commas, last) };
    }

    protected aggregate(call: Aggregate, offset: number): ActiveCall | undefined {
        const signature = aggregateSignatures.get(call.function.toLowerCase());
        if (!signature) {
            return undefined;
        }
        const where = this.keywords(call, 'where')[0];
        const subjectEnd = (call.property ?? call.event).$refNode?.end;
        let activeParameter = 0;
        if (where && where.end <= offset) {
            activeParameter = 2;
        } else if ((call.window?.$cstNode && call.window.$cstNode.offset <= offset) || (subjectEnd !== undefined && subjectEnd < offset)) {
            activeParameter = 1;
        }
        return { signature: this.aggregateInformation(signature), activeParameter };
    }

    /** `age(date): number` with its one parameter; `coalesce(value, fallback, ...)` with two. */
    protected functionInformation(signature: FunctionSignature): SignatureInformation {
        const label = this.markdown.functionLabel(signature);
        const open = label.indexOf('(');
        const inside = label.slice(open + 1, label.indexOf(')'));
        const parameters: ParameterInformation[] = [];
        let start = open + 1;
        for (const part of inside.split(', ')) {
            if (part !== '...') {
                parameters.push({ label: [start, start + part.length] });
            }
            start += part.length + 2;
        }
        return { label, documentation: { kind: 'markdown', value: signature.documentation }, parameters };
    }

    /** `count(EVENT [WINDOW] [where CONDITION]): number` with its three parameters. */
    protected aggregateInformation(signature: AggregateSignature): SignatureInformation {
        const label = `${aggregateLabel(signature)}: ${signature.returns}`;
        let start = signature.name.length + 1;
        const parameters = signature.parameters.map((parameter): ParameterInformation => {
            const information: ParameterInformation = { label: [start, start + parameter.label.length], documentation: { kind: 'markdown', value: parameter.documentation } };
            start += parameter.label.length + 1;
            return information;
        });
        return { label, documentation: { kind: 'markdown', value: signature.documentation }, parameters };
    }

    /** The call's own keyword leaves of one value (not those of nested calls). */
    protected keywords(call: AstNode, value: string): CstNode[] {
        const cst = call.$cstNode;
        if (!cst) {
            return [];
        }
        return CstUtils.streamCst(cst)
            .filter((node) => node.astNode === call && GrammarAST.isKeyword(node.grammarSource) && node.grammarSource.value.toLowerCase() === value)
            .toArray();
    }
}
