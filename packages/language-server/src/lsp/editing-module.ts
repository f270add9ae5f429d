import type { Module } from 'langium';
import type { PartialLangiumServices } from 'langium/lsp';
import type { SegmentLspServices } from '../segment-lsp-module.js';
import { SegmentCompletionProvider } from './completion/segment-completion-provider.js';
import { SegmentHoverProvider } from './hover/segment-hover-provider.js';
import { SegmentSignatureHelpProvider } from './signature/segment-signature-help-provider.js';

/**
 * Services of completion, hover and signature help. They replace Langium's providers of the same
 * name (`lsp.CompletionProvider`, `lsp.HoverProvider`, `lsp.SignatureHelp`) and add none.
 */
export type SegmentEditingServices = object;

/** Completion, hover and signature help of the segment language. */
export const SegmentEditingModule: Module<SegmentLspServices, PartialLangiumServices & SegmentEditingServices> = {
    lsp: {
        CompletionProvider: (services) => new SegmentCompletionProvider(services),
        HoverProvider: (services) => new SegmentHoverProvider(services),
        SignatureHelp: (services) => new SegmentSignatureHelpProvider(services),
    },
};
