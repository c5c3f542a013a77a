/**
 * jest's runtime, with V8's code cache kept per worker across test files.
 *
 * jest compiles every module again for every test file (each file gets a fresh module registry), so
 * zod, js-yaml, the core and jest's own expect were parsed and compiled ~100 times per `npm test`:
 * about a fifth of the CPU of the small test files. Here each module's script is compiled once per
 * worker; when a test file ends, V8 serializes what it compiled (functions compiled lazily during the
 * run included), and the next file that loads the same source starts from that code cache.
 * Only compilation is shared: every file still runs every module afresh in its own context, so the
 * isolation between test files is jest's own.
 */
const vm = require("node:vm");
const Runtime = require("jest-runtime").default;

/** filename → the wrapped source it was compiled from and V8's code cache for it. */
const codeCache = new Map();

class CachedRuntime extends Runtime {
  /** Scripts compiled without a usable cache in this test file: serialized at teardown. */
  #fresh = [];

  constructor(...args) {
    super(...args);
    // jest 30 compiles in its ModuleExecutor; this runtime's executor compiles through the cache.
    const executor = this.executor;
    const plain = executor.compile.bind(executor);
    executor.compile = (source, filename) => this.#compile(executor, plain, source, filename);
  }

  #compile(executor, plain, scriptSource, filename) {
    const context = executor.environment.getVmContext();
    if (context == null || executor.resolution.isCoreModule(filename)) return plain(scriptSource, filename);
    // The wrapper opens on the source's first line, as Node's own CommonJS wrapper: line numbers are unchanged.
    const wrapped = `(function (${executor.injectedModuleParameters.join(", ")}) {${scriptSource}\n})`;
    const cached = codeCache.get(filename);
    const usable = cached !== undefined && cached.source === wrapped;
    let script;
    try {
      script = new vm.Script(wrapped, {
        filename,
        cachedData: usable ? cached.data : undefined,
        importModuleDynamically: (specifier, _script, attributes) => executor.dynamicImport(specifier, filename, context, attributes),
      });
    } catch {
      // jest's own path turns a syntax error into its readable message.
      return plain(scriptSource, filename);
    }
    if (!usable || script.cachedDataRejected) this.#fresh.push({ filename, wrapped, script });
    return script.runInContext(context);
  }

  teardown() {
    for (const { filename, wrapped, script } of this.#fresh) codeCache.set(filename, { source: wrapped, data: script.createCachedData() });
    this.#fresh = [];
    super.teardown();
  }
}

module.exports = CachedRuntime;
