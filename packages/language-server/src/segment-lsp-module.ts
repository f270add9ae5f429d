import { inject, type Module } from 'langium';
import { createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices } from 'langium/lsp';
import { registerValidationChecks, type SegmentAddedServices, SegmentModule, SegmentsGeneratedModule, SegmentsGeneratedSharedModule } from '@segments/language';
import { type SegmentEditingServices, SegmentEditingModule } from './lsp/editing-module.js';
import { SegmentNodeKindProvider } from './lsp/symbols/segment-node-kind-provider.js';
import { SegmentDocumentBuilder } from './lsp/workspace/segment-document-builder.js';
import { SegmentConfigurationProvider } from './lsp/config/segment-settings.js';
import { type SegmentToolingServices, SegmentToolingModule } from './lsp/tooling-module.js';

/**
 * Shared (language-independent) LSP services: symbol kinds for the outline, workspace symbols and
 * completion items; a document builder that keeps the bookkeeping of each change cheap in large
 * workspaces; the editor settings read from the `segments` section.
 */
export const SegmentSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        NodeKindProvider: () => new SegmentNodeKindProvider(),
    },
    workspace: {
        DocumentBuilder: (services) => new SegmentDocumentBuilder(services),
        ConfigurationProvider: (services) => new SegmentConfigurationProvider(services),
    },
};

/** Every service of the segment language in an editor: the language core's, Langium's LSP services, and ours. */
export type SegmentLspServices = LangiumServices & SegmentAddedServices & SegmentEditingServices & SegmentToolingServices;

/**
 * Creates the services of the language server: the same language core as the CLI and the n8n
 * nodes (`SegmentModule`), with Langium's LSP services and the editor features of this package:
 * completion, hover and signature help ({@link SegmentEditingModule}); quick fixes, code lenses,
 * formatting, semantic tokens and configuration reloads ({@link SegmentToolingModule}).
 */
export function createSegmentLspServices(context: DefaultSharedModuleContext): {
    shared: LangiumSharedServices;
    Segment: SegmentLspServices;
} {
    const shared = inject(createDefaultSharedModule(context), SegmentsGeneratedSharedModule, SegmentSharedLspModule);
    const Segment = inject(
        createDefaultModule({ shared }),
        SegmentsGeneratedModule,
        SegmentModule as unknown as Module<SegmentLspServices, PartialLangiumServices & SegmentAddedServices>,
        SegmentEditingModule,
        SegmentToolingModule,
    );
    shared.ServiceRegistry.register(Segment);
    registerValidationChecks(Segment);
    return { shared, Segment };
}
