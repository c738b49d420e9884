/**
 * The files WPS reads to find the add-in, written by build.ts. Formats as WPS reads them (and as
 * the vendor's wpsjs tool writes them): jsplugins.xml lists online add-ins as <jspluginonline> and
 * packaged ones as <jsplugin url=… version=…>; the per-user jsaddons/publish.xml lists installed
 * ones (enable="enable_dev", as `wpsjs` writes it); WPS's local service (127.0.0.1:58890) takes
 * /deployaddons/runParams with base64(JSON {cmd, name, url, addonType, online, version}).
 */
export const ADDIN_NAME = 'xxgk';
const TYPE = 'et'; // WPS 表格

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Where the add-in is served when the build was not told (WPS_ADDIN_URL): no developer's address,
 * a name that cannot resolve (RFC 2606 reserves .invalid), with a comment saying what to put there.
 */
export const UNSET_URL = 'https://intranet.invalid/xxgk/';

export function jspluginsXml(url: string = UNSET_URL): string {
  const note =
    url === UNSET_URL
      ? '\n  <!-- 请把 url 改为 xxgk 文件夹在内网服务器上的地址（或构建时设置 WPS_ADDIN_URL），见 docs/wps.md / set url to where the xxgk folder is served -->'
      : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>${note}
  <jspluginonline name="${ADDIN_NAME}" type="${TYPE}" url="${attr(url)}"/>
</jsplugins>
`;
}

/** The <jsplugin> element of an unpacked offline add-in in the per-user jsaddons folder. */
export const offlineEntry = (version: string) =>
  `<jsplugin name="${ADDIN_NAME}" type="${TYPE}" url="${ADDIN_NAME}_${version}" version="${version}" enable="enable_dev" install="null" customDomain=""/>`;

export function publishXml(version: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  ${offlineEntry(version)}
</jsplugins>
`;
}

export function installLinux(version: string): string {
  const folder = `${ADDIN_NAME}_${version}`;
  return `#!/bin/sh
# 为当前用户安装“政务公开年报”WPS 加载项（Linux：统信 UOS、银河麒麟等）。
set -e
here=$(cd "$(dirname "$0")" && pwd)
dest="$HOME/.local/share/Kingsoft/wps/jsaddons"
mkdir -p "$dest"
rm -rf "$dest/${ADDIN_NAME}_"*
cp -R "$here/${folder}" "$dest/"
line='${offlineEntry(version)}'
f="$dest/publish.xml"
if [ -f "$f" ]; then cp "$f" "$f.bak"; fi
if [ -f "$f" ] && grep -q 'name="${ADDIN_NAME}"' "$f"; then
  sed -i "s#<jsplugin[^>]*name=\\"${ADDIN_NAME}\\"[^>]*/>#$line#" "$f"
elif [ -f "$f" ] && grep -q '</jsplugins>' "$f"; then
  sed -i "s#</jsplugins>#  $line\\n</jsplugins>#" "$f"
else
  printf '<?xml version="1.0" encoding="UTF-8"?>\\n<jsplugins>\\n  %s\\n</jsplugins>\\n' "$line" > "$f"
fi
echo "已安装到 $dest/${folder}。请重新启动 WPS 表格，在“政务公开年报”选项卡中使用。"
`;
}

export function installWindows(version: string): string {
  const folder = `${ADDIN_NAME}_${version}`;
  const line = offlineEntry(version).replace(/"/g, '\\"');
  const ps = [
    `$f = Join-Path $env:APPDATA 'kingsoft\\wps\\jsaddons\\publish.xml'`,
    `$line = '${line}'`,
    `$nl = [Environment]::NewLine`,
    `if (Test-Path $f) { Copy-Item $f ($f + '.bak') -Force; $x = [IO.File]::ReadAllText($f) } else { $x = '' }`,
    [
      `if ($x -match 'name=\\"${ADDIN_NAME}\\"') { $x = [regex]::Replace($x, '<jsplugin[^>]*name=\\"${ADDIN_NAME}\\"[^>]*/>', $line) }`,
      `elseif ($x -match '</jsplugins>') { $x = $x.Replace('</jsplugins>', '  ' + $line + $nl + '</jsplugins>') }`,
      `else { $x = '<jsplugins>' + $nl + '  ' + $line + $nl + '</jsplugins>' + $nl }`,
    ].join(' '), // one if/elseif/else statement: no ';' between its parts
    `[IO.File]::WriteAllText($f, $x)`,
  ].join('; ');
  return `@echo off
chcp 65001 >nul
rem 为当前用户安装“政务公开年报”WPS 加载项（Windows）。
setlocal
set "DEST=%APPDATA%\\kingsoft\\wps\\jsaddons"
if not exist "%DEST%" mkdir "%DEST%"
for /d %%d in ("%DEST%\\${ADDIN_NAME}_*") do rmdir /s /q "%%d"
xcopy /E /I /Y "%~dp0${folder}" "%DEST%\\${folder}" >nul
powershell -NoProfile -ExecutionPolicy Bypass -Command "${ps}"
echo 已安装到 %DEST%\\${folder}。请重新启动 WPS 表格，在“政务公开年报”选项卡中使用。
pause
`;
}

/** A page a user opens to install (or remove) the online add-in through WPS's local service. */
export function publishHtml(url: string, version: string): string {
  const addon = { name: ADDIN_NAME, addonType: TYPE, online: 'true', url, version, customDomain: '' };
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <title>安装“政务公开年报”WPS 加载项</title>
    <style>
      body { font-family: "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; max-width: 40em; margin: 2em auto; line-height: 1.6; }
      button { font-size: 1em; padding: 0.4em 1.2em; margin-right: 1em; }
      #status { margin-top: 1em; font-weight: bold; }
    </style>
  </head>
  <body>
    <h1>政务公开年报（WPS 表格加载项）</h1>
    <p>版本 ${attr(version)}，地址 <code>${attr(url)}</code>。</p>
    <p>请先启动 WPS Office，再点击“安装”。安装后重新打开 WPS 表格，功能区出现“政务公开年报”选项卡。</p>
    <p><button id="install">安装</button><button id="remove">卸载</button></p>
    <p id="status"></p>
    <script>
      (function () {
        var addon = ${JSON.stringify(addon)};
        var status = document.getElementById('status');
        function send(cmd, tries) {
          var data = { cmd: cmd, name: addon.name, url: addon.url, addonType: addon.addonType, online: addon.online, version: addon.version, customDomain: addon.customDomain };
          var body = btoa(unescape(encodeURIComponent(JSON.stringify(data))));
          var xhr = new XMLHttpRequest();
          xhr.open('POST', 'http://127.0.0.1:58890/deployaddons/runParams');
          xhr.timeout = 3000;
          xhr.onload = function () {
            var ok = xhr.status === 200 && (xhr.responseText === 'OK' || xhr.responseText === '');
            status.textContent = ok ? (cmd === 'enable' ? '已安装。请重新打开 WPS 表格。' : '已卸载。') : '未成功（WPS 返回 ' + xhr.status + '）。请联系信息化管理员。';
          };
          xhr.onerror = xhr.ontimeout = function () {
            if (tries === 3) location.href = 'ksoWPSCloudSvr://start=RelayHttpServer'; // asks WPS to start its local service
            if (tries > 0) setTimeout(function () { send(cmd, tries - 1); }, 1500);
            else status.textContent = '未连接到 WPS。请确认已安装并启动 WPS Office 后重试。';
          };
          status.textContent = '正在连接 WPS……';
          xhr.send(body);
        }
        document.getElementById('install').onclick = function () { send('enable', 3); };
        document.getElementById('remove').onclick = function () { send('disable', 3); };
      })();
    </script>
  </body>
</html>
`;
}
