// Progress lines on stderr, one event a line; never a token, key or personal data.

/** @typedef {(line: string) => void} Log */

/** @type {Log} */
export const stderrLog = (line) => {
  process.stderr.write(`${line}\n`);
};
