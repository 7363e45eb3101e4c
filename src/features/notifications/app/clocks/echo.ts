/**
 * Echoes an identifier a person typed back in an error message, only when it is plainly an identifier:
 * anything else could carry Slack markup (`<!channel>`), so it is not repeated.
 */
export function echoId(text: string): string {
  return /^[\w.:-]{1,80}$/.test(text) ? `\`${text}\`` : 'that';
}
