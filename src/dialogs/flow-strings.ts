import type { Locale } from '../shared/locale.ts';

/** Interface strings of the flow engine (content lives in the flow YAML). */
export interface FlowStrings {
  /** "Trin 2 af 5"; `exact` is false when the remaining paths differ in length ("Trin 2 af højst 5"). */
  progress(step: number, total: number, exact: boolean): string;
  result: string;
  back: string;
  stop: string;
  restartFlow: string;
  menu: string;
  escalate: string;
  urgentNote: string;
  draftHeading: string;
  reasonsHeading: string;
  checklistHeading: string;
  sourcesTitle: string;
  typeAnswer(maxLength: number): string;
  tooLong(maxLength: number): string;
  staleButton: string;
  /** Shown when a button from an earlier step changed that step's answer. */
  changedAnswer(step: number): string;
  /** Shown when a button from an earlier step repeats the answer already given there (nothing is lost). */
  sameAnswer(step: number): string;
  /** Marks a draft section whose free-text answer was skipped or left empty. */
  missingAnswer: string;
  /** Marks a one-word free-text answer in a draft. */
  thinAnswer: string;
  atFirstStep: string;
  stopped: string;
  stoppedFallback: string;
  flowUpdated: string;
  flowGone: string;
  flowBroken: string;
}

const da: FlowStrings = {
  progress: (step, total, exact) => (exact ? `Trin ${step} af ${total}` : `Trin ${step} af højst ${total}`),
  result: 'Resultat',
  back: 'Tilbage',
  stop: 'Stop guiden',
  restartFlow: 'Start guiden forfra',
  menu: 'Tilbage til menuen',
  escalate: 'Kontakt en konsulent',
  urgentNote:
    '**Det haster.** Tryk på «Kontakt en konsulent», så bliver din henvendelse markeret som hastende hos KL’s konsulenter.',
  draftHeading: 'Udkast – tilpas før brug',
  reasonsHeading: 'Ud fra dine svar',
  checklistHeading: 'Tjekliste',
  sourcesTitle: 'Kilder',
  typeAnswer: (max) => `Skriv dit svar som en besked (højst ${max} tegn).`,
  tooLong: (max) => `Svaret er for langt. Skriv det kortere, højst ${max} tegn.`,
  staleButton: 'Den knap hører til et trin, du har forladt. Her er det spørgsmål, du er nået til.',
  changedAnswer: (step) => `Du har ændret dit svar i trin ${step}. Guiden fortsætter derfra.`,
  sameAnswer: (step) => `Det svar gav du allerede i trin ${step}. Her er du nået til.`,
  missingAnswer: '(mangler — vend tilbage til dette)',
  thinAnswer: '(kort svar — uddyb det, og vend tilbage til dette)',
  atFirstStep: 'Du er allerede ved det første spørgsmål.',
  stopped: 'Guiden er stoppet. Du kan skrive et spørgsmål, starte guiden igen eller gå til menuen.',
  stoppedFallback: 'Guiden er stoppet.',
  flowUpdated: 'Guiden er blevet opdateret, siden du startede, så vi begynder forfra.',
  flowGone: 'Guiden findes ikke længere. Vælg en anden guide i menuen, eller skriv dit spørgsmål.',
  flowBroken:
    'Guiden kan ikke fortsætte, fordi den har en fejl i sin opbygning. Prøv en anden guide, eller kontakt en konsulent.',
};

const en: FlowStrings = {
  progress: (step, total, exact) => (exact ? `Step ${step} of ${total}` : `Step ${step} of at most ${total}`),
  result: 'Result',
  back: 'Back',
  stop: 'Stop the guide',
  restartFlow: 'Start the guide again',
  menu: 'Back to the menu',
  escalate: 'Contact a consultant',
  urgentNote: '**This is urgent.** Press “Contact a consultant” and your request is marked as urgent for KL’s consultants.',
  draftHeading: 'Draft – adapt before use',
  reasonsHeading: 'Based on your answers',
  checklistHeading: 'Checklist',
  sourcesTitle: 'Sources',
  typeAnswer: (max) => `Type your answer as a message (at most ${max} characters).`,
  tooLong: (max) => `That answer is too long. Please shorten it to at most ${max} characters.`,
  staleButton: 'That button belongs to a step you have left. Here is the question you have reached.',
  changedAnswer: (step) => `You changed your answer in step ${step}. The guide goes on from there.`,
  sameAnswer: (step) => `You already gave that answer in step ${step}. Here is where you are.`,
  missingAnswer: '(missing — come back to this)',
  thinAnswer: '(short answer — expand on it and come back to this)',
  atFirstStep: 'You are already at the first question.',
  stopped: 'The guide has stopped. You can type a question, start the guide again or go to the menu.',
  stoppedFallback: 'The guide has stopped.',
  flowUpdated: 'The guide has been updated since you started, so we begin again.',
  flowGone: 'That guide no longer exists. Choose another guide from the menu, or type your question.',
  flowBroken: 'The guide cannot continue because it has an error in its structure. Try another guide, or contact a consultant.',
};

/** The engine's interface strings in the given language. */
export function flowStrings(locale: Locale): FlowStrings {
  return locale === 'en' ? en : da;
}
