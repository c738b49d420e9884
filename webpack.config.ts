/**
 * Builds the Excel add-in into dist/: taskpane.html (+ its bundles), commands.html, assets
 * (icons) and manifest.xml. dist/node (tsc output of the library and CLI) is kept.
 *
 * First load is React + Fluent UI + the pane; the workbook readers/writers (xlsx, exceljs), the
 * checker and the template layout are loaded with import() only when an action needs them.
 */
import * as fs from 'fs';
import * as path from 'path';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import MinimizerPlugin from 'minimizer-webpack-plugin';
import type { Configuration } from 'webpack';
import type { Configuration as DevServerConfiguration } from 'webpack-dev-server';
import { addinBase, addinVersion, officeJsSource, rebaseManifest } from './addin/deploy';

const root = __dirname;

/** The folder of @microsoft/office-js's files (OFFICE_JS=local), with a clear error where it is not installed. */
function officeJsFolder(): string {
  try {
    return path.join(path.dirname(require.resolve('@microsoft/office-js/package.json', { paths: [root] })), 'dist');
  } catch {
    throw new Error('OFFICE_JS=local: @microsoft/office-js is not installed (a pinned devDependency): run npm ci');
  }
}

/** The dev server's https options: the Office add-in developer certificate (trusted by desktop Excel), else a self-signed one. */
async function devHttps(): Promise<DevServerConfiguration['server']> {
  if (!process.env.WEBPACK_SERVE) return { type: 'https' };
  try {
    const certs = require('office-addin-dev-certs') as { getHttpsServerOptions(): Promise<{ ca: Buffer; key: Buffer; cert: Buffer }> };
    return { type: 'https', options: await certs.getHttpsServerOptions() };
  } catch (e) {
    console.warn(`office-addin-dev-certs: ${(e as Error).message}; serving with a self-signed certificate (desktop Excel will refuse it)`);
    return { type: 'https' };
  }
}

export default async (
  _env: unknown,
  argv: { mode?: 'production' | 'development' },
): Promise<Configuration & { devServer?: DevServerConfiguration }> => {
  const prod = argv.mode !== 'development';
  const base = addinBase(process.env.ADDIN_URL);
  const version = addinVersion(
    (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version,
    process.env.ADDIN_BUILD,
    root,
  );
  const officeJs = officeJsSource(process.env.OFFICE_JS);
  return {
    mode: prod ? 'production' : 'development',
    context: root,
    entry: {
      taskpane: './addin/taskpane.tsx',
      commands: './addin/commands.ts',
    },
    output: {
      path: path.join(root, 'dist'),
      filename: prod ? 'js/[name].[contenthash:8].js' : 'js/[name].js',
      chunkFilename: prod ? 'js/[name].[contenthash:8].js' : 'js/[name].js',
      publicPath: '',
      clean: { keep: /^node\// },
    },
    devtool: prod ? false : 'eval-cheap-module-source-map',
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
      // Node built-ins some libraries mention but never need in a browser.
      fallback: {
        fs: false,
        path: false,
        stream: false,
        crypto: false,
        os: false,
        zlib: false,
        buffer: false,
        util: false,
        process: false,
      },
    },
    module: {
      // exceljs's browser build is one self-contained minified file: nothing to parse inside it.
      noParse: /exceljs[\\/]dist[\\/]exceljs\.min\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true, // `npm run typecheck` checks types; the bundle only needs JS
              // ES modules so that webpack keeps import() as split points (tsconfig says CommonJS for tsc)
              compilerOptions: { module: 'ESNext', moduleResolution: 'Node', target: 'ES2020', sourceMap: !prod },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './addin/taskpane.html',
        templateParameters: { officeJs: officeJs.src },
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './addin/commands.html',
        chunks: ['commands'],
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'addin/assets/*.png', to: 'assets/[name][ext]' },
          { from: 'addin/legacy-check.js', to: 'legacy-check.js' },
          // pdfjs's CMaps and standard font data, fetched only for a PDF whose fonts are not embedded (addin/files.ts).
          { from: 'node_modules/pdfjs-dist/cmaps', to: 'js/pdfjs/cmaps' },
          { from: 'node_modules/pdfjs-dist/standard_fonts', to: 'js/pdfjs/standard_fonts' },
          // Every address under ADDIN_URL, the version of this release.
          { from: 'manifest.xml', to: 'manifest.xml', transform: (xml) => rebaseManifest(xml.toString(), base, version) },
          ...(officeJs.local ? [{ from: officeJsFolder(), to: 'office-js' }] : []),
        ],
      }),
    ],
    optimization: {
      splitChunks: {
        chunks: 'async',
        cacheGroups: {
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'async', priority: 20, enforce: true },
          sheetjs: { test: /[\\/]node_modules[\\/]@e965[\\/]xlsx[\\/]/, name: 'sheetjs', chunks: 'async', priority: 20, enforce: true },
          mathjs: {
            test: /[\\/]node_modules[\\/](mathjs|decimal\.js|fraction\.js|complex\.js|typed-function|javascript-natural-sort|seedrandom|escape-latex|tiny-emitter|@babel)[\\/]/,
            name: 'mathjs',
            chunks: 'async',
            priority: 20,
            enforce: true,
          },
        },
      },
      minimizer: [
        // exceljs ships minified; minifying it again costs a minute and saves nothing.
        new MinimizerPlugin({
          test: /\.js$/,
          exclude: /exceljs/,
          minify: MinimizerPlugin.terserMinify,
          minimizerOptions: { compress: { passes: 2 } },
          extractComments: false,
          parallel: true,
        }),
      ],
    },
    performance: { hints: false },
    devServer: {
      port: 3000,
      host: 'localhost',
      server: await devHttps(), // Office requires https; desktop Excel only a trusted certificate
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: { directory: path.join(root, 'dist'), watch: false },
      devMiddleware: { writeToDisk: false }, // served from memory: never mixes with the production build in dist/
      hot: false,
      liveReload: true,
      client: { overlay: { warnings: false, errors: true } },
    },
    cache: { type: 'filesystem', buildDependencies: { config: [__filename] } },
    stats: prod ? 'errors-warnings' : 'minimal',
  };
};
