/** What a search document is: an FAQ entry, a guided flow, or an area the assistant does not cover. */
export type DocumentKind = 'faq' | 'flow' | 'outside';

/** Something the search can find: an FAQ entry, a guided flow, or an out-of-scope area. */
export interface SearchDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  /** Paraphrases / trigger phrases a user might type. */
  questions: string[];
  keywords: string[];
  /** Answer or description text (low weight). */
  body: string;
}

/** One ranked document of any kind; `score` is in [0,1], higher is better. */
export interface IndexHit {
  id: string;
  kind: DocumentKind;
  score: number;
}

/** One ranked hit the assistant can show: an FAQ entry or a flow. */
export interface SearchHit extends IndexHit {
  kind: 'faq' | 'flow';
}
