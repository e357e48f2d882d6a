import { stringsFor } from '../i18n/strings.ts';
import { textMessage } from './answers.ts';
import type { Message } from './message.ts';
import { redactCprNumbers, redactPersonalData } from './redact.ts';
import type { Turn, TurnInput } from './turn.ts';

/** Longest text a user can send that is read whole; longer text is cut (Slack allows 40,000 characters). */
export const MAX_INPUT_CHARS = 4000;
/** Longest button id read; longer ones (forged or tampered) are treated as unknown. */
const MAX_ACTION_CHARS = 200;
/** Most fields read from a submitted form, and the longest value kept per field. */
const MAX_FORM_FIELDS = 50;
const MAX_FORM_VALUE_CHARS = MAX_INPUT_CHARS;

/**
 * Control characters other than tab and newline, and UTF-16 surrogates without their other half. Neither is text a
 * person typed, and PostgreSQL refuses NUL and unpaired surrogates (in text columns and JSON), so none may be stored.
 */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with control characters turned into spaces and unpaired surrogates into U+FFFD. */
export function storableText(text: string): string {
  return text.replace(UNSAFE, (char) => (char.length === 1 && char.charCodeAt(0) >= 0xd800 ? '\uFFFD' : ' '));
}

/** An id, key or form value: storable, and with any CPR number in it replaced. */
function safeId(id: string): { text: string; cpr: boolean } {
  const redaction = redactCprNumbers(storableText(id));
  return { text: redaction.text, cpr: redaction.found.length > 0 };
}

/** A UUID as the bot mints them (a case's id in its "Svar konsulenten" button and answer form, `case-reply:<id>`). */
const MINTED_UUID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/;

/**
 * A button or form id: as safeId, but the UUIDs in it are kept whole. Their digits are random hex, not a CPR number,
 * yet about one in 2,400 holds a run that reads as one ("ca240664-8062-…"); redacted, the id no longer names its case.
 */
function safeButtonId(id: string): string {
  return storableText(id)
    .split(MINTED_UUID)
    .map((part, i) => (i % 2 === 1 ? part : redactCprNumbers(part).text))
    .join('');
}

/**
 * The turn as it may be stored, logged and routed: every string storable (no NUL, no unpaired surrogate), text cut to
 * MAX_INPUT_CHARS, CPR numbers removed from button ids, form ids, field keys and values (the requester's own e-mail and
 * phone in a form are kept; escalation redacts the rest), all personal data from typed text and the display name; and
 * the warnings to show first (the text was cut; personal data was removed from what the user typed).
 */
export function sanitiseTurn(turn: Turn): { turn: Turn; warnings: Message[] } {
  const s = stringsFor(turn.user.locale);
  const { input, cut, personalData } = sanitiseInput(turn.input);
  const { name, email, ...user } = turn.user;
  const safeUser: Turn['user'] = { ...user, id: storableText(user.id) };
  if (name !== undefined) safeUser.name = redactPersonalData(storableText(name)).text;
  if (email !== undefined) safeUser.email = storableText(email);
  const warnings = [...(cut ? [textMessage(s.inputTruncated)] : []), ...(personalData ? [textMessage(s.personalDataWarning)] : [])];
  return { turn: { ...turn, conversationId: storableText(turn.conversationId), user: safeUser, input }, warnings };
}

function sanitiseInput(input: TurnInput): { input: TurnInput; cut: boolean; personalData: boolean } {
  if (input.kind === 'action') {
    const actionId = safeButtonId(input.actionId.length > MAX_ACTION_CHARS ? '' : input.actionId);
    return { input: { kind: 'action', actionId }, cut: false, personalData: false };
  }
  if (input.kind === 'form') {
    // Only values count for the warning: ids and keys come from our own cards, so a CPR number there was not typed.
    const formId = safeButtonId(input.formId.slice(0, MAX_ACTION_CHARS));
    let personalData = false;
    const values: Record<string, string | boolean> = {};
    for (const [rawKey, raw] of Object.entries(input.values).slice(0, MAX_FORM_FIELDS)) {
      const key = safeId(rawKey);
      if (typeof raw === 'boolean') values[key.text] = raw;
      else if (typeof raw === 'string') {
        const value = safeId(raw.slice(0, MAX_FORM_VALUE_CHARS));
        personalData ||= value.cpr;
        values[key.text] = value.text;
      }
    }
    return { input: { kind: 'form', formId, values }, cut: false, personalData };
  }
  const cut = input.text.length > MAX_INPUT_CHARS;
  // Cut first: a cut through a surrogate pair leaves half of it, which is then made storable too.
  const redaction = redactPersonalData(storableText(cut ? input.text.slice(0, MAX_INPUT_CHARS) : input.text));
  return { input: { kind: 'text', text: redaction.text }, cut, personalData: redaction.found.length > 0 };
}
