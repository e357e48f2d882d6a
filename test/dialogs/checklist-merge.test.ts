import { describe, expect, it } from 'vitest';
import { mergeChecklist } from '../../src/dialogs/checklist-merge.ts';

describe('mergeChecklist', () => {
  it('drops an own item that an item added by the answers already says, and keeps the rest in order', () => {
    const own = ['Link til debatpolitikken fra profilen.', 'Opret profilen med to administratorer.', 'Lav en indholdsplan for forsøgsperioden.'];
    const added = ['Gør debatpolitikken og svarproceduren færdig, og link til debatpolitikken fra profilen.', 'Aftal med fagområderne, hvem der leverer hvad, og lav en indholdsplan for de første tre måneder.'];
    expect(mergeChecklist(own, added)).toEqual([
      'Opret profilen med to administratorer.',
      'Lav en indholdsplan for forsøgsperioden.',
      ...added,
    ]);
  });

  it('keeps everything when nothing was added, and an item that is only stop words', () => {
    expect(mergeChecklist(['Link til debatpolitikken fra profilen.'], [])).toEqual(['Link til debatpolitikken fra profilen.']);
    expect(mergeChecklist(['og så'], ['og så videre'])).toEqual(['og så', 'og så videre']);
  });
});
