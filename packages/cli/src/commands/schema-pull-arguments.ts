import { UsageError } from '../cli-error.js';

/** The CRMs `segment schema pull` reads. */
export const schemaSources = ['hubspot'] as const;

/** A CRM `segment schema pull` reads. */
export type SchemaSource = (typeof schemaSources)[number];

/** `segment schema pull hubspot [--token-env NAME | --token T] [--base-url URL] [--name NAME] [--out FILE] [--include-hidden]`. */
export interface SchemaPullArguments {
    readonly command: 'schema';
    readonly source: SchemaSource;
    /** The access token given on the command line. */
    readonly token?: string;
    /** The environment variable holding the token when `token` is not given. */
    readonly tokenEnv: string;
    /** The API's base URL; HubSpot's own when absent. */
    readonly baseUrl?: string;
    /** The schema's name. */
    readonly name: string;
    /** Where to write the schema; stdout when absent. */
    readonly out?: string;
    readonly includeHidden: boolean;
}

/** The environment variable `segment schema pull hubspot` reads the token from by default. */
export const DEFAULT_TOKEN_ENV = 'HUBSPOT_TOKEN';

/** The usage text of `segment schema`. */
export const schemaPullUsage = `Usage: segment schema pull hubspot [options]

Writes a .segment schema from the contact property metadata of a HubSpot account: one field per
property, typed from the property's type, enumeration options as \`one of\`, multiple checkboxes as
\`list of text\`, labels and descriptions as doc comments, keyed by hs_object_id.

Options:
  --token-env <name>      The environment variable holding the private-app token (default HUBSPOT_TOKEN)
  --token <token>         The token itself (prefer --token-env: a command line is visible to others)
  --base-url <url>        The API's base URL (default https://api.hubapi.com)
  --name <name>           The schema's name (default Contact)
  -o, --out <file>        Write the schema to this file (default: stdout)
  --include-hidden        Also write the properties HubSpot marks hidden
  -h, --help              Show this help
`;

/** The options of `segment schema`. */
export const schemaPullOptions = {
    help: { type: 'boolean', short: 'h' },
    'token-env': { type: 'string' },
    token: { type: 'string' },
    'base-url': { type: 'string' },
    name: { type: 'string' },
    out: { type: 'string', short: 'o' },
    'include-hidden': { type: 'boolean' },
} as const;

/** Understands the positionals and options of `segment schema`. */
export function schemaPullArguments(positionals: readonly string[], values: Record<string, string | boolean | string[] | undefined>, usage: string): SchemaPullArguments {
    const [action, source, ...extra] = positionals;
    if (action !== 'pull') {
        throw new UsageError(action === undefined ? 'schema needs an action: pull' : `unknown schema action '${action}' (expected pull)`, usage);
    }
    const known = schemaSources.find((name) => name === source);
    if (!known) {
        throw new UsageError(source === undefined ? 'schema pull needs a source: hubspot' : `unknown schema source '${source}' (expected ${schemaSources.join(', ')})`, usage);
    }
    if (extra.length > 0) {
        throw new UsageError(`unexpected argument '${extra[0]}'`, usage);
    }
    const text = (option: string): string | undefined => (typeof values[option] === 'string' ? (values[option] as string) : undefined);
    const token = text('token');
    const baseUrl = text('base-url');
    const out = text('out');
    return {
        command: 'schema',
        source: known,
        ...(token === undefined ? {} : { token }),
        tokenEnv: text('token-env') ?? DEFAULT_TOKEN_ENV,
        ...(baseUrl === undefined ? {} : { baseUrl }),
        name: text('name') ?? 'Contact',
        ...(out === undefined ? {} : { out }),
        includeHidden: values['include-hidden'] === true,
    };
}
