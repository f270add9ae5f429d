// The part of Node's `node:util` our packages use (`promisify`, for the zlib callbacks of the
// engine's snapshot compression), for the bundles: n8n's community package scanner forbids
// importing `node:util` in a package's code. scripts/build.mjs aliases `node:util` to this file.

/** A function taking a Node-style callback `(error, value)` last, as one returning a promise. */
export function promisify(original) {
    return (...args) =>
        new Promise((resolve, reject) => {
            original(...args, (error, value) => (error ? reject(error) : resolve(value)));
        });
}
