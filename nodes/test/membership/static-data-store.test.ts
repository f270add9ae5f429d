import { decodeSnapshot, encodeSnapshot } from '@segments/engine';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MembershipStoreError } from '../../src/membership/membership-store.js';
import { DEFAULT_STATIC_DATA_LIMIT_BYTES, StaticDataLimitError, StaticDataMembershipStore } from '../../src/membership/static-data-store.js';

describe('StaticDataMembershipStore', () => {
    it('has nothing for a key never saved (a first run)', async () => {
        expect(await new StaticDataMembershipStore({}).load('segment:vip')).toBeUndefined();
    });

    it('keeps a snapshot as JSON that survives a trip through the database', async () => {
        const data: Record<string, unknown> = {};
        await new StaticDataMembershipStore(data).save('segment:vip', encodeSnapshot(['3', '1', '2']));
        const restored = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
        expect(restored['segment:vip']).toMatchObject({ format: 'segments-membership/1', members: 3 });
        expect(decodeSnapshot((await new StaticDataMembershipStore(restored).load('segment:vip'))!)).toEqual(['1', '2', '3']);
    });

    it('refuses a membership over the limit and keeps the previous one', async () => {
        const data: Record<string, unknown> = {};
        const store = new StaticDataMembershipStore(data, { maxBytes: 64 });
        await store.save('segment:vip', encodeSnapshot(['1']));
        const before = JSON.stringify(data);
        const large = encodeSnapshot(Array.from({ length: 1000 }, () => randomUUID()));
        const error = await store.save('segment:vip', large).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(StaticDataLimitError);
        expect((error as Error).message).toMatch(/1000 members.*over the limit of 64 bytes.*State Store: File/s);
        expect(JSON.stringify(data)).toBe(before);
    });

    it('raises on an entry it did not write or cannot read, never returning "no state"', async () => {
        await expect(new StaticDataMembershipStore({ k: 'text' }).load('k')).rejects.toThrow(MembershipStoreError);
        await expect(new StaticDataMembershipStore({ k: { format: 'segments-membership/1', snapshot: 'AAAA' } }).load('k')).rejects.toThrow(/unreadable/);
    });

    it('holds 1,000,000 HubSpot-like ids (random in 1..10,000,000) within the default limit', async () => {
        const ids = new Set<string>();
        while (ids.size < 1_000_000) ids.add(String(1 + Math.floor(Math.random() * 10_000_000)));
        const data: Record<string, unknown> = {};
        await new StaticDataMembershipStore(data).save('segment:all', encodeSnapshot(ids));
        const { snapshot } = data['segment:all'] as { snapshot: string };
        expect(snapshot.length).toBeLessThan(DEFAULT_STATIC_DATA_LIMIT_BYTES);
    });
});
