// Loads the optional population register: the civic numbers the model may treat as registered.
import { readFileSync } from 'node:fs';

/**
 * Reads a file holding civic numbers, either a JSON array of strings or one number a line
 * (blank lines and `#` comments ignored). Throws TypeError naming the file when it cannot be used.
 */
export function loadPopulationRegister(path: string): ReadonlySet<string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new TypeError(`Cannot read population register ${path}: ${(error as Error).message}`);
  }
  return parsePopulationRegister(text, path);
}

export function parsePopulationRegister(text: string, source = 'population register'): ReadonlySet<string> {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      throw new TypeError(`${source} is not valid JSON: ${(error as Error).message}`);
    }
    if (!Array.isArray(parsed) || !parsed.every((v) => typeof v === 'string')) {
      throw new TypeError(`${source} must be a JSON array of civic-number strings`);
    }
    return new Set(parsed.map((v) => v.trim()));
  }
  const numbers = trimmed
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line !== '');
  return new Set(numbers);
}
