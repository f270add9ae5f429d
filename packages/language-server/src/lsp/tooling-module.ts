import type { Module } from 'langium';
import type { PartialLangiumServices } from 'langium/lsp';
import type { SegmentLspServices } from '../segment-lsp-module.js';
import { SegmentCodeActionProvider } from './code-actions/segment-code-action-provider.js';
import { SegmentCodeLensProvider } from './code-lens/segment-code-lens-provider.js';
import { SegmentPreviewCounter } from './code-lens/segment-preview-counter.js';
import { SegmentConfigEditor } from './config/segment-config-editor.js';
import { SegmentConfigWatcher } from './config/segment-config-watcher.js';
import { SegmentSettingsWatcher } from './config/segment-settings.js';
import { SegmentFormatter } from './formatting/segment-formatter.js';
import { SegmentSemanticTokenProvider } from './semantic-tokens/segment-semantic-token-provider.js';
import { SegmentDocumentSymbolProvider } from './symbols/segment-document-symbol-provider.js';
import { SegmentFoldingRangeProvider } from './symbols/segment-folding-range-provider.js';

/** Services of quick fixes, code lenses, formatting, semantic tokens and configuration. */
export interface SegmentToolingServices {
    config: {
        /** Writes `segment.config.json` for quick fixes. */
        ConfigEditor: SegmentConfigEditor;
        /** Re-validates the workspace when a `segment.config.json` changes. */
        ConfigWatcher: SegmentConfigWatcher;
        /** Applies the editor's `segments.*` settings as overrides of the configuration files. */
        SettingsWatcher: SegmentSettingsWatcher;
    };
    preview: {
        /** Counts the members of segments on the project's sample data. */
        PreviewCounter: SegmentPreviewCounter;
    };
}

/**
 * Quick fixes keyed on diagnostic codes, member-count lenses, the canonical formatter, semantic
 * highlighting, the outline and folding, and the reload of `segment.config.json`.
 */
export const SegmentToolingModule: Module<SegmentLspServices, PartialLangiumServices & SegmentToolingServices> = {
    lsp: {
        CodeActionProvider: (services) => new SegmentCodeActionProvider(services),
        CodeLensProvider: (services) => new SegmentCodeLensProvider(services),
        Formatter: (services) => new SegmentFormatter(services),
        SemanticTokenProvider: (services) => new SegmentSemanticTokenProvider(services),
        DocumentSymbolProvider: (services) => new SegmentDocumentSymbolProvider(services),
        FoldingRangeProvider: (services) => new SegmentFoldingRangeProvider(services),
    },
    config: {
        ConfigEditor: (services) => new SegmentConfigEditor(services),
        ConfigWatcher: (services) => new SegmentConfigWatcher(services),
        SettingsWatcher: (services) => new SegmentSettingsWatcher(services),
    },
    preview: {
        PreviewCounter: (services) => new SegmentPreviewCounter(services),
    },
};
