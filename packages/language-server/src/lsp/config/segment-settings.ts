import { type ConfigurationProvider, DefaultConfigurationProvider, URI, UriUtils, type WorkspaceManager } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { SegmentConfigOverridesSchema, type SegmentConfigOverrides, type SegmentProjects } from '@segments/language';
import type { SegmentLspServices } from '../../segment-lsp-module.js';
import type { SegmentCodeLensProvider } from '../code-lens/segment-code-lens-provider.js';
import type { SegmentConfigWatcher } from './segment-config-watcher.js';

/** The section of the editor settings of the segment language (`segments.*` in VS Code). */
export const SETTINGS_SECTION = 'segments';

/**
 * The editor settings the server reads, as a client sends the `segments` section. Every value is
 * optional; `null` or an empty string means "not set" (the configuration files decide).
 */
export interface SegmentEditorSettings {
    timezone?: string | null;
    limits?: { maxConditions?: number | null; maxDepth?: number | null } | null;
    preview?: { data?: string | null; events?: string | null } | null;
}

/** Langium's configuration provider, reading the `segments` section rather than one named after the language id (`segment`). */
export class SegmentConfigurationProvider extends DefaultConfigurationProvider {
    protected override toSectionName(): string {
        return SETTINGS_SECTION;
    }
}

/** Settings turned into configuration overrides, with the settings that could not be used. */
export interface SettingsOverrides {
    overrides: SegmentConfigOverrides;
    /** One sentence per setting that was ignored, naming it. */
    problems: string[];
}

/**
 * Turns editor settings into overrides of every project's `segment.config.json`. Relative sample
 * paths resolve against the first workspace folder (as VS Code resolves most path settings); an
 * invalid value is left out and reported, so that one bad setting never hides the others.
 */
export function settingsToOverrides(settings: SegmentEditorSettings | undefined, workspaceFolder: URI | undefined): SettingsOverrides {
    const problems: string[] = [];
    const set = <T>(value: T | null | undefined): T | undefined => (value === null || value === '' ? undefined : (value ?? undefined));
    const path = (name: string, value: string | undefined): string | undefined => {
        if (value === undefined || value.startsWith('/')) return value;
        if (workspaceFolder) return UriUtils.resolvePath(workspaceFolder, value).fsPath;
        problems.push(`segments.${name}: "${value}" is relative, and there is no workspace folder to resolve it against`);
        return undefined;
    };
    const candidate = {
        timezone: set(settings?.timezone),
        limits: { maxConditions: set(settings?.limits?.maxConditions), maxDepth: set(settings?.limits?.maxDepth) },
        preview: { data: path('preview.data', set(settings?.preview?.data)), events: path('preview.events', set(settings?.preview?.events)) },
    };
    const overrides: SegmentConfigOverrides = {};
    const keep = <K extends keyof SegmentConfigOverrides>(key: K, value: SegmentConfigOverrides[K], name: string): void => {
        const result = SegmentConfigOverridesSchema.shape[key].safeParse(value);
        if (result.success) {
            overrides[key] = result.data as SegmentConfigOverrides[K];
        } else {
            problems.push(...result.error.issues.map((issue) => `segments.${[name, ...issue.path].join('.')}: ${issue.message}`));
        }
    };
    if (candidate.timezone !== undefined) keep('timezone', candidate.timezone, 'timezone');
    keep('limits', candidate.limits, 'limits');
    if (candidate.preview.data !== undefined) keep('preview', candidate.preview, 'preview');
    return { overrides, problems };
}

/**
 * Applies the editor's `segments.*` settings (time zone, limits, preview sample) as overrides of
 * the projects' configuration files: once the client's settings are known, and again whenever
 * they change. Diagnostics, hovers and member counts follow at once; settings that cannot be used
 * are shown to the user as a warning.
 */
export class SegmentSettingsWatcher {
    protected readonly configurationProvider: ConfigurationProvider;
    protected readonly projects: SegmentProjects;
    protected readonly workspaceManager: WorkspaceManager;
    protected readonly configWatcher: SegmentConfigWatcher;
    protected readonly codeLenses: SegmentCodeLensProvider;
    protected readonly connection: Connection | undefined;
    protected readonly languageId: string;

    constructor(services: SegmentLspServices) {
        this.configurationProvider = services.shared.workspace.ConfigurationProvider;
        this.projects = services.workspace.Projects;
        this.workspaceManager = services.shared.workspace.WorkspaceManager;
        this.configWatcher = services.config.ConfigWatcher;
        this.codeLenses = services.lsp.CodeLensProvider as SegmentCodeLensProvider;
        this.connection = services.shared.lsp.Connection;
        this.languageId = services.LanguageMetaData.languageId;
        this.configurationProvider.onConfigurationSectionUpdate(({ section, configuration }) => {
            if (section === SETTINGS_SECTION) void this.apply(configuration as SegmentEditorSettings);
        });
        void this.configurationProvider.ready.then(() => this.applyInitialSettings());
    }

    /** Applies settings: replaces the overrides and, when they changed, re-validates the workspace and recounts previews. */
    async apply(settings: SegmentEditorSettings | undefined): Promise<void> {
        const folder = this.workspaceManager.workspaceFolders?.[0];
        const { overrides, problems } = settingsToOverrides(settings, folder ? URI.parse(folder.uri) : undefined);
        if (problems.length) {
            void this.connection?.window.showWarningMessage(`Segments: settings ignored — ${problems.join('; ')}.`);
        }
        if (JSON.stringify(overrides) === JSON.stringify(this.projects.overrides)) return;
        this.projects.setOverrides(overrides);
        await this.workspaceManager.ready;
        await this.configWatcher.revalidateWorkspace();
        this.codeLenses.resetCounts();
    }

    protected async applyInitialSettings(): Promise<void> {
        const read = (key: keyof SegmentEditorSettings) => this.configurationProvider.getConfiguration(this.languageId, key);
        const [timezone, limits, preview] = await Promise.all([read('timezone'), read('limits'), read('preview')]);
        await this.apply({ timezone, limits, preview });
    }
}
