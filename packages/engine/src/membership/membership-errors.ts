/**
 * A record key that a membership snapshot cannot hold exactly: the empty string, or a string with
 * a lone UTF-16 surrogate (it has no UTF-8 form, so it could not be read back as written).
 */
export class InvalidMemberKeyError extends Error {
    /** The offending key. */
    readonly key: string;

    constructor(key: string, reason: string) {
        super(`Invalid membership key ${JSON.stringify(key)}: ${reason}`);
        this.name = 'InvalidMemberKeyError';
        this.key = key;
    }
}

/**
 * Bytes that are not a well-formed membership snapshot: wrong magic, unknown format version,
 * checksum mismatch, truncation, or an entry that breaks the format's rules. A snapshot is never
 * misread silently: every such case raises this error.
 */
export class SnapshotFormatError extends Error {
    constructor(message: string) {
        super(`Invalid membership snapshot: ${message}`);
        this.name = 'SnapshotFormatError';
    }
}
