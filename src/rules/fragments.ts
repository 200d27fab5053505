// Named sub-patterns a rule's `pattern` may call as `(?&name)` (PCRE's spelling; JavaScript has
// no such syntax, so the call cannot clash with a real regex). One place to add one: every rule
// that spells "a name, then its value" (or "the arguments before it") the same way finds the
// value in the same places.

const Q = `['"]`;

/**
 * Between a secret-like name and its value. Covers `=`, `:`, `:=`, `=>`, `?=`, `+=`, `::=`, a
 * PHP array key (`['name'] =`), a call's next argument (`define('NAME', 'v')`), a name/value
 * pair (`- name: X` then `value: v` in a Kubernetes env list, `{"name": "X", "value": "v"}` in an
 * ECS task definition, `<add key="X" value="v" />`) and an XML element (`<X>v</X>`), with names
 * and values padded into columns. Ends at the value's opening quote, if any; a YAML value may
 * start on the next line.
 */
const ASSIGN =
  // Up to 40 blanks around the operator: `terraform fmt` and aligned YAML or INI pad names.
  `(?:${Q}?\\]?\\s{0,3}[ \\t]{0,37}(?:=>|[:?+]{0,3}=|:)` +
  `|${Q}\\s{0,3},\\s{0,3}(?=${Q})` +
  `|${Q}?(?:\\s{0,3},\\s{0,16}|\\s{1,16})(?:-[ \\t]{1,3})?${Q}?[Vv]alue${Q}?\\s{0,3}[:=]` +
  `|>(?=[^\\s<]))` +
  `[ \\t]{0,40}(?:\\r?\\n[ \\t]{1,16})?${Q}?`;

/**
 * A call's argument that is not the secret: a string literal (no groups, so a pattern's own
 * numbered backreferences keep their numbers) or an expression path (`user`, `cfg.user`,
 * `$this->user`, `$cfg['user']`, `getUser()`).
 */
const ARG =
  `(?:"[^"\\n]{0,200}"|'[^'\\n]{0,200}'` +
  `|[A-Za-z_$@][\\w.$@]{0,60}(?:->\\w{1,40})?(?:\\[[^\\]\\n]{0,40}\\]|\\(\\))?)`;

export const FRAGMENTS: Readonly<Record<string, string>> = {
  assign: ASSIGN,
  arg: ARG,
};

const CALL = /\(\?&([A-Za-z_][\w-]*)\)/g;

/** The fragment names a pattern calls that do not exist. */
export function unknownFragments(pattern: string): string[] {
  return [...pattern.matchAll(CALL)].map((m) => m[1]!).filter((name) => !Object.hasOwn(FRAGMENTS, name));
}

/** `pattern` with every `(?&name)` replaced by its fragment (call `unknownFragments` first). */
export function expandFragments(pattern: string): string {
  return pattern.replace(CALL, (call, name: string) => (Object.hasOwn(FRAGMENTS, name) ? FRAGMENTS[name]! : call));
}
