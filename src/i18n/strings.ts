import type { Locale } from '../shared/locale.ts';

/** Every interface string the core uses, in Danish and English. */
const STRINGS = {
  da: {
    appName: 'SoMe-rådgiveren',
    welcome:
      'Hej, jeg er SoMe-rådgiveren. Jeg svarer på spørgsmål om kommunens sociale medier, guider dig gennem svære beslutninger og sætter dig i kontakt med en konsulent fra KL Kommunikation.',
    menuPrompt: 'Skriv dit spørgsmål med dine egne ord, eller vælg en guide:',
    menuHeading: 'Hvad kan jeg hjælpe med?',
    searchTips: 'Tip: Skriv kort og konkret, fx "må vi slette kommentarer" eller "shitstorm". Skriv "menu" for at se mulighederne igen.',
    contactConsultant: 'Kontakt en konsulent',
    showMenu: 'Menu',
    sources: 'Kilder',
    /** Said above an FAQ answer when the interface is in another language than the answer (empty: nothing said). */
    answerLanguageNote: '',
    related: 'Læs også',
    flowOffer: 'Der er en guide, der går trin for trin igennem det:',
    didYouMean: 'Mente du …?',
    didYouMeanIntro: (query: string) => `Jeg er ikke helt sikker på, hvad du mener med "${query}". Mente du et af disse emner?`,
    /** Above "Mente du …?" when the question reads as possibly outside the field. */
    maybeOutside: 'Handler det ikke om kommunens egne kanaler, ligger det uden for mit felt.',
    noneOfThese: 'Ingen af dem',
    noAnswer:
      'Det har jeg desværre ikke et godt svar på. Prøv at formulere spørgsmålet anderledes, vælg en guide, eller kontakt en konsulent fra KL Kommunikation.',
    outsideScope: 'Jeg rådgiver om kommunens brug af sociale medier. Spørg gerne om det, vælg en guide, eller kontakt en konsulent fra KL Kommunikation.',
    noneOfTheseReply: 'Beklager, at jeg ikke ramte rigtigt. Prøv at skrive spørgsmålet med andre ord, eller kontakt en konsulent.',
    emptyInput: 'Jeg fik ikke noget spørgsmål. Skriv hvad du vil vide, eller skriv "menu".',
    stopped: 'Guiden er stoppet. Skriv et nyt spørgsmål, eller skriv "menu" for at se mulighederne.',
    stoppedKept: 'Guiden er stoppet. Dine svar er gemt: åbner du guiden igen, fortsætter du, hvor du slap. Skriv et nyt spørgsmål, eller skriv "menu" for at se mulighederne.',
    nothingToStop: 'Der er ingen guide i gang. Skriv et spørgsmål, eller skriv "menu".',
    formCancelled: 'Henvendelsen er annulleret, og intet er sendt. Skriv et nyt spørgsmål, eller skriv "menu".',
    nothingToGoBack: 'Der er ikke noget at gå tilbage til. Skriv "menu" for at se mulighederne.',
    restarted: 'Vi starter forfra.',
    stopFlow: 'Stop guiden',
    continueFlowPrompt: (title: string) => `Du er midt i guiden "${title}". Vil du fortsætte, hvor du var?`,
    flowRestartedAfterChange: (title: string) => `Guiden "${title}" er blevet opdateret, så vi starter den forfra.`,
    unknownFlow: 'Den guide findes ikke (længere). Her er menuen:',
    storeUnavailable: 'Beklager, jeg kan ikke huske vores samtale lige nu. Prøv igen om et øjeblik.',
    internalError: 'Beklager, der gik noget galt hos mig. Prøv igen om et øjeblik.',
    rateLimited: 'Du sender mange beskeder på kort tid. Vent et øjeblik, og prøv så igen.',
    personalDataWarning:
      'Pas på: Din besked ser ud til at indeholde personoplysninger (fx et CPR-nummer, en e-mailadresse eller et telefonnummer). Del ikke oplysninger om borgere her. Jeg har fjernet dem, før noget blev gemt.',
    inputTruncated: 'Din besked var meget lang, så jeg har kun læst begyndelsen.',
    feedbackPrompt: 'Var svaret nyttigt?',
    feedbackThanks: 'Tak for din feedback.',
    feedbackAskComment: 'Tak for din feedback. Hvad manglede? Skriv det gerne i din næste besked – eller stil bare et nyt spørgsmål.',
    feedbackCommentThanks: 'Tak, jeg har noteret din kommentar.',
    unknownButton: '(en knap)',
    unknownForm: 'en formular',
    formSent: (title: string) => `Sendte «${title}»`,
    yes: 'ja',
    no: 'nej',
  },
  en: {
    appName: 'SoMe Advisor',
    welcome:
      "Hi, I'm the SoMe Advisor. I answer questions about your municipality's social media, guide you through difficult decisions and put you in touch with a consultant from KL Kommunikation. (The advice itself is in Danish.)",
    menuPrompt: 'Type your question in your own words, or choose a guide:',
    menuHeading: 'How can I help?',
    searchTips: 'Tip: Keep it short and concrete, e.g. "can we delete comments" or "shitstorm". Type "menu" to see the options again.',
    contactConsultant: 'Contact a consultant',
    showMenu: 'Menu',
    sources: 'Sources',
    answerLanguageNote: 'The advice is written in Danish, for Danish municipalities.',
    related: 'See also',
    flowOffer: 'There is a guide that walks you through it step by step:',
    didYouMean: 'Did you mean …?',
    didYouMeanIntro: (query: string) => `I'm not quite sure what you mean by "${query}". Did you mean one of these topics?`,
    maybeOutside: "If it isn't about the municipality's own channels, it's outside what I cover.",
    noneOfThese: 'None of these',
    noAnswer:
      "Sorry, I don't have a good answer to that. Try phrasing the question differently, choose a guide, or contact a consultant from KL Kommunikation.",
    outsideScope: "I advise on the municipality's use of social media. Ask me about that, choose a guide, or contact a consultant from KL Kommunikation.",
    noneOfTheseReply: 'Sorry I missed. Try asking in other words, or contact a consultant.',
    emptyInput: 'I did not get a question. Type what you want to know, or type "menu".',
    stopped: 'The guide has stopped. Ask a new question, or type "menu" to see the options.',
    stoppedKept: 'The guide has stopped. Your answers are kept: if you open the guide again, you go on where you left it. Ask a new question, or type "menu" to see the options.',
    nothingToStop: 'No guide is running. Ask a question, or type "menu".',
    formCancelled: 'The request is cancelled and nothing was sent. Ask a new question, or type "menu".',
    nothingToGoBack: 'There is nothing to go back to. Type "menu" to see the options.',
    restarted: "Let's start over.",
    stopFlow: 'Stop the guide',
    continueFlowPrompt: (title: string) => `You are in the middle of the guide "${title}". Do you want to continue where you were?`,
    flowRestartedAfterChange: (title: string) => `The guide "${title}" has been updated, so we start it again.`,
    unknownFlow: 'That guide does not exist (any more). Here is the menu:',
    storeUnavailable: "Sorry, I can't remember our conversation right now. Please try again in a moment.",
    internalError: 'Sorry, something went wrong on my side. Please try again in a moment.',
    rateLimited: "You're sending a lot of messages in a short time. Please wait a moment and try again.",
    personalDataWarning:
      'Careful: your message seems to contain personal data (e.g. a CPR number, an e-mail address or a phone number). Please do not share information about citizens here. I removed it before anything was stored.',
    inputTruncated: 'Your message was very long, so I only read the beginning.',
    feedbackPrompt: 'Was this helpful?',
    feedbackThanks: 'Thanks for your feedback.',
    feedbackAskComment: 'Thanks for your feedback. What was missing? Feel free to say so in your next message – or just ask a new question.',
    feedbackCommentThanks: 'Thanks, I have noted your comment.',
    unknownButton: '(a button)',
    unknownForm: 'a form',
    formSent: (title: string) => `Sent «${title}»`,
    yes: 'yes',
    no: 'no',
  },
} as const;

/** The interface strings of one language. */
export type Strings = (typeof STRINGS)[Locale];

/** Returns the interface strings for a locale. */
export function stringsFor(locale: Locale): Strings {
  return STRINGS[locale];
}
