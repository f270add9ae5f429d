import { EmptyFileSystem, type FileSystemNode, type FileSystemProvider, type LangiumDocument, URI, UriUtils } from 'langium';
import type { Model } from '@segments/language';
import { createSegmentLspServices, type SegmentLspServices } from '../src/segment-lsp-module.js';

/**
 * A read-only file system held in memory, so tests can give a project its `segment.config.json`
 * and list files without touching the disk. Paths are absolute (`/project/a.segment`).
 */
export class InMemoryFileSystem implements FileSystemProvider {
    constructor(readonly files: Record<string, string>) {}

    protected isFile(uri: URI): boolean {
        return Object.hasOwn(this.files, uri.path);
    }

    protected isDirectory(uri: URI): boolean {
        const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
        return Object.keys(this.files).some((path) => path.startsWith(prefix));
    }

    stat(uri: URI): Promise<FileSystemNode> {
        return Promise.resolve(this.statSync(uri));
    }
    statSync(uri: URI): FileSystemNode {
        if (!this.isFile(uri) && !this.isDirectory(uri)) throw new Error(`ENOENT: ${uri.path}`);
        return { uri, isFile: this.isFile(uri), isDirectory: this.isDirectory(uri) };
    }
    exists(uri: URI): Promise<boolean> {
        return Promise.resolve(this.existsSync(uri));
    }
    existsSync(uri: URI): boolean {
        return this.isFile(uri) || this.isDirectory(uri);
    }
    readBinary(uri: URI): Promise<Uint8Array> {
        return Promise.resolve(this.readBinarySync(uri));
    }
    readBinarySync(uri: URI): Uint8Array {
        return new TextEncoder().encode(this.readFileSync(uri));
    }
    readFile(uri: URI): Promise<string> {
        return Promise.resolve(this.readFileSync(uri));
    }
    readFileSync(uri: URI): string {
        const text = this.files[uri.path];
        if (text === undefined) throw new Error(`ENOENT: ${uri.path}`);
        return text;
    }
    readDirectory(uri: URI): Promise<FileSystemNode[]> {
        return Promise.resolve(this.readDirectorySync(uri));
    }
    readDirectorySync(uri: URI): FileSystemNode[] {
        const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
        const names = new Set(
            Object.keys(this.files)
                .filter((path) => path.startsWith(prefix))
                .map((path) => path.slice(prefix.length).split('/')[0]),
        );
        return [...names].map((name) => this.statSync(UriUtils.joinPath(uri, name)));
    }
}

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
