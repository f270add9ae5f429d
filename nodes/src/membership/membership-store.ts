/**
 * Where a node remembers a segment's membership between executions: one engine snapshot
 * (`encodeSnapshot` of `@segments/engine`, uncompressed) per key. Implementations compress and
 * verify what they store; a store never turns unreadable state into "no state" (that would emit
 * every member as exited, or take a first-run baseline over real history): it raises
 * {@link MembershipStoreError} instead.
 */
export interface MembershipStore {
    /** The snapshot saved under `key`, or undefined when nothing was ever saved there (a first run). */
    load(key: string): Promise<Uint8Array | undefined>;
    /** Replaces the snapshot saved under `key`. Call it last, once everything else of the run succeeded. */
    save(key: string, snapshot: Uint8Array): Promise<void>;
}

/** Stored state that cannot be read or written; the message says what to do about it. */
export class MembershipStoreError extends Error {
    constructor(message: string, options?: { cause?: unknown }) {
        super(message, options);
        this.name = 'MembershipStoreError';
    }
}

/** The message of an error, or its text. */
export function messageOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

/**
 * A rejection handler that raises a {@link MembershipStoreError}: `what` failed, with the cause's
 * message and an optional hint (`promise.catch(storeFailure('Cannot read ...'))`).
 */
export function storeFailure(what: string, hint?: string): (error: unknown) => never {
    return (error) => {
        throw new MembershipStoreError(`${what}: ${messageOf(error)}${hint ? `. ${hint}` : ''}`, { cause: error });
    };
}
