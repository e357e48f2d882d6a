/**
 * Danish text handling for search: case and accent folding that keeps æ/ø/å meaningful (folded to ae/oe/aa so
 * both spellings meet), stop words, and a light suffix stemmer so inflected forms match.
 */

const STOP_WORDS = new Set(
  (
    // Danish function words and chat filler
    'ad af aldrig alle alt altid anden andet andre at bare blev blive bliver da de dem den denne dens der deres det dette dig din dine disse dit dog du eller en end ens er et ' +
    'få faar faa fik for fordi fra før foer gerne god godt gør goer ham han hans har havde have hej hende hendes her hos hun hvad hvem hver hvilke hvilken hvilket hvis hvor hvordan hvorfor hvornår hvornaar i ' +
    'ikke ind ingen jeg jer jo kan kunne lidt man mange med meget men mere mig min mine mit mod må maa naar når ned noget nogen nogle nu ny nyt og også ogsaa om op os over på paa ' +
    'rigtig sig sin sine sit skal skulle som så saa sådan saadan til tak under ud uden var ved vi vil ville vores vor være vaere været vaeret altså altsaa egentlig helt ' +
    'lige nok okay ok lave laver gøre goere hjælp hjaelp spørgsmål spoergsmaal kommune kommunen kommunens kommuner kommunes kommunal kommunale ' +
    'kun hele både baade enten mens stadig allerede igen endnu først foerst overhovedet rigtigt virkelig vel nej ja fx osv hvorfra hvortil ' +
    'blevet bør boer burde kan kunne sådanne saadanne dermed derfor således saaledes ' +
    // English function words
    'a an and are as at be but by can could do does for from how i if in is it me my of on or our should so that the their them there they this to us was we what when where which who why will with would you your ' +
    'about also am any been being did get got has had have into its just not no ours really than then these those very were yes ' +
    'municipality municipalities municipal council councils'
  ).split(/[\s,']+/).filter(Boolean),
);

const SUFFIXES = ['erne', 'ende', 'ernes', 'enes', 'erens', 'eren', 'heden', 'hed', 'ene', 'ens', 'ers', 'er', 'en', 'et', 'es', 'e', 's'];

/** Any character outside ASCII. */
const NOT_ASCII = /[^\u0000-\u007f]/;

/** The Danish letters (and their German look-alikes) folded to two ASCII letters each. */
const DANISH_LETTERS = /[æäøöå]/g;
const FOLDED_LETTER: Readonly<Record<string, string>> = { æ: 'ae', ä: 'ae', ø: 'oe', ö: 'oe', å: 'aa' };

/** Lower-cases, strips accents other than æøå, and folds æ→ae, ø→oe, å→aa (also ä/ö/aa variants). */
export function foldDanish(text: string): string {
  const folded = text.toLowerCase().replace(DANISH_LETTERS, (letter) => FOLDED_LETTER[letter] ?? letter);
  // ASCII has no accents to strip (most text, once æøå are folded): normalising it would only cost time
  return NOT_ASCII.test(folded) ? folded.normalize('NFKD').replace(/\p{M}/gu, '') : folded;
}

/** A light Danish stemmer: removes one common inflection suffix (keeping four letters) and undoubles the end (keeping four). */
export function stem(word: string): string {
  if (/\d/.test(word)) return word;
  let base = word;
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) {
      base = word.slice(0, -suffix.length);
      break;
    }
  }
  return base.length >= 5 && /([^aeiouy])\1$/.test(base) ? base.slice(0, -1) : base;
}

/** True when a folded word is a stop word. */
export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}

/** Splits text into folded words (letters and digits), keeping stop words. */
export function words(text: string): string[] {
  return foldDanish(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A text with case, accents, æ/ø/å spelling, punctuation and spacing folded away: phrasings equal but for those compare equal. */
export function foldedPhrase(text: string): string {
  return words(text).join(' ');
}

/** Forms of "slå" (folded) that a particle turns into another verb: "slå kommentarerne fra" is to turn them off, not to hit. */
const SLAA_FORMS = new Set(['slaa', 'slaar', 'slog', 'slaaet']);
/** The particles that do so, and how far after the verb they may stand ("slå kommentarfeltet på opslaget fra"). */
const SLAA_PARTICLES = new Set(['fra', 'til', 'op']);
const PARTICLE_REACH = 4;

/** The folded words of a text, with each particle verb of "slå" as one word ("slaafra"), so it does not meet "slå" (to hit). */
export function meaningWords(text: string): string[] {
  const folded = words(text);
  return folded.map((word, i) => {
    if (!SLAA_FORMS.has(word)) return word;
    const particle = folded.slice(i + 1, i + 1 + PARTICLE_REACH).find((w) => SLAA_PARTICLES.has(w));
    return particle ? `slaa${particle}` : word;
  });
}

/** Search terms of a text: folded, stop words removed, stemmed. Single letters count only when `keep` knows them. */
export function searchTerms(text: string, keep?: (term: string) => boolean): string[] {
  return meaningWords(text)
    .filter((w) => !isStopWord(w) && (w.length > 1 || /\d/.test(w) || (keep?.(w) ?? false)))
    .map(stem);
}
