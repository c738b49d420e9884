/**
 * What reaches a terminal. Text from files (cell values, sheet names, file names) may hold control
 * characters: an escape sequence in a cell could clear the screen, retitle the window, hide lines
 * or fake a verdict. Every line the command line prints goes through out()/err(), which show such
 * characters as visible escapes (\x1B, \u202E); only the line breaks of the output itself and, on a
 * colour terminal, the program's own colour codes stay.
 */

/** C0 and C1 controls, DEL, and the bidirectional overrides and isolates that reorder a line. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

const visible = (ch: string) => {
  const c = ch.charCodeAt(0);
  return c < 0x100 ? `\\x${c.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
};

/** A piece of text from a file, on one line: every control character (line breaks too) made visible. */
export const shown = (s: string): string => s.replace(CONTROL, visible);

/** Text for a terminal: control characters made visible, the text's own line breaks kept. */
export const plain = (s: string): string => s.replace(CONTROL_BUT_NEWLINE, visible);

/** The program's own colour: SGR codes wrapped in markers that plain() would otherwise escape. */
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m|\r\u001b\[K/g;

/**
 * Text with the program's own colour codes (and the progress line's carriage return) kept and
 * everything else made visible. Text from files in it must already have passed through shown().
 */
export const coloured = (s: string): string => {
  const parts = s.split(SGR);
  const codes = s.match(SGR) ?? [];
  return parts.map((p, i) => plain(p) + (codes[i] ?? '')).join('');
};

/** JSON for a terminal or a pipe: the characters JSON.stringify leaves raw (DEL, C1, bidi) escaped. */
export const jsonText = (s: string): string =>
  s.replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** Prints text to standard output, control characters made visible. */
export const out = (s: string): void => void process.stdout.write(plain(s));

/** Prints text to standard error, control characters made visible. */
export const err = (s: string): void => void process.stderr.write(plain(s));
