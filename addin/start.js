#!/usr/bin/env node
// `npm start`: how to sideload the add-in (Excel is not available on the build machine).
const path = require('path');
const manifest = path.join(__dirname, '..', 'dist', 'manifest.xml');
console.log(`政府信息公开年报统计表 — Excel 加载项 / Excel add-in

1. 构建并启动本地 https 服务（端口 3000）/ build and serve over https on port 3000:
     npm run build && npm run dev-server
   首次使用请信任本机开发证书（浏览器打开 https://localhost:3000/taskpane.html 接受证书），
   或用 office-addin-dev-certs 安装受信任证书。
   Trust the dev certificate once (open https://localhost:3000/taskpane.html and accept it,
   or install one with office-addin-dev-certs).

2. 旁加载清单 / sideload the manifest: ${manifest}
   - Excel 网页版 / Excel on the web: 开始 → 加载项 → 更多加载项 → 上传我的加载项 → 选择 manifest.xml
     (Home → Add-ins → More add-ins → Upload My Add-in)
   - Windows: 把 dist/ 所在文件夹共享为网络共享，在 文件 → 选项 → 信任中心 → 受信任的加载项目录 中添加该共享，
     然后 插入 → 我的加载项 → 共享文件夹 (shared-folder catalog)
   - Mac: 把 manifest.xml 复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/

3. 在“开始”选项卡点击“年报检查”。Click "Check report" on the Home tab.

不在 Excel 中 / outside Excel (WPS users): 直接用浏览器打开 https://localhost:3000/taskpane.html，
选择或拖入 .xlsx / .xls 文件即可检查。Open the same page in a browser and pick or drop files.`);
