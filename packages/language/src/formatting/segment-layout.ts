import {
    type BinaryExpr,
    type Declaration,
    type EventDecl,
    type EventProperty,
    type Expression,
    isArithmeticExpr,
    isBinaryExpr,
    isNotExpr,
    isParenExpr,
    type LetField,
    type Model,
    type Schema,
    type SchemaMember,
    type Segment,
    type SegmentSetting,
    type StaticList,
} from '../generated/ast.js';
import { ExpressionPrinter } from './expression-printer.js';
import { type BlankLinePolicy, INDENT, type LayoutLine, LINE_WIDTH } from './layout-line.js';
import type { SourceText } from './source-text.js';

/** One operand of a flattened `and`/`or` or `+`/`-` chain, with the operator before it (none for the first). */
interface ChainLink {
    readonly operator?: string;
    readonly operand: Expression;
}

/** Cuts one document into the {@link LayoutLine}s of its canonical form (comments aside); one instance per document. */
export class SegmentLayout {
    protected readonly lines: LayoutLine[] = [];
    protected readonly expressions: ExpressionPrinter;

    constructor(protected readonly source: SourceText) {
        this.expressions = new ExpressionPrinter(source);
    }

    /** The lines of a whole document: its declarations, separated by one blank line. */
    model(model: Model): LayoutLine[] {
        model.declarations.forEach((declaration, i) => this.declaration(declaration, i === 0 ? 'never' : 'always'));
        return this.lines;
    }

    /** The lines of one declaration. */
    protected declaration(declaration: Declaration, blank: BlankLinePolicy): void {
        switch (declaration.$type) {
            case 'Schema':
                return this.schema(declaration, blank);
            case 'Segment':
                return this.segment(declaration, blank);
            case 'StaticList':
                return this.staticList(declaration, blank);
        }
    }

    /** `schema Name key field {`, one member per line (single blank lines kept), `}`. */
    protected schema(schema: Schema, blank: BlankLinePolicy): void {
        const header = `schema ${this.source.property(schema, 'name')} key ${this.source.property(schema, 'key')} {`;
        this.push(0, header, this.source.first(schema), blank, { opens: true });
        schema.members.forEach((member, i) => this.member(member, i === 0 ? 'never' : 'preserve'));
        this.push(0, '}', this.source.last(schema), 'never', { closes: true });
    }

    /** The line(s) of one schema member. */
    protected member(member: SchemaMember, blank: BlankLinePolicy): void {
        const start = this.source.first(member);
        switch (member.$type) {
            case 'Field':
                return this.push(1, this.typed(member, this.expressions.type(member.type), member.path), start, blank);
            case 'LetField':
                return this.let(member, blank);
            case 'EventDecl':
                return this.event(member, blank);
        }
    }

    /**
     * `let name = value` on one line when it fits in {@link LINE_WIDTH} columns; else `let name =`
     * and the value one level deeper, a `+`/`-` chain (or an `and`/`or` condition) one operand per
     * line with the operator leading.
     */
    protected let(field: LetField, blank: BlankLinePolicy): void {
        const head = `let ${this.source.property(field, 'name')} =`;
        const start = this.source.first(field);
        const oneLine = `${head} ${this.expressions.expression(field.value)}`;
        if (INDENT.length + oneLine.length <= LINE_WIDTH) {
            return this.push(1, oneLine, start, blank);
        }
        this.push(1, head, start, blank, { opens: true });
        if (isBinaryExpr(field.value)) {
            return this.condition(field.value, 2, '', this.source.first(field.value));
        }
        this.sum(field.value).forEach((link, i) => {
            const text = (link.operator ? `${link.operator} ` : '') + this.expressions.expression(link.operand);
            this.push(2, text, i === 0 ? this.source.first(link.operand) : this.source.before(link.operand), 'never');
        });
    }

    /** The terms of a `+`/`-` chain (not looking into parentheses), in source order. */
    protected sum(expression: Expression): ChainLink[] {
        const links: ChainLink[] = [];
        let leftmost = expression;
        for (; isArithmeticExpr(leftmost) && (leftmost.operator === '+' || leftmost.operator === '-'); leftmost = leftmost.left) {
            links.push({ operator: leftmost.operator, operand: leftmost.right });
        }
        return [{ operand: leftmost }, ...links.reverse()];
    }

    /**
     * `event Name { a number, b text }` when it fits in {@link LINE_WIDTH} columns and holds no
     * comment, else one property per line, without commas (like schema fields).
     */
    protected event(event: EventDecl, blank: BlankLinePolicy): void {
        const head = `event ${this.typed(event, undefined, event.path)} {`;
        const properties = event.properties.map((property) => this.typed(property, this.expressions.type(property.type), property.path));
        const start = this.source.first(event);
        const end = this.source.last(event);
        if (properties.length === 0) {
            return this.push(1, `${head}}`, start, blank);
        }
        const oneLine = `${head} ${properties.join(', ')} }`;
        if (INDENT.length + oneLine.length <= LINE_WIDTH && !this.source.hasCommentIn(this.source.keyword(event, '{'), end)) {
            return this.push(1, oneLine, start, blank);
        }
        this.push(1, head, start, blank, { opens: true });
        event.properties.forEach((property, i) => this.push(2, properties[i], this.source.first(property), 'never'));
        this.push(1, '}', end, 'never', { closes: true });
    }

    /** `name type from "path"`, leaving out what is absent. */
    protected typed(node: SchemaMember | EventProperty, type: string | undefined, path: string | undefined): string {
        const parts = [this.source.property(node, 'name')];
        if (type !== undefined) parts.push(type);
        if (path !== undefined) parts.push('from', this.source.property(node, 'path'));
        return parts.join(' ');
    }

    /** `segment name "Title" of Schema {`, the settings in source order, `where`, `exclude`, `}`. */
    protected segment(segment: Segment, blank: BlankLinePolicy): void {
        const header = ['segment', this.source.property(segment, 'name')];
        if (segment.title !== undefined) header.push(this.source.property(segment, 'title'));
        if (segment.schema) header.push('of', this.source.property(segment, 'schema'));
        this.push(0, `${header.join(' ')} {`, this.source.first(segment), blank, { opens: true });
        for (const setting of segment.settings) {
            this.push(1, this.setting(setting), this.source.first(setting), 'never');
        }
        this.clause('where', segment.where);
        if (segment.exclude) this.clause('exclude', segment.exclude);
        this.push(0, '}', this.source.last(segment), 'never', { closes: true });
    }

    /** The text of one segment setting. */
    protected setting(setting: SegmentSetting): string {
        switch (setting.$type) {
            case 'DescriptionSetting':
                return `description ${this.source.property(setting, 'value')}`;
            case 'TimezoneSetting':
                return `timezone ${this.source.property(setting, 'value')}`;
            case 'RefreshSetting':
                return `refresh every ${this.expressions.duration(setting.interval)}`;
        }
    }

    /** `where` or `exclude` alone on its line, the condition one level below. */
    protected clause(keyword: string, condition: Expression): void {
        this.push(1, keyword, this.source.before(condition), 'never', { opens: true });
        this.condition(condition, 2, '', this.source.first(condition));
    }

    /**
     * The lines of a condition: an `and`/`or` chain one operand per line with the operator leading
     * (mixed chains keep their structure); a parenthesised group holding `and`/`or` (possibly
     * under `not`) opens `(` at the end of the line, its content one level deeper, `)` on its own
     * line; anything else is a leaf on one line.
     * @param prefix The text printed before the condition on its first line (`and `, `not `...).
     * @param start The source offset of the first token of that line.
     */
    protected condition(condition: Expression, indent: number, prefix: string, start: number): void {
        if (isBinaryExpr(condition)) {
            this.chain(condition).forEach((link, i) => {
                if (i === 0) this.condition(link.operand, indent, prefix, start);
                else this.condition(link.operand, indent, `${link.operator} `, this.source.before(link.operand));
            });
        } else if (isParenExpr(condition) && this.holdsLogic(condition.inner)) {
            this.push(indent, `${prefix}(`, start, 'never', { opens: true });
            this.condition(condition.inner, indent + 1, '', this.source.first(condition.inner));
            this.push(indent, ')', this.source.last(condition), 'never', { closes: true });
        } else if (isNotExpr(condition) && this.holdsLogic(condition.operand)) {
            this.condition(condition.operand, indent, `${prefix}not `, start);
        } else {
            this.push(indent, prefix + this.expressions.expression(condition), start, 'never');
        }
    }

    /** The operands of an `and`/`or` tree (not looking into parentheses), in source order. */
    protected chain(expression: Expression): ChainLink[] {
        const spine: BinaryExpr[] = [];
        let leftmost = expression;
        for (; isBinaryExpr(leftmost); leftmost = leftmost.left) spine.push(leftmost);
        const links: ChainLink[] = [{ operand: leftmost }];
        for (const binary of spine.reverse()) {
            const [first, ...rest] = this.chain(binary.right);
            links.push({ operand: first.operand, operator: binary.operator }, ...rest);
        }
        return links;
    }

    /** Whether a condition is, or wraps in parentheses or `not`, an `and`/`or`. */
    protected holdsLogic(expression: Expression): boolean {
        if (isBinaryExpr(expression)) return true;
        if (isParenExpr(expression)) return this.holdsLogic(expression.inner);
        if (isNotExpr(expression)) return this.holdsLogic(expression.operand);
        return false;
    }

    /** `list name "Title" of Schema from "file.csv" by field` on one line. */
    protected staticList(list: StaticList, blank: BlankLinePolicy): void {
        const parts = ['list', this.source.property(list, 'name')];
        if (list.title !== undefined) parts.push(this.source.property(list, 'title'));
        if (list.schema) parts.push('of', this.source.property(list, 'schema'));
        parts.push('from', this.source.property(list, 'file'), 'by', this.source.property(list, 'by'));
        this.push(0, parts.join(' '), this.source.first(list), blank);
    }

    /** Adds a line. */
    protected push(indent: number, text: string, start: number, blank: BlankLinePolicy, flags: Pick<LayoutLine, 'opens' | 'closes'> = {}): void {
        this.lines.push({ indent, text, start, blank, ...flags });
    }
}
