import { type BuildOptions, DefaultDocumentBuilder, type LangiumDocument, type ValidationCategory } from 'langium';

/**
 * Langium's document builder with a cheaper answer to "did the last build of this document run
 * every validation category asked for now?". On every change, `update` asks it for every document
 * of the workspace, and Langium's answer looks the document's language services up by URI (URI
 * normalisation, extension parsing) to list all validation categories: with a thousand files, that
 * was about a third of the time a keystroke took before its file was even parsed.
 */
export class SegmentDocumentBuilder extends DefaultDocumentBuilder {
    /**
     * `false` without asking the language's validation registry when the document's last build
     * recorded the validation categories it ran and they include every category that `options`
     * names; Langium's own answer otherwise (no record, or options that ask for all categories).
     */
    protected override resultsAreIncomplete(document: LangiumDocument, options: BuildOptions | undefined): boolean {
        const executed = this.buildState.get(document.uri.toString())?.result?.validationChecks;
        const requested = requestedCategories(options);
        if (executed && requested && requested.every((category) => executed.includes(category))) {
            return false;
        }
        return super.resultsAreIncomplete(document, options);
    }
}

/** The validation categories that build options name explicitly; `undefined` where they mean "all" (or none). */
function requestedCategories(options: BuildOptions | undefined): readonly ValidationCategory[] | undefined {
    const validation = options?.validation;
    return typeof validation === 'object' ? validation.categories : undefined;
}
