// A strict XML 1.0 well-formedness check, enough for reporter output: one root element, balanced
// tags, quoted unique attributes, only the five predefined entities and valid character references,
// no characters XML forbids. Returns the list of problems (empty = well-formed).

const NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]*$/;
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function checkRefs(s: string, where: string, problems: string[]): void {
  if (FORBIDDEN.test(s)) problems.push(`forbidden character in ${where}`);
  for (const m of s.matchAll(/&([^;]*);?/g)) {
    const body = m[1] ?? '';
    if (!m[0].endsWith(';')) {
      problems.push(`bare & in ${where}`);
    } else if (/^#x[0-9A-Fa-f]+$/.test(body) || /^#[0-9]+$/.test(body)) {
      const code = body.startsWith('#x') ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      const ok = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
      if (!ok) problems.push(`illegal character reference &${body}; in ${where}`);
    } else if (!['amp', 'lt', 'gt', 'quot', 'apos'].includes(body)) {
      problems.push(`unknown entity &${body}; in ${where}`);
    }
  }
}

export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  let rest = xml;
  const decl = /^<\?xml\s+version="1\.0"(\s+encoding="UTF-8")?\s*\?>/.exec(rest);
  if (decl) rest = rest.slice(decl[0].length);
  const stack: string[] = [];
  let roots = 0;
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    const textPart = lt === -1 ? rest : rest.slice(0, lt);
    if (textPart.length > 0) {
      if (stack.length === 0 && textPart.trim() !== '') problems.push('text outside the root element');
      if (textPart.includes('>')) {
        // '>' is legal in text, but ']]>' is not.
        if (textPart.includes(']]>')) problems.push("']]>' in text");
      }
      checkRefs(textPart, 'text', problems);
    }
    if (lt === -1) break;
    rest = rest.slice(lt);
    const end = rest.indexOf('>');
    if (end === -1) {
      problems.push('unterminated tag');
      break;
    }
    const tag = rest.slice(0, end + 1);
    rest = rest.slice(end + 1);
    if (tag.startsWith('</')) {
      const name = tag.slice(2, -1).trim();
      const open = stack.pop();
      if (open !== name) problems.push(`closing </${name}> does not match <${open ?? '(none)'}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/>');
    const inner = tag.slice(1, selfClosing ? -2 : -1);
    const nameMatch = /^[^\s/>]+/.exec(inner);
    const name = nameMatch?.[0] ?? '';
    if (!NAME.test(name)) problems.push(`bad element name "${name}"`);
    let attrs = inner.slice(name.length);
    const seen = new Set<string>();
    while (attrs.trim().length > 0) {
      const m = /^\s+([A-Za-z_:][A-Za-z0-9_:.-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(attrs);
      if (!m) {
        problems.push(`bad attribute syntax in <${name}>: ${JSON.stringify(attrs.slice(0, 40))}`);
        break;
      }
      const attrName = m[1] ?? '';
      if (seen.has(attrName)) problems.push(`duplicate attribute ${attrName} in <${name}>`);
      seen.add(attrName);
      checkRefs(m[3] ?? m[4] ?? '', `attribute ${attrName}`, problems);
      attrs = attrs.slice(m[0].length);
    }
    if (stack.length === 0) roots++;
    if (!selfClosing) stack.push(name);
  }
  if (stack.length > 0) problems.push(`unclosed elements: ${stack.join(', ')}`);
  if (roots !== 1) problems.push(`expected one root element, found ${roots}`);
  return problems;
}

/** Decode the five predefined entities and character references (for reading values back). */
export function xmlDecode(s: string): string {
  return s.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, body: string) => {
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[body] ?? '';
  });
}
