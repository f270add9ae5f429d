import { type LangiumDocument, URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Model } from '../src/generated/ast.js';
import { createSegmentServices, type SegmentServices } from '../src/segment-module.js';
import { InMemoryFileSystem } from '../src/workspace/in-memory-file-system.js';

export { InMemoryFileSystem };

/** A built project: its documents by path, and the services that built them. */
export interface TestProject {
    services: SegmentServices;
    documents: Map<string, LangiumDocument<Model>>;
    /** The diagnostics of one file (by path). */
    diagnostics(path: string): Diagnostic[];
    /** The codes of the diagnostics of one file, in order. */
    codes(path: string): string[];
}

/**
 * Builds every `.segment` file of an in-memory project (other files, such as a
 * `segment.config.json` or a list's CSV, are only visible through the file system).
 */
export async function buildProject(files: Record<string, string>): Promise<TestProject> {
    const { shared, Segment } = createSegmentServices({ fileSystemProvider: () => new InMemoryFileSystem(files) });
    const documents = new Map<string, LangiumDocument<Model>>();
    for (const [path, text] of Object.entries(files)) {
        if (!path.endsWith('.segment')) continue;
        const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.file(path));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.set(path, document);
    }
    await shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    const diagnostics = (path: string): Diagnostic[] => {
        const document = documents.get(path);
        if (!document) throw new Error(`no document ${path}`);
        return document.diagnostics ?? [];
    };
    return {
        services: Segment,
        documents,
        diagnostics,
        codes: (path) => diagnostics(path).map((d) => String(d.code)),
    };
}

/** The schema most tests use: the specification's `Contact`. */
export const CONTACT_SCHEMA = `
/** Contacts synced from the CRM. */
schema Contact key id {
  id text
  email text
  first_name text
  birthday date
  country text
  state text
  job_title text
  tags list of text
  scores list of number
  tier one of ("Bronze", "Silver", "Gold")
  lifetime_points number
  visits number
  total_spent number from "properties.total_revenue"
  first_visit datetime
  last_visit datetime
  last_purchase datetime
  subscribed_at datetime
  welcome_email_sent boolean

  let average_order_value = total_spent / visits

  event Purchased { amount number, product text }
  event EmailOpened { campaign text }
  event EmailClicked { campaign text, url text }
  event PageViewed { url text, seconds number }
}
`;

/** Builds a project of the {@link CONTACT_SCHEMA} and one more file, and returns that file's diagnostics. */
export async function checkWithContact(text: string, extra: Record<string, string> = {}): Promise<{ project: TestProject; diagnostics: Diagnostic[]; codes: string[] }> {
    const project = await buildProject({ '/p/contact.segment': CONTACT_SCHEMA, '/p/test.segment': text, ...extra });
    return { project, diagnostics: project.diagnostics('/p/test.segment'), codes: project.codes('/p/test.segment') };
}
