import type { Locale } from '../shared/locale.ts';

/** Interface strings of the conversation itself: small talk, guides beside answers, paused guides, old buttons, questions inside a guide. */
export interface ConversationStrings {
  /** Replies to small talk that are not the menu (a greeting gets the menu with its welcome). */
  smallTalk: { capabilities: string; identity: string; thanks: string; ok: string; bye: string };
  startGuide: string;
  guideBeside(title: string): string;
  continueAt(step: number): string;
  /** Said when a guide left in the middle for another one is opened again and goes on where the user was. */
  resumedGuide(step: number): string;
  startGuideOver: string;
  /** Offers, under a safety answer, the answer the search was sure of for the rest of the message. */
  alsoAbout: string;
  /** Offers, under the answer to a short follow-up, the reading of it with the answer before it. */
  followUpAlternative: string;
  /** Said above an answer that is the same entry as the answer just before it. */
  sameAnswerAgain: string;
  /** The button that shows the same answer again in full. */
  showAnswerAgain: string;
  /** Said under a reply to a typed message while a consultant request's form is still open. */
  formStillOpen: string;
  choiceNoLongerActive: string;
  /** Said above a guide's step again when an answer typed at its buttons was understood neither as a button nor as a question. */
  unclearStepAnswer: string;
  heldQuestion: string;
  useAsAnswer: string;
  answerFirst: string;
  /** Offers to correct obvious slips (`fixes`: "«kommuen» → «kommune»", …) in an answer to a free-text step. */
  heldSlips(fixes: string): string;
  useCorrected: string;
  keepAsTyped: string;
  /** Asked when a message is typed after a consultant's message in case `number` that is not answered yet. */
  forConsultant(number: string): string;
  sendToConsultant: string;
  askAdvisorInstead: string;
}

/** Both languages; the interface keeps them in step. */
const STRINGS: Record<Locale, ConversationStrings> = {
  da: {
    smallTalk: {
      capabilities:
        'Jeg kan tre ting: svare på spørgsmål om kommunens sociale medier (fx moderation, kriser, strategi, platforme og GDPR), guide dig trin for trin gennem svære beslutninger og sætte dig i kontakt med en konsulent fra KL Kommunikation.',
      identity:
        'Jeg er SoMe-rådgiveren – en chatbot, ikke et menneske. Jeg finder mine svar i en fast samling af råd om kommunernes sociale medier; jeg digter dem ikke selv. Vil du tale med et menneske, så kontakt en konsulent.',
      thanks: 'Selv tak! Skriv endelig, hvis der er mere, jeg kan hjælpe med.',
      ok: 'Godt. Skriv endelig, hvis der er mere, jeg kan hjælpe med.',
      bye: 'Tak for nu, og hav en god dag. Du kan altid skrive igen.',
    },
    startGuide: 'Start guiden',
    guideBeside: (title: string) => `Der er også en guide, der går trin for trin igennem det: **${title}**`,
    continueAt: (step: number) => `Fortsæt guiden (trin ${step})`,
    resumedGuide: (step: number) => `Du fortsætter, hvor du slap i guiden (trin ${step}). Dine svar er gemt.`,
    startGuideOver: 'Start guiden forfra',
    alsoAbout: 'Din besked handler måske også om dette:',
    followUpAlternative: 'Eller spurgte du til det forrige emne?',
    sameAnswerAgain: 'Det er det samme svar, som du fik lige før. Dækker det ikke dit spørgsmål, så kan en konsulent hjælpe.',
    showAnswerAgain: 'Vis svaret igen',
    formStillOpen: 'Din henvendelse til en konsulent er ikke sendt endnu: udfyld formularen ovenfor, eller skriv "annuller".',
    choiceNoLongerActive: 'Det valg er ikke længere aktivt.',
    unclearStepAnswer: 'Jeg forstod ikke svaret. Vælg et af svarene herunder, eller skriv dit spørgsmål.',
    heldQuestion:
      'Det ligner et spørgsmål. Skal jeg bruge det som dit svar på trinnet, eller svare på spørgsmålet først? Bagefter kommer du tilbage til trinnet.',
    useAsAnswer: 'Brug det som svar',
    answerFirst: 'Svar på spørgsmålet',
    heldSlips: (fixes: string) => `Der ser ud til at være en tastefejl: ${fixes}. Skal jeg rette det i dit svar?`,
    useCorrected: 'Ret det',
    keepAsTyped: 'Behold som skrevet',
    forConsultant: (number: string) => `Er det et svar til konsulenten i sag ${number}? Så sender jeg det dertil. Ellers svarer jeg selv på det.`,
    sendToConsultant: 'Send til konsulenten',
    askAdvisorInstead: 'Nej, svar mig her',
  },
  en: {
    smallTalk: {
      capabilities:
        "I can do three things: answer questions about your municipality's social media (for example moderation, crises, strategy, platforms and GDPR), guide you step by step through difficult decisions, and put you in touch with a consultant from KL Kommunikation. (The advice itself is in Danish.)",
      identity:
        "I'm the SoMe Advisor – a chatbot, not a person. I find my answers in a fixed collection of advice on municipalities' social media; I don't make them up. If you want to talk to a person, contact a consultant.",
      thanks: "You're welcome! Just write if there is anything else I can help with.",
      ok: 'Good. Just write if there is anything else I can help with.',
      bye: 'Thanks, and have a good day. You can always write again.',
    },
    startGuide: 'Start the guide',
    guideBeside: (title: string) => `There is also a guide that walks you through it step by step: **${title}**`,
    continueAt: (step: number) => `Continue the guide (step ${step})`,
    resumedGuide: (step: number) => `You go on where you left the guide (step ${step}). Your answers are kept.`,
    startGuideOver: 'Start the guide again',
    alsoAbout: 'Your message may also be about this:',
    followUpAlternative: 'Or were you asking about the previous topic?',
    sameAnswerAgain: 'This is the same answer as just before. If it does not cover your question, a consultant can help.',
    showAnswerAgain: 'Show the answer again',
    formStillOpen: 'Your request to a consultant has not been sent yet: fill in the form above, or type "cancel".',
    choiceNoLongerActive: 'That choice is no longer active.',
    unclearStepAnswer: 'I did not understand that answer. Choose one of the answers below, or type your question.',
    heldQuestion:
      'That looks like a question. Shall I use it as your answer to this step, or answer the question first? Afterwards you come back to the step.',
    useAsAnswer: 'Use it as my answer',
    answerFirst: 'Answer the question',
    heldSlips: (fixes: string) => `That looks like a typing slip: ${fixes}. Shall I correct it in your answer?`,
    useCorrected: 'Correct it',
    keepAsTyped: 'Keep it as typed',
    forConsultant: (number: string) => `Is this an answer to the consultant in case ${number}? Then I will send it there. Otherwise I will answer it myself.`,
    sendToConsultant: 'Send to the consultant',
    askAdvisorInstead: 'No, answer me here',
  },
};

/** Returns the conversation strings for a locale. */
export function conversationStrings(locale: Locale): ConversationStrings {
  return STRINGS[locale];
}
