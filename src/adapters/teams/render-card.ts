import { redact } from '../../core/redact.ts';
import type { Block, Choice, FormField, FormSpec, Message } from '../../core/message.ts';
import type { Locale } from '../../shared/locale.ts';
import type { AdaptiveCard, CardElement, SubmitAction } from './adaptive-card.ts';
import { submitData } from './submit-data.ts';
import { escapeTeamsText, toTeamsMarkdown } from './teams-markdown.ts';
import { teamsStrings } from './teams-strings.ts';

/** What the user did with a card: the state it is re-rendered in after the submit (actions and inputs gone). */
export type AnsweredWith =
  | { kind: 'choice'; choiceId: string }
  | { kind: 'form'; formId: string; values: Record<string, string | boolean> };

/** Above this many choices, or with a long label, buttons are stacked one per row so labels are not cut. */
const MAX_INLINE_CHOICES = 3;
const MAX_INLINE_LABEL = 20;
/**
 * Longest label a button shows whole on a phone (Teams cuts button titles to one line): a longer choice becomes a
 * tappable panel whose text wraps.
 */
const MAX_BUTTON_LABEL = 28;

/**
 * Renders a neutral Message as a standard Adaptive Card 1.5. With `answered`, the card is rendered as it should look
 * after that submit: buttons and inputs removed, the chosen answer (or the submitted values) shown.
 */
export function renderCard(message: Message, locale: Locale, answered?: AnsweredWith): AdaptiveCard {
  const body: CardElement[] = [];
  let separateNext = false;
  for (const block of message.blocks) {
    if (block.type === 'divider') {
      separateNext = true;
      continue;
    }
    const elements = renderBlock(block, locale, answered);
    if (separateNext && elements[0]) {
      elements[0] = { ...elements[0], separator: true };
      separateNext = false;
    }
    body.push(...elements);
  }
  if (answered) body.push(answeredNote(message, locale, answered));
  if (body.length === 0) body.push(textBlock(escapeTeamsText(message.fallback)));
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    fallbackText: message.fallback,
    lang: locale,
  };
}

function renderBlock(block: Exclude<Block, { type: 'divider' }>, locale: Locale, answered?: AnsweredWith): CardElement[] {
  switch (block.type) {
    case 'text':
      return [textBlock(toTeamsMarkdown(block.markdown))];
    case 'heading':
      return [{ type: 'TextBlock', text: escapeTeamsText(block.text), wrap: true, size: 'Medium', weight: 'Bolder' }];
    case 'context':
      return [{ type: 'TextBlock', text: escapeTeamsText(block.text), wrap: true, size: 'Small', isSubtle: true }];
    case 'facts':
      return [{ type: 'FactSet', facts: block.facts.map((f) => ({ title: escapeTeamsText(f.label), value: escapeTeamsText(f.value) })) }];
    case 'links': {
      const lines = block.links.map((l) => `- ${linkMarkdown(l.title, l.url)}`).join('\n');
      const title = block.title ? [{ type: 'TextBlock' as const, text: escapeTeamsText(block.title), wrap: true as const, weight: 'Bolder' as const }] : [];
      return [...title, textBlock(lines)];
    }
    case 'choices': {
      const prompt = block.prompt ? [textBlock(escapeTeamsText(block.prompt))] : [];
      // answered, the buttons go and so does their heading ("Læs også", "Var svaret nyttigt?"), which would stand empty
      return answered ? [] : [...prompt, ...choiceRows(block.choices)];
    }
    case 'form':
      return answered?.kind === 'form' && answered.formId === block.form.id
        ? submittedForm(block.form, answered.values, locale)
        : answered
          ? [formTitle(block.form)]
          : formElements(block.form, locale);
  }
}

function textBlock(text: string): CardElement {
  return { type: 'TextBlock', text, wrap: true };
}

function linkMarkdown(title: string, url: string): string {
  const safe = /^https?:\/\//i.test(url) ? url.replace(/[()\s]/g, (ch) => encodeURIComponent(ch)) : undefined;
  return safe ? `[${escapeTeamsText(title)}](${safe})` : `${escapeTeamsText(title)}: ${escapeTeamsText(url)}`;
}

function choiceAction(choice: Choice): SubmitAction {
  const style = choice.style === 'primary' ? 'positive' : choice.style === 'danger' ? 'destructive' : undefined;
  return { type: 'Action.Submit', title: choice.label, data: submitData.choice(choice.id), ...(style ? { style } : {}) };
}

/** Short choices as buttons; when any label is too long for one button line, every choice as a panel whose text wraps. */
function choiceRows(choices: Choice[]): CardElement[] {
  return choices.some(isLong) ? choices.map(choicePanel) : buttonRows(choices);
}

function isLong(choice: Choice): boolean {
  return [...choice.label].length > MAX_BUTTON_LABEL;
}

function buttonRows(choices: Choice[]): CardElement[] {
  const inline = choices.length <= MAX_INLINE_CHOICES && choices.every((c) => [...c.label].length <= MAX_INLINE_LABEL);
  if (inline) return [{ type: 'ActionSet', actions: choices.map(choiceAction) }];
  return choices.map((c, i) => ({ type: 'ActionSet', actions: [choiceAction(c)], ...(i > 0 ? { spacing: 'Small' as const } : {}) }));
}

function choicePanel(choice: Choice): CardElement {
  return {
    type: 'Container',
    style: choice.style === 'primary' ? 'accent' : 'emphasis',
    spacing: 'Small',
    selectAction: choiceAction(choice),
    items: [{ type: 'TextBlock', text: escapeTeamsText(choice.label), wrap: true, weight: 'Bolder', color: 'Accent' }],
  };
}

function formTitle(form: FormSpec): CardElement {
  return { type: 'TextBlock', text: escapeTeamsText(form.title), wrap: true, size: 'Medium', weight: 'Bolder' };
}

function formElements(form: FormSpec, locale: Locale): CardElement[] {
  const elements: CardElement[] = [formTitle(form)];
  for (const field of form.fields) {
    elements.push(inputFor(field, locale));
    if (field.hint) elements.push({ type: 'TextBlock', text: escapeTeamsText(field.hint), wrap: true, size: 'Small', isSubtle: true, spacing: 'None' });
    if (field.error) elements.push({ type: 'TextBlock', text: escapeTeamsText(field.error), wrap: true, size: 'Small', color: 'Attention', spacing: 'None' });
  }
  const checkboxes = form.fields.filter((f) => f.type === 'checkbox').map((f) => f.id);
  elements.push({ type: 'ActionSet', actions: [{ type: 'Action.Submit', title: form.submitLabel, data: submitData.form(form.id, checkboxes), style: 'positive' }] });
  return elements;
}

function inputFor(field: FormField, locale: Locale): CardElement {
  const errorMessage = field.error ?? (field.required ? teamsStrings(locale).requiredField(field.label) : undefined);
  const common = { id: field.id, label: field.label, isRequired: field.required, ...(errorMessage ? { errorMessage } : {}) };
  switch (field.type) {
    case 'select':
      return {
        type: 'Input.ChoiceSet',
        ...common,
        style: 'compact',
        choices: (field.options ?? []).map((o) => ({ title: o.label, value: o.value })),
        ...(typeof field.value === 'string' ? { value: field.value } : {}),
      };
    case 'checkbox':
      return { type: 'Input.Toggle', ...common, title: field.placeholder ?? field.label, valueOn: 'true', valueOff: 'false', value: field.value === true ? 'true' : 'false' };
    default:
      return {
        type: 'Input.Text',
        ...common,
        ...(field.maxLength ? { maxLength: field.maxLength } : {}),
        ...(field.type === 'textarea' ? { isMultiline: true } : {}),
        ...(field.type === 'email' ? { style: 'Email' as const } : {}),
        ...(field.placeholder ? { placeholder: field.placeholder } : {}),
        ...(typeof field.value === 'string' ? { value: field.value } : {}),
      };
  }
}

function submittedForm(form: FormSpec, values: Record<string, string | boolean>, locale: Locale): CardElement[] {
  const s = teamsStrings(locale);
  const shown = (field: FormField): string => {
    const value = values[field.id];
    if (typeof value === 'boolean') return value ? s.yes : s.no;
    if (field.type === 'select') return field.options?.find((o) => o.value === value)?.label ?? value ?? '';
    // what the user typed stays on the card in the chat: CPR numbers, e-mail addresses and phone numbers come off, as
    // they do everywhere else the text is kept (the bot has said it removed them)
    return redact(value ?? '');
  };
  const facts = form.fields.filter((f) => shown(f) !== '').map((f) => ({ title: escapeTeamsText(f.label), value: escapeTeamsText(shown(f)) }));
  return facts.length > 0 ? [formTitle(form), { type: 'FactSet', facts }] : [formTitle(form)];
}

function answeredNote(message: Message, locale: Locale, answered: AnsweredWith): CardElement {
  const s = teamsStrings(locale);
  if (answered.kind === 'form') return { type: 'TextBlock', text: escapeTeamsText(s.formReceived), wrap: true, color: 'Good', separator: true };
  const label = message.blocks.flatMap((b) => (b.type === 'choices' ? b.choices : [])).find((c) => c.id === answered.choiceId)?.label;
  const text = label ? s.youChose(label) : s.choiceRegistered;
  return { type: 'TextBlock', text: escapeTeamsText(text), wrap: true, weight: 'Bolder', color: 'Good', separator: true };
}
