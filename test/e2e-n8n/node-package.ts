/**
 * The node pack as n8n gets it: `npm pack` of nodes/ (what the registry would serve), unpacked
 * where n8n looks for community packages, or anywhere for N8N_CUSTOM_EXTENSIONS.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The `n8n` field of the package's package.json: the built files n8n loads. */
interface PackageManifest {
    readonly name: string;
    readonly version: string;
    readonly n8n?: { readonly nodes?: readonly string[]; readonly credentials?: readonly string[] };
}

function run(command: string, args: string[], cwd: string): string {
    const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited with ${result.status ?? result.signal}:\n${result.stderr}`);
    return result.stdout;
}

/** Reads the package's manifest and checks that every file of its `n8n` field is built. */
export function readManifest(packageDir: string): PackageManifest {
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as PackageManifest;
    const files = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
    if (files.length === 0) throw new Error(`${packageDir}/package.json lists no n8n nodes`);
    const missing = files.filter((file) => !existsSync(join(packageDir, file)));
    if (missing.length > 0) throw new Error(`the node pack is not built (missing ${missing.join(', ')}): run \`npm run build\` in ${packageDir}`);
    return manifest;
}

/** `npm pack` of the package into `destination`; returns the tarball's path. */
export function packPackage(packageDir: string, destination: string): string {
    mkdirSync(destination, { recursive: true });
    const output = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], packageDir);
    const [packed] = JSON.parse(output.slice(output.indexOf('['))) as Array<{ filename: string }>;
    if (packed === undefined) throw new Error('npm pack made no tarball');
    return join(destination, packed.filename);
}

/** Unpacks a package tarball into `folder` (its package.json directly in it). */
export function unpack(tarball: string, folder: string): string {
    mkdirSync(folder, { recursive: true });
    run('tar', ['-xzf', tarball, '-C', folder, '--strip-components=1'], folder);
    return folder;
}

/**
 * Installs the tarball as a community package of the n8n whose user folder is `userFolder`:
 * `<userFolder>/.n8n/nodes/node_modules/<name>`, where n8n's community-package installer puts
 * packages and where n8n loads them from at start, under their package name
 * (`n8n-nodes-segments.segment`).
 */
export function installCommunityPackage(tarball: string, userFolder: string, name: string): string {
    return unpack(tarball, join(userFolder, '.n8n/nodes/node_modules', name));
}
