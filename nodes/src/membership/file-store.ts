import { createHash } from 'node:crypto';
import { readSnapshotInfo } from '@segments/engine';
import { MembershipStoreError, storeFailure, type MembershipStore } from './membership-store.js';
import { packSnapshot, unpackSnapshot } from './stored-snapshot.js';

/** The format tag of a pointer this store writes. */
export const STATE_FILE_POINTER_FORMAT = 'segments-membership-file/1';

/**
 * The file operations the store needs: n8n's file system helpers (`this.helpers` of an execute
 * context), with n8n's own access rules (`N8N_RESTRICT_FILE_ACCESS_TO`,
 * `N8N_BLOCK_FILE_ACCESS_TO_N8N_FILES`, no symbolic links).
 */
export interface StateFileSystem {
    /** The real path of a file or folder (its folder must exist). */
    resolvePath(path: string): Promise<string>;
    /** Whether n8n's rules forbid the resolved path. */
    isFilePathBlocked(path: string): boolean;
    /** Creates the folder of the resolved path, and missing ancestors. */
    ensureParentDirectoryWithoutFollowingSymlinks(path: string): Promise<void>;
    /** Creates or truncates the file at the resolved path and writes `content` to it. */
    writeContentToFile(path: string, content: Buffer): Promise<void>;
    /** Opens the file at the resolved path for reading. */
    createReadStream(path: string): Promise<AsyncIterable<Uint8Array | string>>;
}

/** Which of a key's two state files holds the committed snapshot, and how to recognise it. */
export interface StateFilePointer {
    /** {@link STATE_FILE_POINTER_FORMAT}. */
    readonly format: string;
    /** The committed slot: the other one is free to be overwritten by the next save. */
    readonly slot: 'a' | 'b';
    /** The file's name inside the folder. */
    readonly file: string;
    /** Its exact length. */
    readonly bytes: number;
    /** Its SHA-256, hex. */
    readonly sha256: string;
    /** How many members the snapshot holds (informative). */
    readonly members: number;
}

/** Options of {@link FileMembershipStore}. */
export interface FileStoreOptions {
    /** The folder of the state files (absolute; created when missing, under n8n's file access rules). */
    readonly folder: string;
    /** Tells this store's files from those of other workflows and nodes sharing the folder (e.g. workflow id and node id). */
    readonly namespace: string;
    /** Where the pointers live: the node's workflow static data. */
    readonly pointers: Record<string, unknown>;
}

/**
 * Keeps large memberships in files, two per key (slots `a` and `b`), and only a small pointer to
 * the committed one in workflow static data. A save writes the slot the pointer does *not* name
 * and then moves the pointer, so the committed file is never overwritten: if the execution fails,
 * or n8n stops, before the pointer is saved, the previous state is intact. The pointer records the
 * file's length and SHA-256, so a file changed behind the workflow's back (another workflow or a
 * concurrent execution writing the same slot) is refused, never read as a different membership.
 */
export class FileMembershipStore implements MembershipStore {
    private readonly folder: string;

    constructor(
        private readonly files: StateFileSystem,
        private readonly options: FileStoreOptions,
    ) {
        this.folder = options.folder.replace(/[\\/]+$/, '');
    }

    async load(key: string): Promise<Uint8Array | undefined> {
        const pointer = this.options.pointers[key];
        if (pointer === undefined) return undefined;
        if (!isPointer(pointer)) {
            throw new MembershipStoreError(`The stored membership "${key}" in workflow static data is not a state file pointer this node wrote.`);
        }
        const path = await this.allowedPath(pointer.file);
        const stored = await this.read(path);
        if (stored.length !== pointer.bytes || sha256(stored) !== pointer.sha256) {
            throw new MembershipStoreError(
                `The state file ${path} is not the one this workflow saved (${stored.length} bytes, expected ${pointer.bytes}, or different content). ` +
                    'Another workflow or a concurrent execution may write the same state: give each Segment Membership node its own folder or segment name.',
            );
        }
        return await unpackSnapshot(stored).catch(storeFailure(`The state file ${path} is unreadable`));
    }

    async save(key: string, snapshot: Uint8Array): Promise<void> {
        const members = readSnapshotInfo(snapshot).count;
        const previous = this.options.pointers[key];
        const slot = isPointer(previous) && previous.slot === 'a' ? 'b' : 'a';
        const file = `${this.baseName(key)}.${slot}.sgmz`;
        const stored = await packSnapshot(snapshot);
        const path = await this.allowedPath(file);
        await this.files.ensureParentDirectoryWithoutFollowingSymlinks(path).catch(storeFailure(`Cannot create the state folder ${this.folder}`, FOLDER_HINT));
        await this.files.writeContentToFile(path, Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength)).catch(storeFailure(`Cannot write the state file ${path}`, FOLDER_HINT));
        const pointer: StateFilePointer = { format: STATE_FILE_POINTER_FORMAT, slot, file, bytes: stored.length, sha256: sha256(stored), members };
        this.options.pointers[key] = pointer;
    }

    /** The real path of a state file, if n8n allows it (the folder's parent must exist). */
    private async allowedPath(file: string): Promise<string> {
        const folder = await this.files.resolvePath(this.folder).catch(storeFailure(`Cannot find the state folder ${this.folder}`, FOLDER_HINT));
        const path = `${folder}/${file}`;
        if (this.files.isFilePathBlocked(path)) throw new MembershipStoreError(`n8n may not access the state file ${path}. ${FOLDER_HINT}`);
        return path;
    }

    private async read(path: string): Promise<Uint8Array> {
        const readAll = async () => {
            const chunks: Uint8Array[] = [];
            for await (const chunk of await this.files.createReadStream(path)) {
                chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'binary') : chunk);
            }
            return Buffer.concat(chunks);
        };
        return await readAll().catch(storeFailure(`Cannot read the state file ${path}`, FOLDER_HINT));
    }

    /** A file name for the key: readable, and unique per namespace and key. */
    private baseName(key: string): string {
        const slug = key.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40);
        const digest = sha256(Buffer.from(`${this.options.namespace}\u0000${key}`));
        return `${slug || 'state'}-${digest.slice(0, 24)}`;
    }
}

const FOLDER_HINT = 'The state folder must be allowed by N8N_RESTRICT_FILE_ACCESS_TO (and not be inside the n8n folder), and its parent must exist.';

function isPointer(value: unknown): value is StateFilePointer {
    if (typeof value !== 'object' || value === null) return false;
    const pointer = value as Partial<StateFilePointer>;
    return (
        pointer.format === STATE_FILE_POINTER_FORMAT &&
        (pointer.slot === 'a' || pointer.slot === 'b') &&
        typeof pointer.file === 'string' &&
        typeof pointer.bytes === 'number' &&
        typeof pointer.sha256 === 'string'
    );
}

/** The SHA-256 of the bytes, hex (`node:crypto` is one of the modules n8n allows community nodes). */
function sha256(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('hex');
}
