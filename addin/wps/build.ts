/**
 * `npm run build:wps`: the WPS 加载项 in dist-wps/, from the task pane already built in dist/ (the
 * same bundles: one pane for Excel and WPS) plus the entry page with the ribbon's callbacks.
 *
 *   dist-wps/xxgk/            the add-in, laid out as `wpsjs create` lays out an ET project (ribbon.xml,
 *                             index.html, taskpane.html, js/, images/, package.json with addonType "et"):
 *                             serve it at WPS_ADDIN_URL, or run `npx wpsjs debug` inside it
 *   dist-wps/jsplugins.xml    online mode: the list oem.ini's JSPluginsServer points at
 *   dist-wps/publish.html     a page that installs or removes the add-in for one user (WPS's local service)
 *   dist-wps/offline/         offline package: xxgk.7z (as `wpsjs build` makes it), the unpacked folder,
 *                             publish.xml and install scripts for the per-user jsaddons folder
 *
 * WPS_ADDIN_URL=https://intranet.example/xxgk/ sets where the add-in is served; without it the
 * files name https://intranet.invalid/xxgk/ with a comment to replace it (no developer address in a release).
 */
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import webpack from 'webpack';
import { ADDIN_NAME, UNSET_URL, installLinux, installWindows, jspluginsXml, publishHtml, publishXml } from './deploy-files';

const root = path.resolve(__dirname, '..', '..');
const dist = path.join(root, 'dist');
const out = path.resolve(root, process.env.WPS_OUT ?? 'dist-wps');
const version: string = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;

function addinUrl(): string {
  const raw = process.env.WPS_ADDIN_URL?.trim();
  if (!raw) {
    // A release folder names no developer's address: IT sets its own (docs/wps.md).
    console.log(`WPS_ADDIN_URL is not set: jsplugins.xml and publish.html name ${UNSET_URL}, to be replaced by your server's address.`);
    return UNSET_URL;
  }
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new Error(`WPS_ADDIN_URL is not a URL: ${raw}`);
  }
  if (!/^https?:$/.test(u.protocol)) throw new Error(`WPS_ADDIN_URL must be http:// or https://, not ${u.protocol}`);
  return u.toString().replace(/\/?$/, '/');
}

/** The entry page's script (ribbon.ts and what it imports), minified. */
async function buildRibbon(jsDir: string): Promise<string> {
  const compiler = webpack({
    mode: 'production',
    context: root,
    entry: { ribbon: './addin/wps/ribbon.ts' },
    output: { path: jsDir, filename: '[name].[contenthash:8].js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, compilerOptions: { module: 'ESNext', moduleResolution: 'Node', target: 'ES2017' } },
          },
        },
      ],
    },
    performance: { hints: false },
  });
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    compiler.run((err, s) => (err || !s ? reject(err ?? new Error('webpack')) : resolve(s))),
  );
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
  const file = Object.keys(stats.compilation.assets).find((f) => /^ribbon\.[0-9a-f]+\.js$/.test(f));
  if (!file) throw new Error('ribbon script was not emitted');
  return `js/${file}`;
}

const copyDir = (from: string, to: string, skip: (name: string) => boolean = () => false) => {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    if (skip(e.name)) continue;
    const a = path.join(from, e.name),
      b = path.join(to, e.name);
    if (e.isDirectory()) copyDir(a, b, skip);
    else fs.copyFileSync(a, b);
  }
};

/** dist/taskpane.html without the Office.js script (WPS has no Office.js; an intranet PC cannot reach its CDN). */
function wpsTaskpaneHtml(): string {
  const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  const out = html
    .replace(/<!--[^>]*Office\.js[^>]*-->\s*/g, '')
    .replace(/<script[^>]*appsforoffice\.microsoft\.com[^>]*><\/script>\s*/g, '');
  if (/appsforoffice/.test(out)) throw new Error('dist/taskpane.html: the Office.js script tag was not found where expected');
  return out;
}

const entryPage = (script: string) => `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <title>政务公开年报</title>
    <!-- WPS loads this page when 表格 starts and calls the ribbon's callbacks (OnAddinLoad, OnAction, GetImage, OnGetEnabled) defined by this script. -->
    <script src="${script}"></script>
  </head>
  <body></body>
</html>
`;

/** Packs the add-in folder into offline/xxgk.7z with the 7-Zip that 7zip-bin ships (as `wpsjs build` does). */
function pack7z(folder: string, archive: string): void {
  const { path7za } = require('7zip-bin') as { path7za: string };
  try {
    fs.chmodSync(path7za, 0o755); // npm does not always keep the executable bit
  } catch {
    // read-only install: try as it is
  }
  execFileSync(path7za, ['a', '-t7z', '-bd', '-y', archive, folder], { stdio: 'ignore' });
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(dist, 'taskpane.html'))) throw new Error('dist/taskpane.html is missing: run `npm run build` first');
  const url = addinUrl();
  fs.rmSync(out, { recursive: true, force: true });
  const addin = path.join(out, ADDIN_NAME);
  fs.mkdirSync(addin, { recursive: true });

  copyDir(path.join(dist, 'js'), path.join(addin, 'js'), (n) => /^commands\./.test(n));
  copyDir(path.join(dist, 'assets'), path.join(addin, 'assets'), (n) => !n.endsWith('.png'));
  copyDir(path.join(__dirname, 'images'), path.join(addin, 'images'));
  fs.writeFileSync(path.join(addin, 'taskpane.html'), wpsTaskpaneHtml());
  fs.copyFileSync(path.join(dist, 'legacy-check.js'), path.join(addin, 'legacy-check.js')); // the ES5 check taskpane.html runs first
  fs.copyFileSync(path.join(__dirname, 'ribbon.xml'), path.join(addin, 'ribbon.xml'));
  fs.writeFileSync(path.join(addin, 'index.html'), entryPage(await buildRibbon(path.join(addin, 'js'))));
  // What `wpsjs debug|build|publish` read: name, version, addonType (et = WPS 表格); no build script, the folder is the build.
  const pkg = { name: ADDIN_NAME, version, addonType: 'et', description: '政府信息公开年报统计表检查', private: true, scripts: {} };
  fs.writeFileSync(path.join(addin, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);

  fs.writeFileSync(path.join(out, 'jsplugins.xml'), jspluginsXml(url));
  fs.writeFileSync(path.join(out, 'publish.html'), publishHtml(url, version));

  const offline = path.join(out, 'offline');
  const folder = `${ADDIN_NAME}_${version}`;
  copyDir(addin, path.join(offline, folder), (n) => n === 'package.json');
  pack7z(path.join(offline, folder), path.join(offline, `${ADDIN_NAME}.7z`));
  fs.writeFileSync(path.join(offline, 'publish.xml'), publishXml(version));
  fs.writeFileSync(path.join(offline, 'install-windows.bat'), installWindows(version).replace(/\n/g, '\r\n'));
  fs.writeFileSync(path.join(offline, 'install-linux.sh'), installLinux(version), { mode: 0o755 });
  console.log(`WPS add-in written to ${path.relative(root, out)}/ (online URL ${url})`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
