/**
 * Builds the add-in into dist/:
 *
 * - taskpane.html: the one page of the shared runtime. It loads office.js from
 *   Microsoft's CDN, then functions.js (the BCF.* custom functions, with webpack's
 *   runtime and the code both bundles use) and taskpane.js (the React task pane).
 * - functions.json: the custom functions' metadata, generated from the JSDoc in
 *   src/functions/*.ts (the modules with `@customfunction`) by CustomFunctionsMetadataPlugin. The build fails if
 *   it is missing, empty or lists no functions (see FunctionsMetadataCheck).
 * - support.html: the support page the manifest names, listing the functions.
 * - manifest.xml and assets/: copied; every https://localhost:3000/ in the manifest
 *   is rewritten to the base URL.
 *
 * Base URL: `npx webpack --mode production --env baseUrl=https://example.org/bcf/`, or
 * BCF_BASE_URL=https://example.org/bcf/ npm run build. Default https://localhost:3000/
 * (the development address the manifest is written with); a production build left at
 * that default warns loudly, since nothing serves it once the dev server stops.
 *
 * `npm start` (`webpack serve`) serves the development build from memory over https on
 * localhost:3000, as Microsoft's add-in templates do: the certificate comes from
 * office-addin-dev-certs (a CA and a localhost certificate made by mkcert's JavaScript
 * generator, offline, in ~/.office-addin-dev-certs, the CA installed into the system
 * store; see devHttpsOptions). BCF_DEV_PORT picks another port (the manifest follows);
 * BCF_DEV_CERT_DIR keeps the certificates in that directory and installs nothing.
 *
 * With `--env cli` (`npm run build:cli`) it builds the `bcf` command instead: one Node
 * bundle, dist/cli/bcf.js, which src/cli/bcf.cjs runs when it is newer than the sources
 * (starting it takes a fraction of the time that compiling the TypeScript through tsx
 * does on every start). The add-in build leaves dist/cli/ in place.
 */
const fs = require('node:fs');
const path = require('node:path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { NormalModuleReplacementPlugin, WebpackError } = require('webpack');

const DEV_BASE_URL = 'https://localhost:3000/';
const DEV_PORT = 3000;
const FUNCTIONS_ENTRY = './src/functions/functions.ts';
const FUNCTIONS_DIR = path.join(__dirname, 'src', 'functions');
/** A JSDoc line that registers a custom function. */
const CUSTOM_FUNCTION_TAG = /^\s*\*\s*@customfunction\b/m;
/** The modules whose JSDoc registers custom functions (the metadata generator reads these). */
const FUNCTIONS_SOURCES = fs
  .readdirSync(FUNCTIONS_DIR)
  .filter((file) => file.endsWith('.ts'))
  .filter((file) =>
    CUSTOM_FUNCTION_TAG.test(fs.readFileSync(path.join(FUNCTIONS_DIR, file), 'utf8')),
  )
  .sort()
  .map((file) => `./src/functions/${file}`);
const FUNCTIONS_METADATA = 'functions.json';

/** The base URL from `--env baseUrl=...` or BCF_BASE_URL, checked and ending in "/". */
function baseUrlOf(env) {
  const given = (env && env.baseUrl) || process.env.BCF_BASE_URL || DEV_BASE_URL;
  let url;
  try {
    url = new URL(given);
  } catch {
    throw new Error(`Base URL "${given}" is not a URL (e.g. https://example.org/bcf/).`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(
      `Base URL "${given}" must start with https:// (Office loads add-ins over HTTPS only).`,
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new Error(`Base URL "${given}" must not have a query or fragment.`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** The warning a production build gives when no base URL was set, or undefined. */
function baseUrlWarning(env, production) {
  if (!production || (env && env.baseUrl) || process.env.BCF_BASE_URL) return undefined;
  return [
    'NO BASE URL: this production build points the manifest at https://localhost:3000/,',
    'which only `npm start` on the same machine serves. To publish the add-in elsewhere, build with',
    'BCF_BASE_URL=https://your-host/bcf/ npm run build (or --env baseUrl=...) and serve dist/ there.',
  ].join('\n');
}

/** Adds a warning to the build (webpack prints it in yellow and counts it). */
class BuildWarning {
  constructor(message) {
    this.message = message;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('BuildWarning', (compilation) => {
      compilation.warnings.push(new WebpackError(this.message));
    });
    compiler.hooks.done.tap('BuildWarning', () => {
      const rule = '!'.repeat(78);
      console.warn(`\n${rule}\n${this.message}\n${rule}\n`);
    });
  }
}

/** The dev server's port: BCF_DEV_PORT, or 3000. */
function devPort() {
  const given = process.env.BCF_DEV_PORT;
  if (given === undefined || given === '') return DEV_PORT;
  const port = Number(given);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`BCF_DEV_PORT "${given}" is not a port number (1 to 65535).`);
  }
  return port;
}

/** Reads a certificate set ({ ca, cert, key }) from the three files. */
function readCertificates(paths) {
  return {
    ca: fs.readFileSync(paths.ca),
    cert: fs.readFileSync(paths.cert),
    key: fs.readFileSync(paths.key),
  };
}

/**
 * The dev server's https options. With BCF_DEV_CERT_DIR: certificates kept in that
 * directory, generated on first use, nothing installed (tests, or a machine where the
 * CA is trusted some other way). Otherwise as Microsoft's templates do:
 * `getHttpsServerOptions()` makes the certificates and installs the CA into the system
 * store. Installing needs administrator rights (sudo on Linux and for the machine store);
 * when it fails the server still starts with the generated certificate, and says loudly
 * that Office will refuse it until the CA is trusted, and how to do that. `store` is
 * where office-addin-dev-certs keeps them (a parameter for the tests).
 */
async function devHttpsOptions(
  store = path.join(require('node:os').homedir(), '.office-addin-dev-certs'),
) {
  const devCerts = require('office-addin-dev-certs');
  const dir = process.env.BCF_DEV_CERT_DIR;
  if (dir) {
    const paths = {
      ca: path.join(dir, 'ca.crt'),
      cert: path.join(dir, 'localhost.crt'),
      key: path.join(dir, 'localhost.key'),
    };
    if (!fs.existsSync(paths.ca)) {
      await devCerts.generateCertificates(paths.ca, paths.cert, paths.key, 30, [
        '127.0.0.1',
        'localhost',
      ]);
    }
    return readCertificates(paths);
  }
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    // Where getHttpsServerOptions writes them (office-addin-dev-certs' defaults).
    const paths = {
      ca: path.join(store, 'ca.crt'),
      cert: path.join(store, 'localhost.crt'),
      key: path.join(store, 'localhost.key'),
    };
    const generated = Object.values(paths).every((file) => fs.existsSync(file));
    const rule = '!'.repeat(78);
    console.error(
      [
        rule,
        'The development certificate authority could not be installed into the system store:',
        `  ${String(error && error.message ? error.message : error).trim()}`,
        'This needs administrator rights. Until the CA is trusted, Excel will refuse',
        `https://localhost:${devPort()}/. Trust it yourself (once):`,
        '  npx office-addin-dev-certs install      (asks for sudo / an administrator)',
        `or import ${paths.ca} into the trusted root certificates by hand.`,
        generated
          ? 'Serving now with the generated certificate.'
          : 'No certificate was generated, so the server cannot start.',
        rule,
      ].join('\n'),
    );
    if (!generated) throw error;
    return readCertificates(paths);
  }
}

/** webpack-dev-server's options for `npm start`. */
async function devServerOptions() {
  return {
    port: devPort(),
    host: 'localhost',
    server: { type: 'https', options: await devHttpsOptions() },
    headers: { 'Access-Control-Allow-Origin': '*' },
    // Served from memory; the pane's page and functions.json are webpack's output.
    static: false,
    hot: false,
    liveReload: true,
    client: { overlay: false },
  };
}

/** Every development URL in the manifest, not just the first, becomes the base URL. */
function rewriteManifest(content, baseUrl) {
  return content.toString().split(DEV_BASE_URL).join(baseUrl);
}

/** The functions listed in generated metadata, or a reason why there are none. */
function metadataFunctions(json) {
  if (json === undefined || json.trim() === '') return { problem: 'is missing or empty' };
  let metadata;
  try {
    metadata = JSON.parse(json);
  } catch (error) {
    return { problem: `is not JSON (${error.message})` };
  }
  if (!Array.isArray(metadata.functions) || metadata.functions.length === 0) {
    return { problem: 'lists no functions' };
  }
  return { functions: metadata.functions };
}

/**
 * Fails the build when functions.json is missing, empty or lists no functions: in the
 * compilation (the metadata generator reports some problems only on the console) and
 * again on disk after emit.
 */
class FunctionsMetadataCheck {
  apply(compiler) {
    const fail = (compilation, problem) =>
      compilation.errors.push(
        new WebpackError(
          `${FUNCTIONS_METADATA} ${problem}: check the @customfunction JSDoc in src/functions/.`,
        ),
      );
    compiler.hooks.thisCompilation.tap('FunctionsMetadataCheck', (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: 'FunctionsMetadataCheck',
          stage: compilation.constructor.PROCESS_ASSETS_STAGE_REPORT,
        },
        (assets) => {
          const asset = assets[FUNCTIONS_METADATA];
          const { problem } = metadataFunctions(asset && asset.source().toString());
          if (problem) fail(compilation, problem);
        },
      );
    });
    compiler.hooks.afterEmit.tap('FunctionsMetadataCheck', (compilation) => {
      // The output file system: the disk for a build, memory under the dev server.
      const output = compiler.outputFileSystem || fs;
      const file = path.join(compilation.outputOptions.path, FUNCTIONS_METADATA);
      let json;
      try {
        json = output.readFileSync(file, 'utf8').toString();
      } catch {
        json = undefined;
      }
      const { problem } = metadataFunctions(json);
      if (problem) fail(compilation, `(${file}) ${problem}`);
    });
  }
}

/** The functions for support.html, read from the metadata generated in this build. */
function supportPageParameters() {
  const result = CustomFunctionsMetadataPlugin.generateResults[FUNCTIONS_SOURCES];
  const { functions = [] } = metadataFunctions(result && result.metadataJson);
  return { functions };
}

/**
 * TypeScript for both builds. Type checking is `npm run typecheck`; ES modules here let
 * webpack tree-shake (Fluent UI v9, decimal.js) and concatenate modules.
 */
const TYPESCRIPT_RULE = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: 'ts-loader',
    options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: true } },
  },
};

/** The `bcf` command as one CommonJS bundle for Node (see the header). */
function cliConfig(production) {
  return {
    mode: production ? 'production' : 'development',
    target: 'node20',
    devtool: 'source-map',
    entry: { bcf: './src/cli/main.ts' },
    output: {
      path: path.resolve(__dirname, 'dist', 'cli'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      library: { type: 'commonjs2' },
      clean: true,
    },
    // The bundle sits two levels below the project, as src/cli/ does, so __dirname-relative
    // paths (the demo's sample workbook) resolve the same from either.
    node: { __dirname: false, __filename: false },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [TYPESCRIPT_RULE] },
    // A command line tool: readable stack traces matter more than bytes.
    optimization: { minimize: false },
    performance: { hints: false },
  };
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  if (env.cli) return cliConfig(production);
  if (env.WEBPACK_SERVE) {
    // `webpack serve`: the manifest points at this server's port unless a base URL is given.
    const served = { baseUrl: `https://localhost:${devPort()}/`, ...env, WEBPACK_SERVE: false };
    return devServerOptions().then((devServer) => ({
      ...addinConfig(served, production),
      devServer,
    }));
  }
  return addinConfig(env, production);
};

/** The add-in build (see the header). */
function addinConfig(env, production) {
  const baseUrl = baseUrlOf(env);
  const warning = baseUrlWarning(env, production);
  return {
    mode: production ? 'production' : 'development',
    devtool: 'source-map',
    entry: {
      functions: FUNCTIONS_ENTRY,
      taskpane: { import: './src/taskpane/index.tsx', dependOn: 'functions' },
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      clean: { keep: /^cli[\\/]/ },
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // The task pane's file mode loads the .xlsx adapter in the browser; its Node-only
      // parts (reading and saving by path; zlib, which caps inflating there) are never called
      // there, so they resolve to nothing.
      fallback: { fs: false, path: false, crypto: false, zlib: false },
    },
    module: { rules: [TYPESCRIPT_RULE] },
    plugins: [
      // "node:fs" → "fs", so the fallbacks above apply (webpack has no handler for node: URLs).
      new NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, '');
      }),
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCES, output: FUNCTIONS_METADATA }),
      new FunctionsMetadataCheck(),
      ...(warning ? [new BuildWarning(warning)] : []),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        filename: 'support.html',
        template: './src/taskpane/support.html',
        chunks: [],
        templateParameters: supportPageParameters,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => rewriteManifest(content, baseUrl),
          },
        ],
      }),
    ],
    optimization: {
      ...(production ? { usedExports: true, sideEffects: true, concatenateModules: true } : {}),
      // The task pane's file mode (file-mode.js, loaded on demand outside Excel) keeps the
      // .xlsx library in its own chunk rather than a separate vendors chunk.
      splitChunks: { cacheGroups: { defaultVendors: false } },
    },
    performance: {
      hints: production ? 'warning' : false,
      maxEntrypointSize: 1200000,
      maxAssetSize: 1200000,
      // file-mode.js is never loaded in Excel; the task pane tests report its size.
      assetFilter: (file) => /\.(js|css)$/.test(file) && file !== 'file-mode.js',
    },
  };
}

module.exports.baseUrlOf = baseUrlOf;
module.exports.baseUrlWarning = baseUrlWarning;
module.exports.devPort = devPort;
module.exports.devHttpsOptions = devHttpsOptions;
module.exports.rewriteManifest = rewriteManifest;
module.exports.metadataFunctions = metadataFunctions;
module.exports.FUNCTIONS_SOURCES = FUNCTIONS_SOURCES;
module.exports.FunctionsMetadataCheck = FunctionsMetadataCheck;
