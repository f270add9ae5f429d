import { beforeAll, describe, test } from 'vitest';
import { expectHover } from 'langium/test';
import type { SegmentLspServices } from '../../../src/segment-lsp-module.js';
import { AUDIENCES, CONTACT_SCHEMA, createTestServices } from '../../test-utils.js';

let services: SegmentLspServices;

beforeAll(async () => {
    ({ services } = await createTestServices({ '/p/contact.segment': CONTACT_SCHEMA, '/p/audiences.segment': AUDIENCES }));
});

async function hoverAt(text: string, hover: string | RegExp | undefined, documentUri?: string): Promise<void> {
    await expectHover(services)({ text, index: 0, hover, disposeAfterCheck: true, parseOptions: documentUri ? { documentUri } : undefined });
}

const segment = (condition: string) => `segment draft of Contact {\n  where ${condition}\n}`;

describe('fields and events', () => {
    test('a field reference: its type, documentation and `from` mapping', async () => {
        await hoverAt(segment('total_<|>spent > 100'), '```segment\ntotal_spent number\n```\n\nRevenue so far, in dollars.\n\nRead from `properties.total_revenue` in the record.');
    });

    test('a `one of` field', async () => {
        await hoverAt(segment('t<|>ier = "Gold"'), '```segment\ntier one of ("Bronze", "Silver", "Gold")\n```\n\nLoyalty tier.');
    });

    test('a calculated field', async () => {
        await hoverAt(segment('average_order_<|>value > 50'), '```segment\nlet average_order_value = total_spent / visits\n```\n\nCalculated field of type `number`.\n\nSpend per visit.');
    });

    test('a field declaration', async () => {
        await hoverAt('schema Order key id {\n  /** The order number. */\n  i<|>d text from "order_id"\n}', '```segment\nid text\n```\n\nThe order number.\n\nRead from `order_id` in the record.');
    });

    test("an event and its property, and an event's `at`", async () => {
        await hoverAt(segment('performed Purch<|>ased'), '```segment\nevent Purchased { amount number, product text }\n```\n\nA completed order.');
        await hoverAt(segment('performed Purchased where am<|>ount > 50'), '```segment\namount number\n```\n\nProperty of the event `Purchased`.');
        await hoverAt(segment('performed Purchased where a<|>t after 2026-01-01'), '```segment\nat datetime\n```\n\nWhen the `Purchased` event happened.');
    });
});

describe('segments, lists and schemas', () => {
    test('a segment reference: title, description, documentation and size against the limits', async () => {
        await hoverAt(
            segment('in segment highly_<|>engaged'),
            '```segment\nsegment highly_engaged "Highly Engaged" of Contact\n```\n\nOpened 5+ emails in the last 30 days\n\nMost active subscribers.\n\n1 of 20 conditions · depth 1 of 5',
        );
    });

    test("a segment declaration counts `where` and `exclude` against the project's configured limits", async () => {
        const { services: configured } = await createTestServices({
            '/q/segment.config.json': '{ "limits": { "maxConditions": 4, "maxDepth": 3 } }',
            '/q/contact.segment': CONTACT_SCHEMA,
        });
        await expectHover(configured)({
            text: 'segment b<|>ig of Contact {\n  where visits > 3 and (country = "US" or (tier = "Gold" and tags includes "vip"))\n  exclude welcome_email_sent\n}',
            index: 0,
            hover: /5 of 4 conditions · depth 3 of 3$/,
            disposeAfterCheck: true,
            parseOptions: { documentUri: 'file:///q/big.segment' },
        });
    });

    test('a list and a schema', async () => {
        await hoverAt(segment('in list v<|>ip'), '```segment\nlist vip "VIP Customers" of Contact from "lists/vip.csv" by email\n```');
        await hoverAt('segment draft of Con<|>tact {\n  where visits > 1\n}', '```segment\nschema Contact key id\n```\n\nContacts synced from the CRM.\n\n14 fields · 2 events');
    });
});

describe('built-ins', () => {
    test('a function: its signature and documentation', async () => {
        await hoverAt(segment('ag<|>e(birthday) >= 21'), '```segment\nage(date): number\n```\n\nWhole years from the date until `today`: `age(birthday) >= 21`.');
        await hoverAt(segment('coal<|>esce(country, "US") = "US"'), /^```segment\ncoalesce\(value, fallback, \.\.\.\)\n```/);
    });

    test('an aggregate: its form and result', async () => {
        await hoverAt(segment('cou<|>nt(Purchased) > 2'), '```segment\ncount(EVENT [WINDOW] [where CONDITION]): number\n```\n\nHow many of the events happened; 0 when none did.');
    });

    test('nothing on a literal', async () => {
        await hoverAt(segment('visits > 1<|>00'), undefined);
    });
});
