/** Something the search can find: an FAQ entry or a guided flow. */
export interface SearchDocument {
  id: string;
  kind: 'faq' | 'flow';
  title: string;
  /** Paraphrases / trigger phrases a user might type. */
  questions: string[];
  keywords: string[];
  /** Answer or description text (low weight). */
  body: string;
}

/** One ranked hit; `score` is in [0,1], higher is better. */
export interface SearchHit {
  id: string;
  kind: 'faq' | 'flow';
  score: number;
}
