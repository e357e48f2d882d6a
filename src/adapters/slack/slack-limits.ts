/** Slack's Block Kit limits that the renderer keeps within, in one place. */
export const SLACK_LIMITS = {
  /** Blocks per message (and per App Home view we build). */
  messageBlocks: 50,
  /** Characters in a section's text; we stay strictly under. */
  sectionText: 3000,
  /** Characters in a header's plain text. */
  headerText: 150,
  /** Characters in a button's label. */
  buttonText: 75,
  /** Characters in a button's value. */
  buttonValue: 2000,
  /** Buttons in one actions block. */
  actionsElements: 25,
  /** Fields in one section. */
  sectionFields: 10,
  /** Characters in one section field. */
  fieldText: 2000,
  /** Characters in a context element. */
  contextText: 3000,
  /** Characters in the top-level `text` fallback we send. */
  fallbackText: 3000,
  /** Characters in a modal's title, submit and close labels. */
  modalTitle: 24,
  /** Characters in an input block's label and hint. */
  inputLabel: 2000,
  /** Characters in an input placeholder. */
  placeholder: 150,
  /** Characters in an option's label. */
  optionText: 75,
  /** Characters in a view's private_metadata. */
  privateMetadata: 3000,
} as const;
