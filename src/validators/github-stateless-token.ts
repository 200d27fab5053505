// GitHub App installation tokens in the stateless format (rolled out from April 2026):
// `ghs_` + app id + `_` + a JWT signed by GitHub. The JWT part must be well formed.
import { jwt } from './jwt.js';
import { defineValidator } from './types.js';

const HEAD = /^ghs_([0-9]{1,12})_/;

export const githubStatelessToken = defineValidator({
  name: 'github-stateless-token',
  description: 'ghs_ + numeric app id + _ + a well-formed JWT',
  validate(secret, groups) {
    const m = HEAD.exec(secret);
    if (!m) return { ok: false, reason: 'expected ghs_<app id>_ before the JWT' };
    const r = jwt.validate(secret.slice(m[0].length), groups);
    if (!r.ok) return r;
    return { ok: true, notes: [`GitHub App id ${m[1]}`, ...(r.notes ?? [])] };
  },
});
