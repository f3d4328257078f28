// Escaping for XML and HTML text and attributes; drops characters XML 1.0 cannot carry (ANSI escapes, NUL).

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML 1.0 forbids.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour sequences from client output.
const ANSI = /\u001B\[[0-9;]*[A-Za-z]/g;

/** Text safe inside an element or a double- or single-quoted attribute. */
export function escapeMarkup(text: string): string {
  return text
    .replace(ANSI, '')
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
