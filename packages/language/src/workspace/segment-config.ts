import { IANAZone } from 'luxon';
import { z } from 'zod/v4';
import { lintCodes } from '../validation/segment-diagnostic-codes.js';

/** The file name of a project's configuration; its folder is the project's root. */
export const CONFIG_FILE_NAME = 'segment.config.json';

const severitySetting = z.enum(['error', 'warning', 'info', 'off']);

const ianaZone = z.string().refine((zone) => IANAZone.isValidZone(zone), { message: 'not a known IANA time zone' });

/**
 * The shape of `segment.config.json`, validated with zod. `segment.config.schema.json` (published
 * in this package's `schemas/` folder) is generated from it so that editors can complete the file.
 */
export const SegmentConfigSchema = z
    .object({
        $schema: z.string().optional().describe('The JSON Schema of this file, for editors.'),
        timezone: ianaZone
            .default('UTC')
            .describe('Time zone of segments that do not declare one (an IANA name such as "Europe/Paris").'),
        limits: z
            .object({
                maxConditions: z
                    .number()
                    .int()
                    .positive()
                    .default(20)
                    .describe('Most conditions (leaves) one segment may have before `too-many-conditions`.'),
                maxDepth: z
                    .number()
                    .int()
                    .positive()
                    .default(5)
                    .describe('Deepest nesting one segment may have before `too-deep`; `where` and `exclude` are level 1.'),
            })
            .strict()
            .prefault({})
            .describe('Limits on the size of a segment.'),
        severity: z
            .partialRecord(z.enum(lintCodes), severitySetting)
            .default({})
            .describe('Severity of each lint: "error", "warning", "info" or "off".'),
        preview: z
            .object({
                data: z.string().min(1).describe('Sample records (.ndjson, .json or .csv), relative to this file: editors show member counts and previews on it.'),
                events: z.string().min(1).optional().describe('Events of the sample records (.ndjson), relative to this file, when they are not embedded.'),
                now: z
                    .string()
                    .refine((text) => !Number.isNaN(Date.parse(text)), { message: 'not an ISO-8601 instant' })
                    .optional()
                    .describe('The evaluation instant of previews (an ISO-8601 instant); by default the current time.'),
            })
            .strict()
            .optional()
            .describe('Sample data for member counts and previews in editors.'),
    })
    .strict()
    .describe('Configuration of a segment project: the folder holding this file and its sub-folders.');

/** A validated configuration, with every default filled in. */
export type SegmentConfig = z.output<typeof SegmentConfigSchema>;

/** The configuration of a project without a `segment.config.json`. */
export const defaultSegmentConfig: SegmentConfig = SegmentConfigSchema.parse({});

/** A problem with a configuration file: it cannot be read, is not JSON, or does not match the schema. */
export class SegmentConfigError extends Error {
    constructor(
        readonly file: string,
        readonly problems: readonly string[],
    ) {
        super(`${file}: invalid configuration\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        this.name = 'SegmentConfigError';
    }
}

/** Parses the text of a configuration file, throwing a {@link SegmentConfigError} with every problem. */
export function parseSegmentConfig(text: string, file: string): SegmentConfig {
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (error) {
        throw new SegmentConfigError(file, [`not valid JSON: ${(error as Error).message}`]);
    }
    const result = SegmentConfigSchema.safeParse(json);
    if (!result.success) {
        throw new SegmentConfigError(
            file,
            result.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') + ': ' : ''}${issue.message}`),
        );
    }
    return result.data;
}

/** The JSON Schema of `segment.config.json`, generated from {@link SegmentConfigSchema}. */
export function segmentConfigJsonSchema(): Record<string, unknown> {
    return {
        ...z.toJSONSchema(SegmentConfigSchema, { io: 'input' }),
        $id: 'https://segments-as-code.dev/schemas/segment.config.schema.json',
        title: 'segment.config.json',
    };
}

/**
 * Settings of a host (an editor's settings, a command's flags) that take precedence over every
 * project's `segment.config.json`: the time zone, the limits and the preview sample. Paths must be
 * absolute (the host resolves relative ones against its own base, such as a workspace folder).
 */
export const SegmentConfigOverridesSchema = z
    .object({
        timezone: ianaZone.optional(),
        limits: z
            .object({
                maxConditions: z.number().int().positive().optional(),
                maxDepth: z.number().int().positive().optional(),
            })
            .strict()
            .optional(),
        preview: z
            .object({
                data: z.string().min(1).optional(),
                events: z.string().min(1).optional(),
            })
            .strict()
            .optional(),
    })
    .strict();

/** Overrides of the configuration files, see {@link SegmentConfigOverridesSchema}. */
export type SegmentConfigOverrides = z.output<typeof SegmentConfigOverridesSchema>;

/**
 * The configuration in force once a host's overrides apply: each override replaces the file's
 * value (or the default); a preview `data` override replaces the file's whole sample (its events
 * come from the override, or from the records themselves).
 */
export function applyConfigOverrides(config: SegmentConfig, overrides: SegmentConfigOverrides): SegmentConfig {
    const preview = overrides.preview?.data
        ? { data: overrides.preview.data, events: overrides.preview.events, now: config.preview?.now }
        : config.preview;
    return {
        ...config,
        timezone: overrides.timezone ?? config.timezone,
        limits: {
            maxConditions: overrides.limits?.maxConditions ?? config.limits.maxConditions,
            maxDepth: overrides.limits?.maxDepth ?? config.limits.maxDepth,
        },
        preview,
    };
}
