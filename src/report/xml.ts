// XML 1.0 escaping that never produces an ill-formed document.

/** Characters XML 1.0 forbids anywhere (even as references): C0 controls other than tab/LF/CR,
 *  lone surrogates, U+FFFE and U+FFFF. They are replaced with a visible `\xNN` / `\uNNNN` escape. */
const ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visible(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Escape character data (element text). */
export function xmlText(s: string): string {
  return s.replace(ILLEGAL, visible).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escape an attribute value for use between double quotes; tab/LF/CR survive attribute normalisation. */
export function xmlAttr(s: string): string {
  return xmlText(s)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
