import type { OutputStream } from '../cli-io.js';

/**
 * Gathers many small writes (a line per record) into chunks of about `chunkSize` characters
 * before writing them to a stream, and writes the rest on {@link flush}.
 */
export class BufferedOutput {
    private parts: string[] = [];
    private size = 0;

    constructor(
        private readonly stream: OutputStream,
        private readonly chunkSize = 64 * 1024,
    ) {}

    /** Adds text; writes the gathered text when it reaches the chunk size. */
    write(text: string): void {
        this.parts.push(text);
        this.size += text.length;
        if (this.size >= this.chunkSize) this.flush();
    }

    /** Writes whatever is gathered. */
    flush(): void {
        if (this.size === 0 && this.parts.length === 0) return;
        this.stream.write(this.parts.join(''));
        this.parts = [];
        this.size = 0;
    }
}
