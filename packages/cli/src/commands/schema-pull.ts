import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { createHubSpotClient, HubSpotApiError, hubspotSchemaFromProperties, type HubSpotClientOptions } from '@segments/connectors';
import { CliError, ExitCode } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import type { SchemaPullArguments } from './schema-pull-arguments.js';

/** How `schema pull` reaches HubSpot, beside the token and base URL: injectable so tests need not wait between retries. */
export type HubSpotConnection = Omit<HubSpotClientOptions, 'accessToken' | 'baseUrl'>;

/**
 * `segment schema pull hubspot`: reads the account's contact property metadata and writes a
 * `.segment` schema (to `--out` or stdout). What it wrote and what it skipped go to stderr.
 */
export async function runSchemaPull(args: SchemaPullArguments, io: CliIo, connection: HubSpotConnection = {}): Promise<ExitCode> {
    const accessToken = args.token ?? io.env[args.tokenEnv];
    if (!accessToken) {
        throw new CliError(`no HubSpot token: set ${args.tokenEnv} to a private-app access token (with the crm.schemas.contacts.read scope), or pass --token-env NAME`);
    }
    const client = createHubSpotClient({ ...connection, accessToken, ...(args.baseUrl === undefined ? {} : { baseUrl: args.baseUrl }) });
    let properties;
    try {
        properties = await client.listContactProperties();
    } catch (error) {
        if (error instanceof HubSpotApiError) {
            throw new CliError(`HubSpot did not give the contact properties: ${error.message}`);
        }
        throw error;
    }
    let schema;
    try {
        schema = hubspotSchemaFromProperties(properties, { name: args.name, includeHidden: args.includeHidden });
    } catch (error) {
        throw new CliError(error instanceof Error ? error.message : String(error));
    }
    if (args.out === undefined) {
        io.stdout.write(schema.text);
    } else {
        try {
            await writeFile(path.resolve(io.cwd, args.out), schema.text, 'utf8');
        } catch (error) {
            throw new CliError(`cannot write ${args.out}: ${error instanceof Error ? error.message : String(error)}`);
        }
    }
    const hidden = schema.skipped.filter((skip) => skip.reason === 'hidden').length;
    const unusable = schema.skipped.filter((skip) => skip.reason === 'unusable-name').map((skip) => skip.name);
    const notes = [
        ...(hidden > 0 ? [`${hidden} hidden propert${hidden === 1 ? 'y' : 'ies'} skipped (--include-hidden writes them)`] : []),
        ...(unusable.length > 0 ? [`skipped for their names: ${unusable.join(', ')}`] : []),
    ];
    io.stderr.write(`Schema ${args.name}: ${schema.fields.length} fields${args.out === undefined ? '' : ` written to ${args.out}`}${notes.length > 0 ? `; ${notes.join('; ')}` : ''}\n`);
    return ExitCode.Ok;
}
