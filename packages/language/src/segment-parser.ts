import { type AstNode, createParser, LangiumParser, type LangiumCoreServices, type LexerResult, type ParseResult, type ParserOptions } from 'langium';

type IToken = LexerResult['tokens'][number];

/**
 * How deep text may nest (parentheses, plus runs of prefix `not` and `-`) before the parser
 * refuses it. A recursive-descent parser spends about eight rule calls per level, so thousands
 * of levels would exhaust the call stack; no real segment comes near this (the `too-deep` lint
 * warns past 5 levels by default).
 */
export const MAX_NESTING = 32;

/** How many `and`/`or` one declaration may chain before the parser refuses it (the `too-many-conditions` lint warns past 20). */
export const MAX_CHAIN = 1000;

/**
 * Langium's parser, guarded against input that would exhaust the call stack: pasted garbage with
 * thousands of nested parentheses or `not`s, or a megabyte of conditions in one chain. Such text
 * gets one `syntax-error` at the token where the limit is passed, and an empty model, instead of
 * a crash of the language server or the CLI.
 */
export class SegmentParser extends LangiumParser {
    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        const tokens = this.lexer.tokenize(input).tokens;
        const culprit = findExcess(tokens);
        if (!culprit) {
            return super.parse<T>(input, options);
        }
        const model = { $type: 'Model', declarations: [] } as unknown as T;
        const empty = super.parse<T>('', options);
        return {
            ...empty,
            value: Object.assign(empty.value, model),
            parserErrors: [
                {
                    name: 'NestingLimitError',
                    message: culprit.message,
                    token: culprit.token,
                    resyncedTokens: [],
                    context: { ruleStack: [], ruleOccurrenceStack: [] },
                },
            ],
        };
    }
}

/** The first token past the nesting or chaining limits, with the reason. */
export function findExcess(tokens: readonly IToken[]): { token: IToken; message: string } | undefined {
    let parentheses = 0;
    let prefixRun = 0;
    let chain = 0;
    let previous: string | undefined;
    for (const token of tokens) {
        const image = token.image.toLowerCase();
        if (image === '(') parentheses++;
        else if (image === ')') parentheses = Math.max(0, parentheses - 1);
        const isPrefix = image === 'not' || (image === '-' && (previous === undefined || !/[\w)`"]$/.test(previous)));
        prefixRun = isPrefix ? prefixRun + 1 : 0;
        if (parentheses + prefixRun > MAX_NESTING) {
            return { token, message: `This text nests more than ${MAX_NESTING} levels deep (parentheses and \`not\`), so it is not parsed. Flatten it.` };
        }
        if ((image === 'segment' || image === 'schema' || image === 'list') && previous !== 'in') chain = 0;
        if (image === 'and' || image === 'or') chain++;
        if (chain > MAX_CHAIN) {
            return { token, message: `This declaration chains more than ${MAX_CHAIN} conditions with \`and\`/\`or\`, so it is not parsed. Split it into segments.` };
        }
        previous = image;
    }
    return undefined;
}

/** Creates the guarded parser of a language, as Langium's `createLangiumParser` creates its default one. */
export function createSegmentParser(services: LangiumCoreServices): SegmentParser {
    const parser = createParser(services.Grammar, new SegmentParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
