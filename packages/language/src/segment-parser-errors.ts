import { LangiumParserErrorMessageProvider, type LexerResult } from 'langium';

type Token = LexerResult['tokens'][number];
type TokenType = Token['tokenType'];

/** How syntax errors name the terminals of the grammar (everything else is a keyword or punctuation). */
const TERMINALS: Readonly<Record<string, string>> = {
    ID: 'a name',
    QUOTED_NAME: 'a quoted name',
    STRING: 'a string',
    NUMBER: 'a number',
    DATE: 'a date',
    DATETIME: 'a date and time',
    EOF: 'the end of the file',
};

/** How many alternatives a message lists before it says how many more there are. */
const MAX_LISTED = 6;

/**
 * Words syntax errors in the user's terms, on one line, naming what was found: "Expected a
 * condition but found `}`." rather than Chevrotain's list of every token sequence the grammar
 * allows (sixty lines where a name is expected). When a keyword stands where a name belongs, the
 * message says so and how to quote it.
 */
export class SegmentParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage(options: { expected: TokenType; actual: Token }): string {
        return `Expected ${describeType(options.expected)} but found ${describeToken(options.actual)}.`;
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: Token }): string {
        return `Expected a declaration (schema, segment or list) but found ${describeToken(options.firstRedundant)}.`;
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: Token[] }): string {
        return expectation(options.expectedPathsPerAlt.flat().map((path) => path[0]), options.actual[0]);
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: Token[] }): string {
        return expectation(options.expectedIterationPaths.map((path) => path[0]), options.actual[0]);
    }
}

/** "Expected … but found …" for a choice between the alternatives starting with `firsts`. */
function expectation(firsts: ReadonlyArray<TokenType | undefined>, actual: Token | undefined): string {
    const names = new Set(firsts.filter((type): type is TokenType => type !== undefined).map((type) => type.name));
    const found = actual ? describeToken(actual) : TERMINALS['EOF'];
    if (names.has('performed') && names.has('not') && names.has('(')) {
        return `Expected a condition (such as \`total_spent > 100\`) but found ${found}.`;
    }
    if (['text', 'number', 'boolean', 'date', 'datetime'].every((type) => names.has(type)) && !names.has('ID')) {
        return `Expected a type (text, number, boolean, date, datetime, list of …, one of (…)) but found ${found}.`;
    }
    if (names.has('ID')) {
        if (actual && isKeyword(actual.tokenType) && /^[A-Za-z_]\w*$/.test(actual.image)) {
            return `Expected a name but found the keyword \`${actual.image}\` (write a name that is a keyword between backticks).`;
        }
        return `Expected a name but found ${found}.`;
    }
    const described = [...new Set([...names].map((name) => TERMINALS[name] ?? `\`${name}\``))];
    const listed = described.length > MAX_LISTED ? [...described.slice(0, MAX_LISTED), `${described.length - MAX_LISTED} more`] : described;
    const choice = listed.length === 1 ? listed[0] : `${listed.slice(0, -1).join(', ')} or ${listed.at(-1)}`;
    return `Expected ${listed.length === 1 ? '' : 'one of '}${choice} but found ${found}.`;
}

function isKeyword(type: TokenType): boolean {
    return !(type.name in TERMINALS);
}

function describeType(type: TokenType): string {
    return TERMINALS[type.name] ?? `\`${type.name}\``;
}

function describeToken(token: Token): string {
    if (token.tokenType.name === 'EOF') return TERMINALS['EOF']!;
    return isKeyword(token.tokenType) ? `\`${token.image}\`` : `${TERMINALS[token.tokenType.name]} \`${token.image}\``;
}
