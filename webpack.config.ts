/**
 * Builds the Excel add-in into dist/: taskpane.html (+ its bundles), commands.html, assets
 * (icons) and manifest.xml. dist/node (tsc output of the library and CLI) is kept.
 *
 * First load is React + Fluent UI + the pane; the workbook readers/writers (xlsx, exceljs), the
 * checker and the template layout are loaded with import() only when an action needs them.
 */
import * as path from 'path';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import MinimizerPlugin from 'minimizer-webpack-plugin';
import type { Configuration } from 'webpack';
import type { Configuration as DevServerConfiguration } from 'webpack-dev-server';

const root = __dirname;

export default (_env: unknown, argv: { mode?: 'production' | 'development' }): Configuration & { devServer?: DevServerConfiguration } => {
  const prod = argv.mode !== 'development';
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
          { from: 'manifest.xml', to: 'manifest.xml', noErrorOnMissing: true },
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
      server: { type: 'https' }, // self-signed certificate (Office requires https; trust it or use office-addin-dev-certs)
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
