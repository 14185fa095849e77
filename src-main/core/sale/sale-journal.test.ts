import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../deps';
import { openSaleJournal, type SaleJournal } from './sale-journal';

let dir: string;
let journal: SaleJournal | undefined;
afterEach(() => {
  journal?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('sale journal', () => {
  it('appends in order, reads back after a sequence number, and prunes only old applied facts, always keeping the newest', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-journal-'));
    journal = openSaleJournal(dir, silentLogger);
    const days = ['2026-10-01', '2026-10-02', '2026-11-20', '2026-11-21'];
    const seqs = days.map((day, i) => journal!.append(`s${i}`, `{"n":${i}}`, `${day}T10:00:00.000Z`));
    expect(seqs).toEqual([1, 2, 3, 4]);
    expect(journal.lastSeq()).toBe(4);
    expect(journal.after(2)).toEqual([{ seq: 3, payload: '{"n":2}' }, { seq: 4, payload: '{"n":3}' }]);

    // Applied up to 1 only: fact 2 is old but not yet applied, so it stays.
    expect(journal.prune(1, '2026-11-01T00:00:00.000Z')).toBe(1);
    expect(journal.after(0).map((e) => e.seq)).toEqual([2, 3, 4]);
    // Everything applied: only the facts before the cut-off go.
    expect(journal.prune(4, '2026-11-01T00:00:00.000Z')).toBe(1);
    expect(journal.after(0).map((e) => e.seq)).toEqual([3, 4]);
    // A cut-off after every fact still keeps the newest (the next number continues from it).
    expect(journal.prune(4, '2027-01-01T00:00:00.000Z')).toBe(1);
    expect(journal.after(0).map((e) => e.seq)).toEqual([4]);
    expect(journal.append('s4', '{"n":4}', '2027-01-02T10:00:00.000Z')).toBe(5);
  });
});
