import type { ListIR } from '@segments/ir';
import type { ListSource } from '../api.js';
import { SegmentEngineError } from '../errors.js';

/** A {@link ListSource} over values held in memory, by list name (the n8n nodes, tests, previews). */
export class InMemoryListSource implements ListSource {
    constructor(protected readonly lists: Readonly<Record<string, Iterable<string>>>) {}

    values(list: ListIR): Iterable<string> {
        const values = Object.hasOwn(this.lists, list.name) ? this.lists[list.name] : undefined;
        if (values === undefined) throw new SegmentEngineError(`No values given for the static list ${JSON.stringify(list.name)}.`);
        return values;
    }
}
