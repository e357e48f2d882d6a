import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasMalformedRef, renderPlainTemplate, renderTemplate, templateRefs, type TemplateData } from '../../src/dialogs/flow-template.ts';
import { splitMarkdown } from '../../src/dialogs/markdown-chunks.ts';

const data: TemplateData = {
  vars: { platform: 'TikTok', count: 3 },
  answers: { move: 'Flere *ansøgere*\n\n- og # mere' },
  reasons: ['Første grund.', 'Anden grund.'],
  checklist: ['Gør A.', 'Gør B.'],
};

describe('flow templates', () => {
  it('fills variables, answers, reasons and checklist', () => {
    expect(renderTemplate('På {{platform}} ({{ count }})', data)).toBe('På TikTok (3)');
    expect(renderTemplate('{{reasons}}', data)).toBe('- Første grund.\n- Anden grund.');
    expect(renderTemplate('{{checklist}}', data)).toBe('1. Gør A.\n2. Gør B.');
    expect(renderTemplate('{{answers.move}}', data)).toBe('Flere \\*ansøgere\\* \\- og \\# mere');
  });

  it('uses the default for missing values, and nothing without one', () => {
    const empty: TemplateData = { vars: {}, answers: { move: '   ' }, reasons: [], checklist: [] };
    expect(renderTemplate('[{{answers.move|_Ikke udfyldt._}}] [{{missing}}] [{{reasons|ingen}}]', empty)).toBe('[_Ikke udfyldt._] [] [ingen]');
  });

  it('leaves values unescaped in plain text (headings)', () => {
    expect(renderPlainTemplate('Svar: {{answers.move}}', data)).toBe('Svar: Flere *ansøgere* - og # mere');
  });

  it('lists references and spots malformed ones', () => {
    expect(templateRefs('{{a}} {{ answers.b | x }} {{reasons}}')).toEqual([
      { name: 'a' },
      { name: 'answers.b', fallback: 'x' },
      { name: 'reasons' },
    ]);
    expect(hasMalformedRef('{{a}} fine')).toBe(false);
    expect(hasMalformedRef('{{ a')).toBe(true);
    expect(hasMalformedRef('a }}')).toBe(true);
  });

  it('never lets user text add Markdown: unescaping the output gives back the text on one line', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (typed) => {
        const out = renderTemplate('{{answers.x}}', { vars: {}, answers: { x: typed }, reasons: [], checklist: [] });
        expect(out).not.toMatch(/\n/);
        expect(out.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')).toBe(typed.replace(/\s+/g, ' ').trim());
      }),
    );
  });

  it('splits long Markdown at paragraphs into pieces that fit one Slack section', () => {
    const paragraph = `${'ord '.repeat(200).trim()}.`;
    const pieces = splitMarkdown(Array.from({ length: 6 }, () => paragraph).join('\n\n'));
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(2900);
    expect(pieces.join('\n\n')).toBe(Array.from({ length: 6 }, () => paragraph).join('\n\n'));
    expect(splitMarkdown('x'.repeat(7000)).map((p) => p.length)).toEqual([2900, 2900, 1200]);
  });
});

describe('renderTemplate with draft marks', () => {
  const marks = { missing: '(mangler — vend tilbage til dette)', thin: '(kort svar — uddyb det, og vend tilbage til dette)' };
  const data = { vars: {}, answers: { move: 'Færre opkld om affald', platforms: 'Facebook', content: '  ' }, reasons: [], checklist: [] };

  it('keeps the user words exactly, marks a one-word answer, and marks a missing one unless the reference has a default', () => {
    expect(renderTemplate('{{answers.move}}', data, marks)).toBe('Færre opkld om affald');
    expect(renderTemplate('{{answers.platforms}}', data, marks)).toBe(`Facebook _${marks.thin}_`);
    expect(renderTemplate('{{answers.content}}', data, marks)).toBe(`_${marks.missing}_`);
    expect(renderTemplate('{{answers.audience}}', data, marks)).toBe(`_${marks.missing}_`);
    expect(renderTemplate('{{answers.audience|_Senere._}}', data, marks)).toBe('_Senere._');
  });

  it('marks nothing outside drafts (no marks given)', () => {
    expect(renderTemplate('{{answers.platforms}} {{answers.audience}}', data)).toBe('Facebook ');
  });
});
