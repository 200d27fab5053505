// Compiled rules as the engine uses them: regexes and checksum params are prepared lazily,
// the first time a chunk's keywords select the rule, so start-up stays cheap.
import { checksums } from '../checksums/registry.js';
import type { ChecksumAlgorithm } from '../checksums/types.js';
import { detectors, type Detector } from '../detectors/registry.js';
import type { CompiledRuleData } from '../rules/types.js';
import { validators } from '../validators/registry.js';
import type { StructureValidator } from '../validators/types.js';
import { spellsEscapes } from './escapes.js';
import { KeywordMatcher } from './prefilter.js';
import { maxMatchLength } from './regex-safety.js';

export interface RuntimeRule {
  readonly data: CompiledRuleData;
  readonly index: number;
  /** Regex with `g` and `d` flags (absent for detector rules). */
  readonly regex: RegExp | undefined;
  readonly detector: Detector | undefined;
  readonly checksum: { algo: ChecksumAlgorithm<unknown>; params: unknown } | undefined;
  readonly validators: readonly StructureValidator[];
  /** Upper bound on a match's length (Infinity when unbounded), for the windows around keyword hits. */
  readonly reach: number;
  /** The pattern matches string escapes as written (`\\n`): it reads the text, not the escape-blanked copy. */
  readonly readsEscapes: boolean;
  /**
   * How much a finding of the rule proves (2 checksum, 1 structure, 0 pattern alone; a filter such
   * as random-token proves nothing): of two rules matching one text, the stronger one reports it.
   */
  readonly proof: number;
  /** Whether the rule applies to a file at `path` (always, for a rule without `path`). */
  appliesTo(path: string): boolean;
}

class LazyRule implements RuntimeRule {
  private _regex: RegExp | undefined;
  private _checksum: RuntimeRule['checksum'] | null = null;
  private _validators: StructureValidator[] | undefined;
  private _reach: number | undefined;
  private _readsEscapes: boolean | undefined;
  private _proof: number | undefined;
  private _path: RegExp | undefined;
  readonly detector: Detector | undefined;

  constructor(
    readonly data: CompiledRuleData,
    readonly index: number,
  ) {
    this.detector = data.detector ? (detectors as Record<string, Detector>)[data.detector] : undefined;
  }

  get regex(): RegExp | undefined {
    if (this.data.detector) return undefined;
    return (this._regex ??= new RegExp(this.data.pattern, `${this.data.flags}gd`));
  }

  appliesTo(path: string): boolean {
    if (this.data.path === undefined) return true;
    return (this._path ??= new RegExp(this.data.path, 'i')).test(path);
  }

  get reach(): number {
    return (this._reach ??= this.data.detector ? Infinity : maxMatchLength(this.data.pattern, this.data.flags));
  }

  get readsEscapes(): boolean {
    return (this._readsEscapes ??= spellsEscapes(this.data.pattern));
  }

  get proof(): number {
    return (this._proof ??= this.data.checksum ? 2 : this.validators.some((v) => v.filterOnly !== true) ? 1 : 0);
  }

  get checksum(): RuntimeRule['checksum'] {
    if (this._checksum === null) {
      const c = this.data.checksum;
      if (!c) this._checksum = undefined;
      else {
        const algo = (checksums as Record<string, ChecksumAlgorithm<unknown>>)[c.algorithm]!;
        this._checksum = { algo, params: algo.parseParams(c.params as Record<string, unknown>, this.data.groups) };
      }
    }
    return this._checksum;
  }

  get validators(): readonly StructureValidator[] {
    return (this._validators ??= this.data.validate.map((v) => (validators as Record<string, StructureValidator>)[v]!));
  }
}

export class RuleSet {
  readonly rules: readonly RuntimeRule[];
  readonly byId: ReadonlyMap<string, RuntimeRule>;
  private readonly matcher: KeywordMatcher;
  /** For each distinct keyword, the rules that name it. */
  private readonly keywordRules: number[][];
  /** Every keyword's literal, used to find a secret's printable prefix when masking. */
  readonly prefixes: readonly string[];
  /** Rules restricted to some paths (few): a keyword in the path selects them too. */
  private readonly pathRules: readonly RuntimeRule[];
  /** selectByText's per-keyword hit lists, empty between calls. */
  private readonly hitsScratch: number[][];
  /** Rules whose detector reads binary files (key stores); never selected for text. */
  readonly binaryRules: readonly RuntimeRule[];

  constructor(data: readonly CompiledRuleData[]) {
    this.rules = data.map((d, i) => new LazyRule(d, i));
    this.byId = new Map(this.rules.map((r) => [r.data.id, r]));
    const kwIndex = new Map<string, number>();
    this.keywordRules = [];
    for (const r of this.rules) {
      for (const kw of r.data.keywords) {
        let k = kwIndex.get(kw);
        if (k === undefined) {
          k = kwIndex.size;
          kwIndex.set(kw, k);
          this.keywordRules.push([]);
        }
        this.keywordRules[k]!.push(r.index);
      }
    }
    this.prefixes = [...kwIndex.keys()];
    this.matcher = new KeywordMatcher(this.prefixes);
    this.pathRules = this.rules.filter((r) => r.data.path !== undefined);
    this.binaryRules = this.rules.filter((r) => r.detector?.binary);
    this.hitsScratch = this.keywordRules.map(() => []);
  }

  /**
   * Rules whose keywords occur in `text`, each with the offsets of its keyword hits (sorted),
   * so its regex can run only in windows around them. Rules restricted to other paths than
   * `path` (the text's file) drop out, and a restricted rule whose keyword is in the path comes in
   * with `null` hits (the whole text is its window).
   */
  select(text: string, path: string): { rules: RuntimeRule[]; hits: Array<number[] | null> } {
    const byText = this.selectByText(text);
    if (this.pathRules.length === 0) return byText;
    const rules: RuntimeRule[] = [];
    const hits: Array<number[] | null> = [];
    byText.rules.forEach((r, i) => {
      if (r.appliesTo(path)) {
        rules.push(r);
        hits.push(byText.hits[i]!);
      }
    });
    const lower = path.toLowerCase();
    for (const r of this.pathRules) {
      if (rules.includes(r) || !r.data.keywords.some((k) => lower.includes(k)) || !r.appliesTo(path)) continue;
      const at = rules.findIndex((o) => o.index > r.index);
      rules.splice(at === -1 ? rules.length : at, 0, r);
      hits.splice(at === -1 ? hits.length : at, 0, null);
    }
    return { rules, hits };
  }

  private selectByText(text: string): { rules: RuntimeRule[]; hits: number[][] } {
    // Hits per keyword go to arrays kept between calls and emptied after: a chunk meets a few of
    // the hundreds of keywords, and an array per keyword per chunk cost more than the scan.
    const perKeyword = this.hitsScratch;
    const touched: number[] = [];
    this.matcher.scan(text, (keyword, start) => {
      const list = perKeyword[keyword]!;
      if (list.length === 0) touched.push(keyword);
      list.push(start);
    });
    if (touched.length === 0) return { rules: [], hits: [] };
    const selected = new Map<number, number[]>();
    for (const k of touched) {
      const starts = perKeyword[k]!;
      for (const r of this.keywordRules[k]!) {
        const list = selected.get(r);
        if (list) list.push(...starts);
        else selected.set(r, [...starts]);
      }
      starts.length = 0;
    }
    const order = [...selected.keys()].sort((a, b) => a - b);
    return {
      rules: order.map((r) => this.rules[r]!),
      hits: order.map((r) => {
        const h = selected.get(r)!;
        return h.length > 1 ? h.sort((a, b) => a - b) : h;
      }),
    };
  }
}
