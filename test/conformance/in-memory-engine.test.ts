import { describeConformance } from './conformance-suite.js';
import { InMemoryConformanceEngine } from './in-memory-engine.js';

/** Every case of the conformance corpus through the in-memory engine, members and truth values. */
describeConformance(new InMemoryConformanceEngine());
