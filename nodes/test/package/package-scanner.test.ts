import { describe, expect, it } from 'vitest';
import { scanDist } from '../../scripts/scan-dist.mjs';

describe('the built package, through n8n\'s package scanner rules', () => {
    it('has no forbidden globals, imports or console calls in any bundle (libraries included)', async () => {
        const { files, results } = await scanDist();
        expect(files.map((file) => file.slice(file.indexOf('/dist/') + 1)).sort()).toEqual([
            'dist/credentials/SegmentsHubSpotApi.credentials.js',
            'dist/nodes/Segment/Segment.node.js',
            'dist/nodes/SegmentMembership/SegmentMembership.node.js',
            'dist/nodes/SegmentTrigger/SegmentTrigger.node.js',
        ]);
        const problems = results.flatMap((result) => result.messages.filter((message) => message.severity === 2).map((message) => `${result.filePath}:${message.line} ${message.ruleId}: ${message.message}`));
        expect(problems).toEqual([]);
    }, 60_000);
});
