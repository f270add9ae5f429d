/** One parameter of an event aggregate, as signature help shows it. */
export interface AggregateParameter {
    readonly label: string;
    readonly documentation: string;
}

/** How an event aggregate (`count(...)`, `sum(...)`...) is written, for completion, hover and signature help. */
export interface AggregateSignature {
    readonly name: string;
    /** The first parameter names an event (`EVENT`) or an event's property (`EVENT.property`). */
    readonly parameters: readonly [AggregateParameter, AggregateParameter, AggregateParameter];
    readonly returns: string;
    readonly documentation: string;
}

const windowParameter: AggregateParameter = {
    label: '[WINDOW]',
    documentation: 'Optional: `within last N units`, `within next N units`, `since D` or `between D1 and D2`, on the event\'s `at`.',
};
const whereParameter: AggregateParameter = {
    label: '[where CONDITION]',
    documentation: 'Optional: a condition over the event\'s properties (and `at`); it runs to the closing parenthesis.',
};

function aggregate(name: string, subject: 'EVENT' | 'EVENT.property', returns: string, documentation: string): AggregateSignature {
    const first: AggregateParameter =
        subject === 'EVENT'
            ? { label: 'EVENT', documentation: 'An event of the segment\'s schema.' }
            : { label: 'EVENT.property', documentation: 'A number property of an event of the segment\'s schema.' };
    return { name, parameters: [first, windowParameter, whereParameter], returns, documentation };
}

/** The event aggregates of §4 of the specification, by name (lower case). */
export const aggregateSignatures: ReadonlyMap<string, AggregateSignature> = new Map(
    [
        aggregate('count', 'EVENT', 'number', 'How many of the events happened; 0 when none did.'),
        aggregate('sum', 'EVENT.property', 'number', 'The sum of a property over the events; 0 when none happened.'),
        aggregate('avg', 'EVENT.property', 'number', 'The average of a property over the events; unknown when none happened.'),
        aggregate('min', 'EVENT.property', 'number', 'The smallest value of a property over the events; unknown when none happened.'),
        aggregate('max', 'EVENT.property', 'number', 'The largest value of a property over the events; unknown when none happened.'),
        aggregate('first_performed', 'EVENT', 'datetime', 'When the first of the events happened; unknown when none did.'),
        aggregate('last_performed', 'EVENT', 'datetime', 'When the last of the events happened; unknown when none did.'),
    ].map((signature) => [signature.name, signature]),
);

/** How an aggregate is written: `count(EVENT [WINDOW] [where CONDITION])`. */
export function aggregateLabel(signature: AggregateSignature): string {
    return `${signature.name}(${signature.parameters.map((p) => p.label).join(' ')})`;
}
