import { foldDanish } from '../knowledge/danish-text.ts';

/** What a message says is in danger: someone threatened with violence, or someone who may take their own life. */
export type DangerKind = 'violence' | 'self-harm';

/** The FAQ entry that answers each danger; both lead with "ring 112" (a safety test checks their first lines). */
export const SAFETY_ENTRY: Readonly<Record<DangerKind, string>> = { violence: 'trusler', 'self-harm': 'underretning' };

/** People a threat is made against, as folded words ("sagsbehandleren", "him"): threats name a person, idioms do not. */
const PERSON = String.raw`(?:(?:en|et|vores|jeres|min|din|den|de|the|our|a|your)\s+)?(?:ham|hende|dem|os|dig|jer|mig|nogen|folk|him|her|them|us|you|somebody|someone|(?:mayor|councillor|caseworker|teacher|employee|staff|worker|social worker|manager)s?|\p{L}*(?:mester|sagsbehandler|medarbejder|ansat|ansatte|paedagog|laerer|politiker|leder|chef|kollega|betjent|raadgiver)(?:en|er|erne|e|ne)?)`;

/** Phrases that tell of violence against someone: to kill, shoot, stab or beat a person, weapons, "I know where you live". */
const VIOLENCE: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:slaa|slaar|sla|slog)\s+(?:${PERSON}\s+)?ihjel\b`, 'u'),
  /\b(?:draebe|draeber|draebt|myrde|myrder|murder|murders|murdering)\b/u,
  new RegExp(String.raw`\b(?:skyd|skyde|skyder|skudt|shoot|shoots|shooting|shot|stab|stabs|stabbing|stikke|stikker|knivstikke|knivstikker|banke|banker|taeve|taever|taeske|taesker|smadre|smadrer|ordne|ordner|beat up|kill|kills|hurt|attack)\s+(?:${PERSON})(?!\s+(?:i gang|af|op|ind)\b)`, 'u'),
  new RegExp(String.raw`\b(?:slaa|slaar|slog|sla|skyde|skyder|banke|banker)\s+(?:${PERSON})\s+ned\b`, 'u'),
  new RegExp(String.raw`\b(?:goere|gore|goer)\s+(?:${PERSON})\s+(?:fortraed|fortrad|noget|skade)\b`, 'u'),
  /\b(?:kniv|kniven|knive|vaaben|vaabnet|pistol|pistolen|gevaer|bombe|bomben|knife|gun|weapon|bomb)\b/u,
  /\b(?:goere det af med|gore det af med|faa ram paa|saette ild til|brande ned|braende \p{L}+ ned|braende ned|set fire to|burn down)\b/u,
  /\b(?:ved|veed|kender)\s+hvor\s+(?:du|han|hun|i|de|vi|hendes|hans)\s*(?:\p{L}+\s+)?bor\b/u,
  /\bknows?\s+where\s+(?:you|he|she|they|we)\s+lives?\b/u,
  /\b(?:doedstrussel|doedstrusler|drabstrussel|drabstrusler|death threats?|bomb threats?|bombetrussel)\b/u,
  // someone threatens a person ("nogen truer borgmesteren"), not with a complaint or the press ("truer os med …")
  new RegExp(String.raw`\b(?:truer|truede|threatens|threatened|threatening)\s+(?:${PERSON})\b(?!\s+(?:med|with)\b)`, 'u'),
];

/** Phrases that tell that someone may take their own life. */
const SELF_HARM: readonly RegExp[] = [
  /\b(?:tage|tager|tog)\s+(?:sit|mit|hans|hendes|deres|dit)\s+(?:eget\s+)?liv\b/u,
  /\bselvmord(?!s?forebyg)\p{L}*/u,
  /\b(?:skyde|skyder|haenge|haenger|skaere|skaerer|draebe|draeber)\s+(?:sig|mig)(?:\s+selv)?\b(?!\s+(?:i gang|op|ind|fri|ud)\b)/u,
  /\b(?:shoot|hang|hurt|cut)\s+(?:himself|herself|myself|themselves)\b/u,
  /\b(?:slaa|slaar)\s+(?:sig|mig)\s+selv\s+ihjel\b/u,
  /\b(?:ikke|ik)\s+(?:vil|gider|orker|kan)\s+leve\b(?!\s+(?:op|med|af|for|uden)\b)/u,
  /\b(?:vil|gider|orker|kan)\s+ikke\s+leve\b(?!\s+(?:op|med|af|for|uden)\b)/u,
  /\bgoere en ende paa (?:det|sit liv|mit liv)\b/u,
  /\bsuicid\p{L}*/u,
  /\b(?:end|take|ending|taking)\s+(?:his|her|my|their|your)\s+(?:own\s+)?life\b/u,
  /\bkill\s+(?:himself|herself|myself|themselves|yourself)\b/u,
  /\b(?:selvskade|self-harm|self harm)\b/u,
];

/**
 * Words that name a threat without saying whom or what it is ("en trussel på mail", "a threatening message"); not
 * "truer med at …", which threatens to sue, complain or go to the press.
 */
const THREAT_WORDS = /\b(?:trussel|truslen|trusler|truslerne|truende|truet|threat|threats|threatening|threatened|threatens?)\b|\btru(?:er|ede|es)\b(?!\s+med\s+at\b)/u;

/**
 * True when a message names a threat. Weaker than `dangerIn`: the word also turns up in other questions ("husregler
 * om hvad vi fjerner, fx trusler"), so it only counts when the search has no confident answer of its own.
 */
export function threatMentioned(text: string): boolean {
  return THREAT_WORDS.test(foldDanish(text));
}

/**
 * The danger a message tells of, if any: self-harm before violence ("slå sig selv ihjel" is both). Only clear phrases
 * count (to kill, shoot or stab a person, a weapon, "ved hvor du bor", suicide), so everyday idioms ("skyde
 * kampagnen i gang", "shoot a video") do not; such a message is answered with the matching safety entry first.
 */
export function dangerIn(text: string): DangerKind | undefined {
  const folded = foldDanish(text).replace(/["'«»“”„‘’]/g, '').replace(/\s+/g, ' ');
  if (SELF_HARM.some((pattern) => pattern.test(folded))) return 'self-harm';
  if (VIOLENCE.some((pattern) => pattern.test(folded))) return 'violence';
  return undefined;
}
