import type { Message } from '../../core/message.ts';
import type { Locale } from '../../shared/locale.ts';

/** One step of a guide as the Guides page shows it: its Mermaid node id and its text as a neutral Message. */
export interface GuideNode {
  id: string;
  kind: 'question' | 'route' | 'outcome';
  /** The node's id in the guide's Mermaid source (what the diagram's SVG node ids are built from). */
  mermaidId: string;
  /** A short label for the step list. */
  label: string;
  text: Message;
}

/** One guided flow with its diagram source and every step's text. */
export interface Guide {
  id: string;
  title: string;
  description: string;
  mermaid: string;
  nodes: GuideNode[];
}

/** Supplies the guides to draw, in the requested language: the flows the chat runs now. */
export type GuideSource = (locale: Locale) => Guide[];
