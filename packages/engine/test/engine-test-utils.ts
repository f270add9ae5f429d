import { compileInMemory, InMemoryProjectError } from '@segments/language';
import type { SegmentBundleIR } from '@segments/ir';
import { expect } from 'vitest';
import { compileSegment, type CompileOptions, type SegmentEvaluator } from '../src/index.js';

/** The schema the engine's tests use. */
export const SCHEMA = `
schema Contact key id {
  id text
  email text
  first_name text
  birthday date
  country text
  tags list of text
  scores list of number
  tier one of ("Bronze", "Silver", "Gold")
  visits number
  total_spent number from "properties.total_revenue"
  last_visit datetime
  last_purchase datetime
  subscribed_at datetime
  welcome_email_sent boolean

  let average_order_value = total_spent / visits
  let purchases_90 = count(Purchased within last 90 days)

  event Purchased { amount number, product text, paid_at datetime from "payment.at" }
  event EmailOpened from "email.opened" { campaign text }
}
`;

/**
 * Builds an in-memory project (the {@link SCHEMA} in `/p/contact.segment` plus `files`), checks
 * it has no errors, and lowers the segment `name` to its IR bundle.
 */
export async function bundleOf(files: Record<string, string>, name: string): Promise<SegmentBundleIR> {
    const bundles = await compileInMemory({ '/p/contact.segment': SCHEMA, ...files }).catch((error: unknown) => {
        if (error instanceof InMemoryProjectError) expect(error.errors).toEqual([]);
        throw error;
    });
    const bundle = bundles.get(name);
    if (!bundle) throw new Error(`no segment ${name}`);
    return JSON.parse(JSON.stringify(bundle)) as SegmentBundleIR;
}

/** The bundle of `segment s of Contact { timezone ZONE where CONDITION [exclude ...] }`. */
export async function bundleWhere(condition: string, options: { timezone?: string; exclude?: string; extra?: Record<string, string> } = {}): Promise<SegmentBundleIR> {
    const zone = options.timezone ? `  timezone "${options.timezone}"\n` : '';
    const exclude = options.exclude ? `\n  exclude ${options.exclude}` : '';
    return bundleOf({ '/p/test.segment': `segment s of Contact {\n${zone}  where ${condition}${exclude}\n}\n`, ...options.extra }, 's');
}

/** An evaluator of a condition at `now` (ISO), in `timezone` (default UTC). */
export async function evaluatorFor(condition: string, now: string, options: { timezone?: string; exclude?: string; extra?: Record<string, string>; compile?: CompileOptions } = {}): Promise<SegmentEvaluator> {
    return compileSegment(await bundleWhere(condition, options), options.compile).prepare({ now });
}

/** The truth names of a condition for each record. */
export async function truths(condition: string, records: unknown[], now = '2026-03-15T12:00:00Z', options: { timezone?: string; extra?: Record<string, string> } = {}): Promise<string[]> {
    const evaluator = await evaluatorFor(condition, now, options);
    return records.map((r) => ['FALSE', 'UNKNOWN', 'TRUE'][evaluator.test(r)]);
}
