import { EmptyFileSystem, type LangiumDocument, URI } from 'langium';
import { InMemoryFileSystem, type Model } from '@segments/language';

export { InMemoryFileSystem };
import { createSegmentLspServices, type SegmentLspServices } from '../src/segment-lsp-module.js';


/** The schema most tests use: the specification's `Contact`, with a `one of` field, list fields, a `let` and events. */
export const CONTACT_SCHEMA = `
/** Contacts synced from the CRM. */
schema Contact key id {
  id text
  email text
  first_name text
  /** The contact's date of birth. */
  birthday date
  country text
  tags list of text
  scores list of number
  /** Loyalty tier. */
  tier one of ("Bronze", "Silver", "Gold")
  visits number
  /** Revenue so far, in dollars. */
  total_spent number from "properties.total_revenue"
  last_visit datetime
  subscribed_at datetime
  welcome_email_sent boolean

  /** Spend per visit. */
  let average_order_value = total_spent / visits

  /** A completed order. */
  event Purchased { amount number, product text }
  event EmailOpened { campaign text }
}
`;

/** A second file of the project: segments and a static list over {@link CONTACT_SCHEMA}. */
export const AUDIENCES = `
list vip "VIP Customers" of Contact from "lists/vip.csv" by email

/** Most active subscribers. */
segment highly_engaged "Highly Engaged" of Contact {
  description "Opened 5+ emails in the last 30 days"
  where count(EmailOpened within last 30 days) >= 5
}

segment big_spenders "Big Spenders" of Contact {
  where total_spent > 1000
}
`;

/**
 * Creates the language server's services over an in-memory project (or an empty file system) and
 * builds the given `.segment` files into its workspace, so a test document can refer to them.
 */
export async function createTestServices(files: Record<string, string> = {}): Promise<{ services: SegmentLspServices; documents: Map<string, LangiumDocument<Model>> }> {
    const context = Object.keys(files).length > 0 ? { fileSystemProvider: () => new InMemoryFileSystem(files) } : EmptyFileSystem;
    const { shared, Segment } = createSegmentLspServices(context);
    const documents = new Map<string, LangiumDocument<Model>>();
    for (const [path, text] of Object.entries(files)) {
        if (!path.endsWith('.segment')) continue;
        const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.file(path));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.set(path, document);
    }
    await shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    return { services: Segment, documents };
}

/** Applies LSP text edits (non-overlapping, in any order) to a text. */
export function applyTextEdits(text: string, edits: ReadonlyArray<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>): string {
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
    const offset = (p: { line: number; character: number }) => (p.line >= lineStarts.length ? text.length : Math.min(lineStarts[p.line] + p.character, text.length));
    const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
    let result = text;
    for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
    return result;
}
