// An imported report builds beside the seed (the fixture site holds both): the archive lists both and each gets its deck.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readReportsFromDisk } from '../../src/loaders/disk.ts';
import { IMPORTED_REPORT_ID } from '../fixtures/site.ts';

const dist = inject('fixturesDist');
const { reports } = readReportsFromDisk(inject('fixturesReports'));
const SEED_ID = 'szkj-20220422';

describe('an imported report in the archive', () => {
  const both = [SEED_ID, IMPORTED_REPORT_ID].map((id) => {
    const report = reports.find((entry) => entry.id === id);
    if (!report) throw new Error(`the fixture site lacks report ${id}`);
    return report;
  });

  it('lists both reports on the home page with their issuers', () => {
    const home = readFileSync(path.join(dist, 'index.html'), 'utf8');
    for (const report of both) {
      expect(home).toContain(`/reports/${report.id}/`);
      expect(home).toContain(report.data.issuer);
    }
    expect(both[1]!.data.issuer).toBe('中共青川市文化广电和旅游局党组');
  });

  it('builds a deck for each report', () => {
    for (const report of both) expect(existsSync(path.join(dist, 'reports', report.id, 'deck', 'index.html')), report.id).toBe(true);
  });
});
