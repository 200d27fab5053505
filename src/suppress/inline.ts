// Inline allow markers, in any comment syntax: the marker text is searched on the secret's
// line(s) outside the secret itself, or on the line before for the next-line forms.
import type { MarkerFamily } from '../config/suppress-keys.js';

interface Marker {
  family: MarkerFamily;
  re: RegExp;
}

const REASON = String.raw`(?:[ \t]+reason=(?:"([^"\n]*)"|'([^'\n]*)'))?`;

/** Markers that allow the line they are on. */
const SAME_LINE: readonly Marker[] = [
  { family: 'keyhound', re: new RegExp(String.raw`(?<![\w-])keyhound:allow(?![\w-])${REASON}`, 'i') },
  { family: 'gitleaks', re: /(?<![\w-])gitleaks:allow(?![\w-])/i },
  { family: 'detect_secrets', re: /pragma:[ \t]*allowlist[ -]secret(?![\w-])/i },
  { family: 'secretlint', re: /(?<![\w-])secretlint-disable-line(?![\w-])/i },
];

/** Markers that allow the line after them. */
const NEXT_LINE: readonly Marker[] = [
  { family: 'keyhound', re: new RegExp(String.raw`(?<![\w-])keyhound:allow-next-line(?![\w-])${REASON}`, 'i') },
  { family: 'detect_secrets', re: /pragma:[ \t]*allowlist[ -]nextline[ -]secret(?![\w-])/i },
  { family: 'secretlint', re: /(?<![\w-])secretlint-disable-next-line(?![\w-])/i },
];

export interface InlineContext {
  secret: string;
  /** The line(s) holding the secret, and the line before the first of them. */
  lineText: string;
  previousLineText: string;
  line: number;
  endLine: number;
}

export interface InlineMatch {
  family: MarkerFamily;
  marker: string;
  reason: string | undefined;
}

/** Blank every copy of the secret, so a marker that is part of a secret never counts. */
function withoutSecret(text: string, secret: string): string {
  return secret.length === 0 ? text : text.split(secret).join(' ');
}

/**
 * Where a same-line marker may stand. For a one-line secret: the line minus the secret. For a
 * multi-line secret (a PEM block): its first and last line, whose armour lines are not secret
 * material; the lines in between are never searched.
 */
function sameLineText(c: InlineContext): string {
  if (c.endLine <= c.line) return withoutSecret(c.lineText, c.secret);
  const lines = c.lineText.split('\n');
  const first = lines[0] ?? '';
  const last = lines[lines.length - 1] ?? '';
  return `${first}\n${last}`.replace(/\r/g, '');
}

function search(text: string, markers: readonly Marker[], on: (f: MarkerFamily) => boolean): InlineMatch | undefined {
  for (const m of markers) {
    if (!on(m.family)) continue;
    const hit = m.re.exec(text);
    if (hit) return { family: m.family, marker: hit[0], reason: hit[1] ?? hit[2] };
  }
  return undefined;
}

/** The marker that allows this secret, if any. `on` says which marker families are honoured. */
export function findInlineAllow(c: InlineContext, on: (f: MarkerFamily) => boolean): InlineMatch | undefined {
  return search(sameLineText(c), SAME_LINE, on) ?? search(withoutSecret(c.previousLineText, c.secret), NEXT_LINE, on);
}

/** Human reason for a suppressed finding. */
export function describeInline(m: InlineMatch): string {
  return m.reason !== undefined && m.reason !== '' ? m.reason : `${m.marker.trim()} marker`;
}
