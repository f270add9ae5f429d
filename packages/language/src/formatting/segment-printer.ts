export class SegmentPrinter {}
