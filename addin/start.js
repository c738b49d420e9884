#!/usr/bin/env node
// `npm start` / `npm stop`: where a desktop Excel exists (Windows, Mac), office-addin-debugging
// sideloads dist/manifest.xml and starts the dev server; elsewhere (Linux, CI) this prints how to
// sideload by hand. `npx` fetches office-addin-debugging on first use: it needs a native keychain
// module that does not build on machines without Office, so it is not a dependency.
const path = require('path');
const { spawnSync } = require('child_process');
const manifest = path.join(__dirname, '..', 'dist', 'manifest.xml');
const stopping = process.argv[2] === 'stop';
const desktop = process.platform === 'win32' || process.platform === 'darwin';

if (desktop) {
  const args = stopping
    ? ['--yes', 'office-addin-debugging', 'stop', manifest]
    : [
        '--yes',
        'office-addin-debugging',
        'start',
        manifest,
        'desktop',
        '--app',
        'excel',
        '--dev-server',
        'npm run dev-server',
        '--dev-server-port',
        '3000',
      ];
  const r = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', args, { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
if (stopping) {
  console.log('没有由 npm start 启动的 Excel（此系统无桌面版 Excel）；请停止 npm run dev-server。');
  process.exit(0);
}
console.log(`政府信息公开年报统计表 — Excel 加载项

此系统没有桌面版 Excel，请手动旁加载：
1. 构建并启动本地 https 服务（端口 3000）：
     npm run build && npm run dev-server
   首次启动时会安装 Office 加载项开发证书（office-addin-dev-certs），桌面版 Excel 只接受受信任的证书。
2. 旁加载清单：${manifest}
   - Excel 网页版：开始 → 加载项 → 更多加载项 → 上传我的加载项 → 选择 manifest.xml
   - Windows：把清单所在文件夹设为网络共享，在 文件 → 选项 → 信任中心 → 受信任的加载项目录 中添加该共享，
     然后 插入 → 我的加载项 → 共享文件夹
   - Mac：把 manifest.xml 复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
3. 在“开始”选项卡点击“年报检查”。
不在 Excel 中（WPS 用户）：用浏览器打开 https://localhost:3000/taskpane.html，选择或拖入文件即可检查。
单位部署见 docs/addin.md。`);
