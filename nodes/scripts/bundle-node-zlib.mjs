// The part of Node's `node:zlib` our packages use (the engine's snapshot compression), for the
// bundles: n8n's community package scanner forbids importing `node:zlib` in a package's code.
// scripts/build.mjs aliases `node:zlib` to this file. Deflate (zlib format, RFC 1950, as Node's
// `deflate`/`inflate` write and read it) is fflate's, pure JavaScript and synchronous; the
// callback forms run it and call back in a microtask. Brotli has no pure-JavaScript encoder
// here: its functions fail, so a node stores deflate snapshots (the engine's default) and
// reports a brotli snapshot written elsewhere as unreadable.
import { unzlibSync, zlibSync } from 'fflate/browser';

/** Node's numeric brotli parameter names, as the engine passes them. */
export const constants = Object.freeze({ BROTLI_PARAM_QUALITY: 1, BROTLI_PARAM_SIZE_HINT: 5 });

const BROTLI_UNAVAILABLE = 'brotli is not available in the n8n package (snapshots there are stored with deflate)';

function bytes(data) {
    return data instanceof Uint8Array ? data : new Uint8Array(data);
}

function later(callback, run) {
    queueMicrotask(() => {
        let result;
        try {
            result = run();
        } catch (error) {
            callback(error);
            return;
        }
        callback(null, result);
    });
}

function callbackOf(options, callback) {
    return typeof options === 'function' ? options : callback;
}

export function deflateSync(data, options = {}) {
    return zlibSync(bytes(data), { level: options.level ?? 6 });
}

export function inflateSync(data) {
    return unzlibSync(bytes(data));
}

export function deflate(data, options, callback) {
    later(callbackOf(options, callback), () => deflateSync(data, typeof options === 'function' ? {} : options));
}

export function inflate(data, options, callback) {
    later(callbackOf(options, callback), () => inflateSync(data));
}

export function brotliCompressSync() {
    throw new Error(BROTLI_UNAVAILABLE);
}

export function brotliDecompressSync() {
    throw new Error(BROTLI_UNAVAILABLE);
}

export function brotliCompress(data, options, callback) {
    later(callbackOf(options, callback), brotliCompressSync);
}

export function brotliDecompress(data, options, callback) {
    later(callbackOf(options, callback), brotliDecompressSync);
}
