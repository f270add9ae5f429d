/**
 * Runs our nodes through n8n's real execution engine (n8n-core and n8n-workflow), for tests:
 * {@link runNode} for nodes that execute on input items, {@link runPoll} for polling triggers.
 *
 * n8n-workflow must be ONE copy for our code and n8n-core: the root vitest config aliases
 * `n8n-workflow` to its CommonJS build, the one n8n-core requires; see docs/n8n-nodes.md.
 */
export { HarnessCredentialsHelper } from './credentials-helper.js';
export { HarnessNodeTypes, ITEMS_NODE_TYPE, ItemsNode, PACKAGE_NAME, typeNameOf } from './node-types.js';
export { type HarnessOptions, ITEMS_NODE, NODE_UNDER_TEST, type NodeRunResult, type PollResult, runNode, runPoll } from './run-node.js';
export { type CredentialTestResult, testCredentials } from './credential-test.js';
