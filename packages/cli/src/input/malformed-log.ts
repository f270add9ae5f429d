import type { MalformedItem } from './input-item.js';

/** The entries of one file that could not be read: how many, and the first few with their lines. */
export class MalformedLog {
    private total = 0;
    private readonly kept: MalformedItem[] = [];

    constructor(
        /** The file, as the user named it. */
        readonly file: string,
        /** How many entries to keep for the report. */
        readonly keep = 5,
    ) {}

    /** Counts one entry. */
    add(item: MalformedItem): void {
        this.total++;
        if (this.kept.length < this.keep) this.kept.push(item);
    }

    /** How many entries could not be read. */
    get count(): number {
        return this.total;
    }

    /** The first entries that could not be read, in file order. */
    get first(): readonly MalformedItem[] {
        return this.kept;
    }
}
