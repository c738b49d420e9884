/**
 * manifest.xml checked as toolchain.md says (the Microsoft validation service is unreachable
 * here): element order, required elements, GUID, four-part version, https URLs, every resid
 * resolving to a resource of the right kind, icons existing at their declared pixel sizes; and
 * `office-addin-manifest info` parses it.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { addinBase, addinVersion, MICROSOFT_CDN, officeJsSource, rebaseManifest } from '../addin/deploy';

const root = path.resolve(__dirname, '..');
const text = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

/** A small XML reader for the manifest (elements, attributes, text; comments and declarations skipped). */
function parseXml(src: string): El {
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  const top: El = { name: '#doc', attrs: {}, children: [], text: '' };
  const stack = [top];
  for (let m; (m = re.exec(src));) {
    if (m[5] !== undefined) {
      stack[stack.length - 1].text += m[5];
      continue;
    }
    if (!m[2]) continue;
    if (m[1]) {
      const el = stack.pop()!;
      expect(el.name, 'well-formed: closing tag matches').toBe(m[2]);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of m[3].matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]] = a[2].replace(/&amp;/g, '&').replace(/&quot;/g, '"');
    const el: El = { name: m[2], attrs, children: [], text: '' };
    stack[stack.length - 1].children.push(el);
    if (!m[4]) stack.push(el);
  }
  expect(stack.length, 'every element closed').toBe(1);
  expect(top.children.length).toBe(1);
  return top.children[0];
}

const all = (el: El): El[] => [el, ...el.children.flatMap(all)];
const child = (el: El, name: string) => el.children.find((c) => c.name === name);

function pngSize(file: string): { w: number; h: number } {
  const b = fs.readFileSync(file);
  expect([...b.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { w: b.readUInt32BE(16), h: b.readUInt32BE(20) };
}

/** A manifest URL served by the dev server → the file webpack puts there (assets come from addin/assets). */
function localFile(url: string): string {
  const p = new URL(url).pathname.replace(/^\//, '');
  if (p.startsWith('assets/')) return path.join(root, 'addin', p);
  return path.join(root, 'addin', p);
}

const app = parseXml(text);

describe('manifest.xml', () => {
  it('is a TaskPaneApp with the elements in schema order', () => {
    expect(app.name).toBe('OfficeApp');
    expect(app.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(app.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    const ORDER = [
      'Id',
      'AlternateId',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ];
    const names = app.children.map((c) => c.name);
    for (const n of names) expect(ORDER, `known element ${n}`).toContain(n);
    const idx = names.map((n) => ORDER.indexOf(n));
    expect(idx, 'schema order').toEqual([...idx].sort((a, b) => a - b));
    expect(new Set(names).size).toBe(names.length);
    for (const req of [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
    ])
      expect(names, `required ${req}`).toContain(req);
  });

  it('has a GUID id, a four-part version, Excel host, ExcelApi 1.7 minimum and a permission', () => {
    expect(child(app, 'Id')!.text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(child(app, 'Id')!.text.trim()).not.toBe('00000000-0000-0000-0000-000000000000');
    expect(child(app, 'Version')!.text.trim()).toMatch(/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/);
    expect(child(app, 'Hosts')!.children.map((h) => h.attrs.Name)).toEqual(['Workbook']);
    const sets = child(child(app, 'Requirements')!, 'Sets')!;
    const excel = sets.children.find((s) => s.attrs.Name === 'ExcelApi')!;
    expect(excel.attrs.MinVersion).toBe('1.7');
    expect(['Restricted', 'ReadDocument', 'ReadWriteDocument', 'ReadAllDocument', 'WriteDocument']).toContain(
      child(app, 'Permissions')!.text.trim(),
    );
    expect(child(app, 'DisplayName')!.attrs.DefaultValue.length).toBeLessThanOrEqual(125);
    expect(child(app, 'Description')!.attrs.DefaultValue.length).toBeLessThanOrEqual(250);
  });

  it('uses https URLs only, all on the app domain, pointing at files the build serves', () => {
    const urls = all(app).flatMap((e) =>
      Object.entries(e.attrs)
        .filter(([k, v]) => k === 'DefaultValue' && /^[a-z]+:\/\//i.test(v))
        .map(([, v]) => v),
    );
    urls.push(
      ...all(app)
        .filter((e) => e.name === 'AppDomain')
        .map((e) => e.text.trim()),
    );
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u, u).toMatch(/^https:\/\/localhost:3000(\/|$)/);
    for (const u of urls.filter((x) => /\.(html|png)$/.test(x))) expect(fs.existsSync(localFile(u)), `${u} → ${localFile(u)}`).toBe(true);
    expect(child(child(app, 'DefaultSettings')!, 'SourceLocation')!.attrs.DefaultValue).toBe('https://localhost:3000/taskpane.html');
    const dist = path.join(root, 'dist');
    if (fs.existsSync(path.join(dist, 'taskpane.html')))
      // after `npm run build` (npm test builds first)
      for (const f of [
        'taskpane.html',
        'commands.html',
        'manifest.xml',
        'assets/icon-16.png',
        'assets/icon-32.png',
        'assets/icon-64.png',
        'assets/icon-80.png',
      ])
        expect(fs.existsSync(path.join(dist, f)), `dist/${f}`).toBe(true);
  });

  it('resolves every resid to a resource of the right kind, with unique short ids', () => {
    const vo = child(app, 'VersionOverrides')!;
    const res = child(vo, 'Resources')!;
    const kinds: Record<string, Map<string, string>> = {};
    const ids = new Set<string>();
    for (const group of res.children) {
      kinds[group.name] = new Map();
      for (const r of group.children) {
        expect(ids.has(r.attrs.id), `duplicate id ${r.attrs.id}`).toBe(false);
        ids.add(r.attrs.id);
        expect(r.attrs.id.length).toBeLessThanOrEqual(32);
        kinds[group.name].set(r.attrs.id, r.attrs.DefaultValue);
        if (group.name === 'bt:ShortStrings') expect(r.attrs.DefaultValue.length).toBeLessThanOrEqual(125);
        if (group.name === 'bt:LongStrings') expect(r.attrs.DefaultValue.length).toBeLessThanOrEqual(250);
      }
    }
    const used = new Set<string>();
    const walk = (el: El, parent: El | null) => {
      const resid = el.attrs.resid;
      if (resid !== undefined) {
        used.add(resid);
        const want =
          el.name === 'bt:Image'
            ? 'bt:Images'
            : ['SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(el.name)
              ? 'bt:Urls'
              : el.name === 'Description'
                ? 'bt:LongStrings'
                : 'bt:ShortStrings';
        expect(kinds[want]?.has(resid), `${el.name} resid="${resid}" (in ${parent?.name}) resolves in ${want}`).toBe(true);
      }
      for (const c of el.children) walk(c, el);
    };
    walk(vo, null);
    for (const id of ids) expect(used.has(id), `resource ${id} is used`).toBe(true);
    // A Home-tab button that shows the task pane.
    const tab = all(vo).find((e) => e.name === 'OfficeTab')!;
    expect(tab.attrs.id).toBe('TabHome');
    const action = all(tab).find((e) => e.name === 'Action')!;
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
  });

  it('has icons at the declared pixel sizes', () => {
    const vo = child(app, 'VersionOverrides')!;
    const images = new Map(
      all(vo)
        .filter((e) => e.name === 'bt:Image' && e.attrs.id)
        .map((e) => [e.attrs.id, e.attrs.DefaultValue]),
    );
    const uses = all(vo).filter((e) => e.name === 'bt:Image' && e.attrs.resid);
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) {
      const size = Number(u.attrs.size);
      expect([16, 20, 24, 32, 40, 48, 64, 80]).toContain(size);
      const file = localFile(images.get(u.attrs.resid)!);
      expect(pngSize(file), `${file} at ${size}px`).toEqual({ w: size, h: size });
    }
    expect(pngSize(localFile(child(app, 'IconUrl')!.attrs.DefaultValue))).toEqual({ w: 32, h: 32 });
    expect(pngSize(localFile(child(app, 'HighResolutionIconUrl')!.attrs.DefaultValue))).toEqual({ w: 64, h: 64 });
  });

  it('parses with office-addin-manifest info', () => {
    const cli = path.join(root, 'node_modules', 'office-addin-manifest', 'cli.js');
    const out = execFileSync(process.execPath, [cli, 'info', 'manifest.xml'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(out).toContain(`Id: ${child(app, 'Id')!.text.trim()}`);
    expect(out).toContain('Type: TaskPaneApp');
    expect(out).toContain('Version: 0.1.0.0');
    expect(out).toContain('Source Location: https://localhost:3000/taskpane.html');
  });
});

describe('builds for an organisation (ADDIN_URL, ADDIN_BUILD, OFFICE_JS)', () => {
  const base = addinBase('https://intranet.example/xxgk');
  const version = addinVersion('0.1.0', '12');
  const rebased = rebaseManifest(text, base, version);

  it('puts every URL under ADDIN_URL, the app domain at its origin, and the release version', () => {
    expect(base).toBe('https://intranet.example/xxgk/');
    expect(version).toBe('0.1.0.12');
    const app2 = parseXml(rebased);
    const urls = all(app2).flatMap((e) =>
      Object.entries(e.attrs)
        .filter(([k, v]) => k === 'DefaultValue' && /^https?:\/\//.test(v))
        .map(([, v]) => v),
    );
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\/intranet\.example\/xxgk\//);
    expect(
      all(app2)
        .filter((e) => e.name === 'AppDomain')
        .map((e) => e.text.trim()),
    ).toEqual(['https://intranet.example']);
    expect(child(app2, 'Version')!.text).toBe('0.1.0.12');
    expect(rebased).not.toContain('localhost');
    const file = path.join(root, 'dist', 'manifest-intranet.test.xml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, rebased);
    try {
      const cli = path.join(root, 'node_modules', 'office-addin-manifest', 'cli.js');
      const out = execFileSync(process.execPath, [cli, 'info', file], { cwd: root, encoding: 'utf8', timeout: 60_000 });
      expect(out).toContain('Source Location: https://intranet.example/xxgk/taskpane.html');
      expect(out).toContain('Version: 0.1.0.12');
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('refuses an address that is not https, and a version that is not x.y.z', () => {
    expect(() => addinBase('http://intranet.example/xxgk/')).toThrow(/https/);
    expect(() => addinVersion('1.2', '0')).toThrow();
    expect(addinVersion('1.2.3', '70000')).toBe('1.2.3.4464'); // each part at most 65535
    expect(addinVersion('1.2.3', undefined, root)).toMatch(/^1\.2\.3\.\d+$/); // the commit count: a new version each release
  });

  it('keeps https://localhost:3000 in the default build, with a four-part version', () => {
    const built = path.join(root, 'dist', 'manifest.xml');
    if (!fs.existsSync(built)) return; // npm test builds first
    const xml = fs.readFileSync(built, 'utf8');
    const app3 = parseXml(xml);
    expect(child(child(app3, 'DefaultSettings')!, 'SourceLocation')!.attrs.DefaultValue).toBe('https://localhost:3000/taskpane.html');
    expect(child(app3, 'Version')!.text).toMatch(/^0\.1\.0\.\d+$/);
    expect(xml.replace(/<Version>[^<]*<\/Version>/, '')).toBe(text.replace(/<Version>[^<]*<\/Version>/, ''));
  });

  it("loads Office.js from Microsoft's CDN by default, beside the pane with OFFICE_JS=local, or from a given CDN", () => {
    expect(officeJsSource(undefined)).toEqual({ src: MICROSOFT_CDN, local: false });
    expect(officeJsSource('local')).toEqual({ src: 'office-js/office.js', local: true });
    const vianet = 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js';
    expect(officeJsSource(vianet).src).toBe(vianet);
    expect(() => officeJsSource('http://cdn.example/office.js')).toThrow(/https/);
    const html = path.join(root, 'dist', 'taskpane.html');
    if (fs.existsSync(html)) expect(fs.readFileSync(html, 'utf8')).toContain(`<script src="${MICROSOFT_CDN}">`);
  });
});
