// The view engine: EJS templates compiled without `with`.
//
// EJS compiles a template into a function whose body runs inside `with (locals) { ... }`, so every
// name the template reads (a helper, a field, even its own loop variable) is looked up at run
// time through the locals object, outside V8's optimisations; and each include copies every
// local of the page into a new object. The school's week (two includes a lesson card) spent about
// a quarter of its request's CPU in its templates. Here a template is compiled as a plain function
// that reads, once at its start, the locals it names (EJS's `destructuredLocals`): the names are
// the identifiers its code uses that this render's locals hold, and the template is compiled again
// the rare time a render brings one more. A template that declares a variable under a local's name
// would not compile that way; it keeps EJS's `with`. Compiled templates are kept for the process's
// life (`npm run dev` restarts the server when a view changes).
import { readFileSync } from "node:fs";
import path from "node:path";
import ejs from "ejs";

type Locals = Record<string, unknown>;
type ViewEngineOptions = {
  /** The views folder: an include names its file from there ("/partials/head"). */
  root: string;
  escape: (value: string) => string;
  /** Line numbers in a template's errors (development and tests). */
  compileDebug: boolean;
};
type RenderCallback = (error: Error | null, html?: string) => void;

const CODE = /<%[_=-]?(?!%)([\s\S]*?)[_-]?%>/g;
/** An identifier, unless it follows a single dot (a property; a spread's three dots do not count). */
const NAME = /(?<![\w$])(?<!(?:^|[^.])\.)[A-Za-z_$][\w$]*/g;
const DECLARED = /\b(?:const|let|var|function)\s+(?:([A-Za-z_$][\w$]*)|[{[]([^}\]]*)[}\]])/g;

/**
 * What a template's code says: the names it may read and the names it may declare. Both err on
 * the side of more: the words of its strings count (a template literal's `${...}` holds code), so
 * a name read is never missed, and a name wrongly taken as declared only keeps `with`.
 */
function namesOf(source: string): { read: string[]; declared: Set<string> } {
  const code = [...source.matchAll(CODE)]
    .filter((match) => !match[0].startsWith("<%#"))
    .map((match) => match[1]!)
    .join("\n");
  const declared = new Set<string>();
  for (const [, name, pattern] of code.matchAll(DECLARED)) {
    if (name) declared.add(name);
    for (const part of pattern?.match(NAME) ?? []) declared.add(part);
  }
  return { read: [...new Set(code.match(NAME) ?? [])], declared };
}

class Template {
  readonly #file: string;
  readonly #options: ViewEngineOptions;
  readonly #source: string;
  readonly #read: string[];
  readonly #declared: Set<string>;
  #destructured = new Set<string>();
  #compiled: ejs.ClientFunction | undefined;
  #withLocals = false;

  constructor(file: string, options: ViewEngineOptions) {
    this.#file = file;
    this.#options = options;
    this.#source = readFileSync(file, "utf8");
    ({ read: this.#read, declared: this.#declared } = namesOf(this.#source));
  }

  /** The compiled function for these locals. */
  for(locals: Locals): ejs.ClientFunction {
    if (this.#withLocals) return this.#compiled!;
    let missing: string[] | undefined;
    for (const name of this.#read) if (name in locals && !this.#destructured.has(name)) (missing ??= []).push(name);
    if (!missing && this.#compiled) return this.#compiled;
    for (const name of missing ?? []) this.#destructured.add(name);
    this.#withLocals = (missing ?? []).some((name) => this.#declared.has(name));
    const { root, escape, compileDebug } = this.#options;
    this.#compiled = ejs.compile(this.#source, {
      client: true,
      filename: this.#file,
      root,
      escape,
      compileDebug,
      ...(this.#withLocals ? {} : { _with: false, destructuredLocals: [...this.#destructured] }),
    });
    return this.#compiled;
  }
}

export function viewEngine(options: ViewEngineOptions) {
  const templates = new Map<string, Template>();

  function template(file: string): Template {
    let found = templates.get(file);
    if (!found) templates.set(file, (found = new Template(file, options)));
    return found;
  }

  function includedFile(name: string, from: string): string {
    if (!name.startsWith("/")) throw new Error(`${from}: include "${name}" by its path from the views folder ("/partials/head")`);
    const file = path.join(options.root, name);
    return path.extname(file) ? file : `${file}.ejs`;
  }

  function render(file: string, locals: Locals): string {
    const include = (name: string, data?: Locals) => render(includedFile(name, file), { ...locals, ...data });
    return template(file).for(locals)(locals, options.escape, include);
  }

  /** Express's engine signature: the page's file and its locals (app.locals, res.locals, the page's). */
  return (file: string, locals: object, done: RenderCallback): void => {
    let html: string;
    try {
      html = render(file, locals as Locals);
    } catch (error) {
      done(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    done(null, html);
  };
}
