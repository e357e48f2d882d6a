import { Activity } from '@microsoft/agents-activity';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderForTerminal } from '../../src/adapters/console/render-terminal.ts';
import { renderMessage } from '../../src/adapters/slack/render-message.ts';
import { SLACK_LIMITS } from '../../src/adapters/slack/slack-limits.ts';
import { dmEventSchema, mentionEventSchema, plainUserText } from '../../src/adapters/slack/to-turn.ts';
import { inputFrom } from '../../src/adapters/teams/activity-to-turn.ts';
import { renderCard } from '../../src/adapters/teams/render-card.ts';
import { readSubmit } from '../../src/adapters/teams/submit-data.ts';
import { renderHtml } from '../../src/adapters/web/render-html.ts';
import type { Block, Message } from '../../src/core/message.ts';
import { cardErrors } from './teams/card-schema.ts';

const text = fc.string({ maxLength: 300, unit: 'grapheme' });
const id = fc.string({ minLength: 1, maxLength: 60 });
const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ type: fc.constant('text' as const), markdown: fc.string({ maxLength: 4000 }) }),
  fc.record({ type: fc.constant('heading' as const), text }),
  fc.record({ type: fc.constant('choices' as const), prompt: fc.option(text, { nil: undefined }), choices: fc.array(fc.record({ id, label: text }), { maxLength: 30 }) }),
  fc.record({ type: fc.constant('facts' as const), facts: fc.array(fc.record({ label: text, value: text }), { maxLength: 15 }) }),
  fc.record({ type: fc.constant('links' as const), title: fc.option(text, { nil: undefined }), links: fc.array(fc.record({ title: text, url: fc.oneof(fc.webUrl(), text) }), { maxLength: 8 }) }),
  fc.record({ type: fc.constant('divider' as const) }),
  fc.record({ type: fc.constant('context' as const), text }),
);
const message: fc.Arbitrary<Message> = fc.record({ blocks: fc.array(block, { maxLength: 60 }), fallback: fc.string({ maxLength: 5000 }) });

describe('every renderer on arbitrary Message trees (property)', () => {
  it('Block Kit stays within Slack limits', () => {
    fc.assert(
      fc.property(message, (m) => {
        const out = renderMessage(m, 'da');
        expect(out.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.messageBlocks);
        expect(out.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
        for (const b of out.blocks as { type: string; text?: { text: string }; elements?: { text?: { text: string }; value?: string }[] }[]) {
          if (b.type === 'section') expect(b.text?.text.length ?? 0).toBeLessThan(SLACK_LIMITS.sectionText);
          if (b.type === 'header') expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
          if (b.type === 'actions') {
            expect(b.elements?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.actionsElements);
            for (const e of b.elements ?? []) {
              expect(e.text?.text.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
              expect(e.value?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('Adaptive Cards validate against the 1.5 schema and stay under 28 KB', () => {
    fc.assert(
      fc.property(message, (m) => {
        const card = renderCard(m, 'en');
        expect(cardErrors(card)).toEqual([]);
        expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThan(28 * 1024);
      }),
      { numRuns: 100 },
    );
  });

  it('HTML and terminal output never throw and contain no raw <script>', () => {
    fc.assert(
      fc.property(message, (m) => {
        expect(renderHtml(m)).not.toMatch(/<script/i);
        expect(JSON.stringify(renderForTerminal([m]))).not.toContain('\\u001b');
      }),
      { numRuns: 150 },
    );
  });
});

describe('payload parsing on arbitrary shapes (property)', () => {
  it('Slack event schemas and plainUserText never throw', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string({ maxLength: 2000 }), (payload, raw) => {
        dmEventSchema.safeParse(payload);
        mentionEventSchema.safeParse(payload);
        expect(typeof plainUserText(raw, 'UBOT')).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('Teams submits and message activities always map to a turn input or a typed rejection', () => {
    fc.assert(
      fc.property(fc.anything(), fc.option(fc.string({ maxLength: 500 }), { nil: undefined }), (value, typed) => {
        readSubmit(value);
        let activity: Activity;
        try {
          activity = Activity.fromObject({ type: 'message', text: typed, value, recipient: { id: 'b' }, conversation: { id: 'c' }, from: { id: 'u' } });
        } catch {
          return; // The SDK rejects it before our code runs: the endpoint answers 400.
        }
        const input = inputFrom(activity);
        expect(['text', 'action', 'form']).toContain(input.kind);
      }),
      { numRuns: 300 },
    );
  });
});
