// A small, strict XML parser for tests: elements, attributes, text, entities; throws on anything ill-formed.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: number): string {
  if (/[<]/.test(raw)) throw new Error(`unescaped < at ${where}`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters.
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(raw)) throw new Error(`control character at ${where}`);
  return raw.replace(/&([^;]*);?/g, (match, name: string) => {
    if (!match.endsWith(';')) throw new Error(`bare & at ${where}`);
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    const value = ENTITIES[name];
    if (value === undefined) throw new Error(`unknown entity &${name}; at ${where}`);
    return value;
  });
}

/** Parses a document with one root element (an XML declaration is allowed). */
export function parseXml(text: string): XmlElement {
  let pos = 0;
  const skipSpace = () => {
    while (pos < text.length && /\s/.test(text[pos] as string)) pos += 1;
  };
  if (text.startsWith('<?xml')) pos = text.indexOf('?>') + 2;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  skipSpace();
  while (pos < text.length) {
    if (text.startsWith('</', pos)) {
      const end = text.indexOf('>', pos);
      const name = text.slice(pos + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`mismatched </${name}> at ${pos}`);
      pos = end + 1;
      if (stack.length === 0) root = open;
    } else if (text[pos] === '<') {
      const match = /^<([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(
        text.slice(pos),
      );
      if (!match) throw new Error(`bad tag at ${pos}: ${text.slice(pos, pos + 40)}`);
      const attributes: Record<string, string> = {};
      for (const a of (match[2] ?? '').matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        const name = a[1] as string;
        if (name in attributes) throw new Error(`duplicate attribute ${name} at ${pos}`);
        attributes[name] = decode(a[2] ?? a[3] ?? '', pos);
      }
      const element: XmlElement = { name: match[1] as string, attributes, children: [], text: '' };
      if (stack.length > 0) (stack[stack.length - 1] as XmlElement).children.push(element);
      else if (root) throw new Error('more than one root element');
      pos += match[0].length;
      if (match[3] === '/') {
        if (stack.length === 0) root = element;
      } else stack.push(element);
    } else {
      const next = text.indexOf('<', pos);
      const end = next === -1 ? text.length : next;
      const raw = text.slice(pos, end);
      if (stack.length === 0) {
        if (raw.trim()) throw new Error(`text outside the root at ${pos}`);
      } else (stack[stack.length - 1] as XmlElement).text += decode(raw, pos);
      pos = end;
    }
  }
  if (stack.length > 0 || !root) throw new Error(`unclosed <${stack[stack.length - 1]?.name ?? 'root'}>`);
  return root;
}

/** Every descendant element with this name. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((c) => [...(c.name === name ? [c] : []), ...findAll(c, name)]);
}
