/**
 * Typed text as Slack sends it in a slash command with `should_escape`: `&`, `<` and `>` become `&amp;`,
 * `&lt;` and `&gt;`; a mention Slack completed (`<@U…>`, `<@U…|name>`, `<#C…|name>`) stays its token.
 */
export function slackEscape(typed: string): string {
  return typed.split(/(<@[UW][A-Z0-9]+(?:\|[^<>|]*)?>|<#C[A-Z0-9]+(?:\|[^<>|]*)?>)/).map((part, i) =>
    i % 2 === 1 ? part : part.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;'),
  ).join('');
}
