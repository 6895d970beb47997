// The suggestion template of @easyops-cn/docusaurus-search-local, with where each hit is: the
// provider-docs plugin has the bundler load this module in place of the search bar's own
// `./SuggestionTemplate` (see configureWebpack in generator/docusaurus/plugin.ts).
//
// On a site of hundreds of resources whose names repeat (`tokens` in two providers), a hit that
// shows only the page title says too little. The search plugin can show the page's breadcrumb
// (`explicitSearchResultPath`), but it writes titles and headings into the suggestion's HTML
// unescaped, so a heading holding `<img onerror=...>` would run. Here the breadcrumb (provider,
// service) is escaped and put in the suggestion's path line: `Providers › databricks_workspace ›
// settings › tokens`. Everything else is the search plugin's own template.
import { SuggestionTemplate as original } from '@easyops-cn/docusaurus-search-local/dist/client/client/theme/SearchBar/SuggestionTemplate.js';
import styles from '@easyops-cn/docusaurus-search-local/dist/client/client/theme/SearchBar/SearchBar.module.css';

type Props = Parameters<typeof original>[0];

const SEPARATOR = ' › ';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#039;');
}

/** Breadcrumb of the hit's page (navbar item, then the sidebar categories), without the page itself. */
function trail(props: Props): string[] {
  const title = props.page ? props.page.t : props.document.t;
  const crumbs = [...((props.page ? props.page.b : props.document.b) ?? [])].filter((c) => typeof c === 'string' && c !== '');
  if (crumbs.length > 0 && crumbs[crumbs.length - 1] === title) crumbs.pop();
  return crumbs;
}

export function SuggestionTemplate(props: Props): string {
  const html = original(props);
  const crumbs = trail(props);
  if (crumbs.length === 0) return html;
  const where = escapeHtml(crumbs.join(SEPARATOR));
  const pathOpen = `<span class="${styles.hitPath}">`;
  const at = html.indexOf(pathOpen);
  // a path line (the page title, for a heading or text hit): the breadcrumb goes before the title
  if (at >= 0) return `${html.slice(0, at + pathOpen.length)}${where}${SEPARATOR}${html.slice(at + pathOpen.length)}`;
  // a page-title hit has none: add one under the title
  const close = `</span><span class="${styles.hitAction}">`;
  const end = html.lastIndexOf(close);
  const line = `<span class="${styles.hitPath}">${where}</span>`;
  return end >= 0 ? `${html.slice(0, end)}${line}${html.slice(end)}` : html;
}
