import type { SegmentServices } from '../segment-module.js';
export class SegmentLowering {
    constructor(protected readonly services: SegmentServices) {}
}
