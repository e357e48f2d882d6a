import { describe, expect, it } from 'vitest';
import { parseYamlText, validateYaml } from '../../src/knowledge/yaml-file.ts';
import { faqEntrySchema } from '../../src/knowledge/faq-schema.ts';

/** The `line: message` lint gives for a YAML text. */
const problems = (text: string) => parseYamlText('entry.yaml', text).errors.map((e) => `${e.line}: ${e.message}`);

describe('YAML that a consultant did not mean (found in a content-editing trial)', () => {
  it('a text cut at " #" is an error at its line that says what was dropped and to quote it', () => {
    expect(problems('title: Livestream af byrådsmøder #1 guide\n')).toEqual([expect.stringMatching(/^1: the text after "#1 guide" was dropped.*quotes/)]);
    expect(problems('questions:\n  - a\n  - livestream byrådsmøde #facebooklive\n')).toEqual([expect.stringMatching(/^3: the text after "#facebooklive"/)]);
    expect(problems('sources:\n  - title: Diversa, Vejledning #2 om video\n    url: https://x.dk/a\n')).toEqual([expect.stringMatching(/^2: the text after "#2 om video"/)]);
  });

  it('a list item indented too far, glued onto the one above, is an error that says so', () => {
    expect(problems('questions:\n  - kan vi sende byrådsmødet live\n    - livestream byrådsmøde facebook\n  - c\n')).toEqual([
      expect.stringMatching(/^2: this list item runs on over the next line \("kan vi sende byrådsmødet live - livestream byrådsmøde facebook"\).*same place/),
    ]);
  });

  it('an answer over several lines without "|" is an error that says to write "answer: |"', () => {
    expect(problems('answer:\n  Sådan gør I\n  1. Aftal\n')).toEqual([expect.stringMatching(/^2: this text runs over several lines without "\|".*answer: \|/)]);
  });

  it('a text in Word-style quotes is an error; typographic quotes inside a text are not', () => {
    expect(problems('title: “Livestream af byrådsmøder”\n')).toEqual([expect.stringMatching(/^1: the text starts with a Word-style quote \(“\)/)]);
    expect(problems('answer: |\n  Skriv „vi vender tilbage“ i tråden.\n')).toEqual([]);
  });

  it('leaves what is meant alone: a quoted " #", a comment on its own line or after a list, a text under "|"', () => {
    const text = '# Skabelon\ntitle: "Myndighedsguiden #24"\nkeywords: [a, b] # nøgleord\nanswer: |\n  Linje et\n  1. Linje to #3\n';
    expect(problems(text)).toEqual([]);
  });
});

describe('YAML syntax errors come with a hint in plain words', () => {
  it.each([
    ['id: x\ntitle Livestream af møder\n', 2, /a colon is probably missing after "title": write "title: …"/],
    ['sources:\n  - title: A\n    url https://x.dk/a\n', 3, /a colon is probably missing after "url"/],
    ['title: Live: hvad gør vi\n', 1, /put the whole text in quotes, e\.g\. title: "Live: hvad gør vi"/],
    ['answer: |\n  tekst\n\tmere\n', 3, /the line has a tab: indent with spaces only/],
    ['title: "Live”\nid: x\n', 1, /must end with the same straight quote/],
    ['questions:\n  - a\n - b\n  - c\n', 3, /start every "-" of a list at the same place/],
  ])('%j', (text, line, hint) => {
    const errors = parseYamlText('entry.yaml', text).errors;
    expect(errors[0]?.line).toBe(line);
    expect(errors[0]?.message).toMatch(/^YAML syntax error: /);
    expect(errors[0]?.message).toMatch(hint);
    expect(new Set(errors.map((e) => `${e.line}:${e.message.split(' — ')[1] ?? ''}`)).size).toBe(errors.length);
  });
});

describe('schema problems in plain words', () => {
  const validate = (text: string) => {
    const { yaml } = parseYamlText('entry.yaml', text);
    return yaml ? validateYaml(yaml, faqEntrySchema).errors.map((e) => e.message) : ['(unparsed)'];
  };
  const entry = 'id: x\ntitle: T\nquestions:\n  - q\nanswer: A\n';

  it('an empty file, a missing field, "name: value" read from a text, and a yes/no written in Danish', () => {
    expect(validate('# kun en kommentar\n')).toEqual(['(file): the file is empty (or holds only comments)']);
    expect(validate('title: T\nquestions:\n  - q\nanswer: A\n')).toEqual(['id: missing']);
    expect(validate(entry.replace('  - q', '  - byrådsmøde: må vi sende live'))).toEqual([expect.stringMatching(/^questions\.0: YAML read this text as "name: value".*quotes/)]);
    expect(validate(`${entry}escalate: ja\n`)).toEqual(['escalate: write true or false']);
    expect(validate(`${entry}area: Dialog\n`)).toEqual(['area: must be one of strategi, dialog, jura, krise, platforme, indhold, kl']);
    expect(validate(`${entry.replace('questions:\n  - q\n', 'questions: q\n')}`)).toEqual(['questions: must be a list ("- " lines), not a text']);
  });
});
