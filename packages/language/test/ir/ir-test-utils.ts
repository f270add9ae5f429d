import type { LangiumDocument } from 'langium';
import { expect } from 'vitest';
import { isSegment, type Model, type Segment } from '../../src/generated/ast.js';
import { type ConditionIR, SegmentBundleSchema, type SegmentBundleIR, type ValueIR } from '@segments/ir';
import { checkWithContact, type TestProject } from '../test-utils.js';

/** The segment declared in a built document (the first one, or the one named). */
export function segmentIn(document: LangiumDocument<Model> | undefined, name?: string): Segment {
    const segment = document?.parseResult.value.declarations.filter(isSegment).find((s) => name === undefined || s.name === name);
    if (!segment) throw new Error(`no segment ${name ?? ''}`);
    return segment;
}

/** Lowers the segment of a project's file, after checking it has no errors and that the bundle survives zod. */
export function lowerIn(project: TestProject, path: string, name?: string): SegmentBundleIR {
    for (const [file, document] of project.documents) {
        expect((document.diagnostics ?? []).filter((d) => d.severity === 1).map((d) => `${file}: ${d.code} ${d.message}`)).toEqual([]);
    }
    const bundle = project.services.ir.Lowering.lowerSegment(segmentIn(project.documents.get(path), name));
    expect(SegmentBundleSchema.parse(JSON.parse(JSON.stringify(bundle)))).toEqual(bundle);
    return bundle;
}

/** Lowers the segment of `/p/test.segment`, built with the Contact schema. */
export async function lower(text: string, extra: Record<string, string> = {}): Promise<SegmentBundleIR> {
    const { project } = await checkWithContact(text, extra);
    return lowerIn(project, '/p/test.segment');
}

/** The `where` of a segment whose body is `where CONDITION`. */
export async function lowerWhere(condition: string): Promise<ConditionIR> {
    return (await lower(`segment s of Contact {\n  where ${condition}\n}`)).segment.where;
}

/** A condition without its id and source, to compare shapes. */
export function shape(condition: ConditionIR): unknown {
    return JSON.parse(JSON.stringify(condition, (key, value: unknown) => (key === 'id' || key === 'source' ? undefined : value)));
}

/** Every condition node of a tree, depth first (including those inside values). */
export function allConditions(root: ConditionIR | ValueIR | undefined): ConditionIR[] {
    const found: ConditionIR[] = [];
    const visit = (node: unknown): void => {
        if (Array.isArray(node)) {
            node.forEach(visit);
        } else if (node && typeof node === 'object') {
            if ('id' in node && 'source' in node) found.push(node as ConditionIR);
            Object.entries(node).forEach(([key, child]) => key !== 'source' && visit(child));
        }
    };
    visit(root);
    return found;
}

/** IR values, briefly. */
export const NOW: ValueIR = { kind: 'now', type: 'datetime' };
export const TODAY: ValueIR = { kind: 'today', type: 'date' };
export const field = (name: string, type: Extract<ValueIR, { kind: 'field' }>['type']): ValueIR => ({ kind: 'field', type, name });
export const number = (value: number): ValueIR => ({ kind: 'literal', type: 'number', value });
export const text = (value: string): ValueIR => ({ kind: 'literal', type: 'text', value });
export const shift = (base: ValueIR, amount: number, unit: Extract<ValueIR, { kind: 'shift' }>['unit']): ValueIR => ({
    kind: 'shift',
    type: base.type === 'date' && unit !== 'hours' && unit !== 'minutes' ? 'date' : 'datetime',
    base,
    amount,
    unit,
});
