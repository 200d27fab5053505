// Nested .keyhound.yaml files: in a monorepo each package may add allowlists, severities and
// marker switches for its own subtree. The layers for a file are the top-level config, then
// every config between the top directory and the file's directory, outermost first.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CONFIG_NAMES, findConfig, loadConfig, type Config } from './load.js';

/** True when `path` is `dir` or below it. */
export function isInside(path: string, dir: string): boolean {
  const r = relative(dir, path);
  return r === '' || (!r.startsWith(`..${sep}`) && r !== '..' && !isAbsolute(r));
}

export class ConfigTree {
  private readonly byDir = new Map<string, Config | null>();
  private readonly layerCache = new Map<string, readonly Config[]>();

  /**
   * @param top the top-level config (possibly empty)
   * @param topDir nested configs are looked for strictly below this directory
   * @param cwd for displaying paths in errors
   * @param onLoad called once per nested config, e.g. to check its rule ids
   */
  constructor(
    readonly top: Config,
    readonly topDir: string | undefined,
    private readonly cwd: string,
    private readonly onLoad: (c: Config) => void = () => {},
    /** Relative file paths given to layersFor are relative to this (default cwd). */
    private readonly pathBase: string = cwd,
  ) {}

  private configIn(dir: string): Config | null {
    let c = this.byDir.get(dir);
    if (c !== undefined) return c;
    c = null;
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      if (existsSync(p) && p !== this.top.path) {
        c = loadConfig(p, this.cwd, true);
        this.onLoad(c);
        break;
      }
    }
    this.byDir.set(dir, c);
    return c;
  }

  /** Layers that apply to a directory, outermost first (the top config always first). */
  layersForDir(dir: string): readonly Config[] {
    const cached = this.layerCache.get(dir);
    if (cached) return cached;
    let layers: readonly Config[];
    if (this.topDir === undefined || dir === this.topDir || !isInside(dir, this.topDir)) layers = [this.top];
    else {
      const own = this.configIn(dir);
      const parent = this.layersForDir(dirname(dir));
      layers = own ? [...parent, own] : parent;
    }
    this.layerCache.set(dir, layers);
    return layers;
  }

  /** Layers for a file path (absolute, or relative to the path base). */
  layersFor(path: string): readonly Config[] {
    return this.layersForDir(dirname(resolve(this.pathBase, path)));
  }
}

/**
 * The top-level config for a scan starting at `start`: the outermost .keyhound.yaml between it
 * and the root of its git work tree, so scanning one package of a monorepo applies the same
 * layers as scanning the whole repository. Outside a repository: the nearest one above `start`.
 */
export function findTopConfig(start: string): string | undefined {
  const nearest = findConfig(start);
  if (nearest === undefined) return undefined;
  let top = nearest;
  for (let dir = dirname(nearest); ; ) {
    if (existsSync(join(dir, '.git'))) return top;
    const up = dirname(dir);
    if (up === dir) return nearest; // not in a repository
    dir = up;
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      if (existsSync(p)) {
        top = p;
        break;
      }
    }
  }
}
