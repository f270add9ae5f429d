import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import type { CompletionValueItem } from 'langium/lsp';

/** Escapes a text for a snippet's choice (`${1|a,b|}`). */
function choiceText(text: string): string {
    return text.replace(/[\\$}|,]/g, (c) => `\\${c}`);
}

/**
 * A new segment: name, title, schema (a choice of the project's schemas when it has some) and an
 * empty `where`.
 */
export function segmentSnippet(schemaNames: readonly string[]): CompletionValueItem {
    const schema = schemaNames.length > 0 ? `\${3|${schemaNames.map(choiceText).join(',')}|}` : '${3:Schema}';
    return {
        label: 'segment',
        labelDetails: { description: 'new segment' },
        kind: CompletionItemKind.Snippet,
        detail: 'segment name "Title" of Schema { where ... }',
        insertText: `segment \${1:name} "\${2:Title}" of ${schema} {\n\twhere \${0}\n}`,
        insertTextFormat: InsertTextFormat.Snippet,
        sortText: '0',
    };
}

/** A new schema with its key field. */
export function schemaSnippet(): CompletionValueItem {
    return {
        label: 'schema',
        labelDetails: { description: 'new schema' },
        kind: CompletionItemKind.Snippet,
        detail: 'schema Name key id { ... }',
        insertText: 'schema ${1:Name} key ${2:id} {\n\t${2:id} text\n\t${0}\n}',
        insertTextFormat: InsertTextFormat.Snippet,
        sortText: '0',
    };
}
