/** An Adaptive Cards 1.5 action that posts `data` (merged with the card's input values) back to the bot. */
export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: Record<string, unknown>;
  style?: 'default' | 'positive' | 'destructive';
}

/** The Adaptive Card elements this adapter emits (a standard subset of schema 1.5; no Teams-only properties). */
export type CardElement =
  | {
      type: 'TextBlock';
      text: string;
      wrap: true;
      size?: 'Small' | 'Default' | 'Medium' | 'Large';
      weight?: 'Default' | 'Bolder';
      isSubtle?: boolean;
      color?: 'Default' | 'Attention' | 'Good' | 'Accent';
      separator?: boolean;
      spacing?: 'None' | 'Small' | 'Medium';
    }
  | { type: 'FactSet'; facts: { title: string; value: string }[]; separator?: boolean }
  /** A tappable panel (a long choice whose text wraps, where a button would cut it off). */
  | { type: 'Container'; items: CardElement[]; selectAction: SubmitAction; style: 'emphasis' | 'accent'; separator?: boolean; spacing?: 'Small' }
  | { type: 'ActionSet'; actions: SubmitAction[]; separator?: boolean; spacing?: 'None' | 'Small' }
  | {
      type: 'Input.Text';
      id: string;
      label: string;
      isRequired: boolean;
      errorMessage?: string;
      maxLength?: number;
      isMultiline?: boolean;
      style?: 'Text' | 'Email';
      placeholder?: string;
      value?: string;
      separator?: boolean;
    }
  | {
      type: 'Input.ChoiceSet';
      id: string;
      label: string;
      isRequired: boolean;
      errorMessage?: string;
      style: 'compact';
      choices: { title: string; value: string }[];
      value?: string;
      separator?: boolean;
    }
  | {
      type: 'Input.Toggle';
      id: string;
      label: string;
      title: string;
      isRequired: boolean;
      errorMessage?: string;
      valueOn: 'true';
      valueOff: 'false';
      value: 'true' | 'false';
      separator?: boolean;
    };

/** An Adaptive Card 1.5 as sent in a Teams message attachment. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: CardElement[];
  fallbackText?: string;
  lang?: string;
}

/** The MIME type of an Adaptive Card attachment. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The size Teams accepts for a whole message is about 28 KB; cards are kept under this many bytes of JSON. */
export const MAX_CARD_BYTES = 28 * 1024;

/** The JSON size of a card in bytes (UTF-8), as it goes over the wire. */
export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}
