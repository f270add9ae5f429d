import { AstUtils, GrammarAST, type Grammar } from 'langium';

/**
 * Writes names the way the grammar reads them back: bare when the name is an identifier or a
 * keyword the `Name` rule accepts (`from`, `month`...), in backticks otherwise (`` `first name` ``,
 * or a reserved word such as `` `where` ``).
 */
export class SegmentNameWriter {
    /** Keywords that cannot stand for a name (lower case: keywords are case-insensitive). */
    protected readonly reserved: ReadonlySet<string>;

    constructor(grammar: Grammar) {
        const nameRule = grammar.rules.find((rule) => rule.name === 'Name');
        const soft = new Set(nameRule ? AstUtils.streamAllContents(nameRule).filter(GrammarAST.isKeyword).map((k) => k.value.toLowerCase()) : []);
        this.reserved = new Set(
            AstUtils.streamAllContents(grammar)
                .filter(GrammarAST.isKeyword)
                .map((k) => k.value.toLowerCase())
                .filter((word) => /^[a-z_]+$/.test(word) && !soft.has(word)),
        );
    }

    /** The source text of a name. */
    write(name: string): string {
        return /^[_a-zA-Z][_a-zA-Z0-9]*$/.test(name) && !this.reserved.has(name.toLowerCase()) ? name : `\`${name}\``;
    }
}
