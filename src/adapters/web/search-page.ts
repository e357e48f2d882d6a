import type { Locale } from '../../shared/locale.ts';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import { hintFor } from '../../knowledge/outside-schema.ts';
import { escapeHtml } from './escape-html.ts';
import { webStringsFor } from './web-strings.ts';

const RESULT_LIMIT = 10;

function titleOf(knowledge: KnowledgeBase, kind: 'faq' | 'flow', id: string): string {
  return (kind === 'faq' ? knowledge.faq.get(id)?.title : knowledge.flows.get(id)?.title) ?? '';
}

function resultsHtml(knowledge: KnowledgeBase, query: string, locale: Locale): string {
  const s = webStringsFor(locale);
  const outcome = knowledge.search(query, RESULT_LIMIT);
  const area = outcome.outside ? knowledge.outside.get(outcome.outside) : undefined;
  const areaTitle = area?.title ?? outcome.outside ?? '';
  const outsideRow = outcome.outside
    ? `\n<div><dt>${escapeHtml(s.outsideArea)}</dt><dd class="outside-area">${escapeHtml(areaTitle)} (<code>${escapeHtml(outcome.outside)}</code>)</dd></div>`
    : '';
  const outsideNote = outcome.outside
    ? `<p class="outside-note">${escapeHtml(s.outsideExplanation(areaTitle))}</p>${area ? `<blockquote><p>${escapeHtml(hintFor(area, locale))}</p></blockquote>` : ''}`
    : outcome.outsideDoubt
      ? `<p class="outside-note">${escapeHtml(s.outsideDoubtNote)}</p>`
      : '';
  const summary = `<dl class="facts search-summary">
<div><dt>${escapeHtml(s.confident)}</dt><dd class="confident-${outcome.confident ? 'yes' : 'no'}">${escapeHtml(outcome.confident ? s.yes : s.no)}</dd></div>
<div><dt>${escapeHtml(s.decision)}</dt><dd>${escapeHtml(s.decisions[outcome.decision])}</dd></div>${outsideRow}
</dl>${outsideNote}`;
  if (outcome.results.length === 0) return `${summary}<p>${escapeHtml(s.noResults)}</p>`;
  const rows = outcome.results
    .map(
      (hit, i) =>
        `<tr><td>${i + 1}</td><td><code>${escapeHtml(hit.id)}</code></td><td>${escapeHtml(s.kinds[hit.kind])}</td><td>${escapeHtml(
          titleOf(knowledge, hit.kind, hit.id),
        )}</td><td class="score">${hit.score.toFixed(3)}</td></tr>`,
    )
    .join('');
  return `${summary}<div class="table-scroll" tabindex="0" role="region" aria-labelledby="results-heading"><table class="results">
<thead><tr><th scope="col">${escapeHtml(s.rank)}</th><th scope="col">${escapeHtml(s.id)}</th><th scope="col">${escapeHtml(s.kind)}</th><th scope="col">${escapeHtml(
    s.entryTitle,
  )}</th><th scope="col">${escapeHtml(s.score)}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

/** The body of the search inspector: a GET form and, for a query, the ranked hits, scores and the decision. */
export function searchPageBody(knowledge: KnowledgeBase, query: string, locale: Locale, chosen?: Locale): string {
  const s = webStringsFor(locale);
  const lang = chosen ? `<input type="hidden" name="lang" value="${chosen}">` : '';
  const results = query.trim()
    ? `<section aria-labelledby="results-heading"><h2 id="results-heading">${escapeHtml(s.searchResults(query))}</h2>${resultsHtml(knowledge, query, locale)}</section>`
    : '';
  return `<h1>${escapeHtml(s.searchHeading)}</h1>
<p>${escapeHtml(s.searchIntro)}</p>
<form class="search-form" method="get" action="/search" role="search">${lang}
<label for="search-input">${escapeHtml(s.searchLabel)}</label>
<div class="chat-input-row">
<input id="search-input" type="search" name="q" value="${escapeHtml(query)}" maxlength="500" required>
<button type="submit" class="primary">${escapeHtml(s.searchButton)}</button>
</div>
</form>
${results}`;
}
