/** What the bot and the search need to know about a guided flow to list, find and offer it. */
export interface FlowSummary {
  id: string;
  title: string;
  /** One sentence on what the flow helps with. */
  description: string;
  /** Phrases that start the flow when typed (also searched). */
  triggers: string[];
  /** The day its claims were last checked against their sources (YYYY-MM-DD), when the flow says. */
  reviewed?: string;
}
