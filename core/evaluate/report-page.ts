/**
 * The evaluation page's style and its one script (report-html.ts): sorting by a header (click or
 * Enter; again for the other direction) and filtering by the text box and the per-check toggles.
 * The script reads the page's own table only: it holds no data and no words, loads nothing.
 */
export const REPORT_CSS = `body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;color:#111;margin:16px auto;max-width:1280px;padding:0 12px;font-size:14px}
h1{font-size:20px;margin:0 0 6px}h2{font-size:17px;margin:22px 0 8px;border-bottom:1px solid #ccc}h3{font-size:14px;margin:14px 0 4px}
p.meta,p.hint,p.legend,div.where,.at{color:#555;font-size:12px}
.controls{display:flex;flex-wrap:wrap;gap:6px 18px;align-items:center;margin:10px 0 4px}.controls input[type=search]{width:16em}
.toggles label{margin-right:8px;white-space:nowrap}
table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:3px 6px;vertical-align:top;text-align:left}
th{background:#eef2f7}table.records th{cursor:pointer;user-select:none;font-size:13px}
table.records{table-layout:fixed;width:100%}col.c-agency{width:8em}col.c-year{width:3.5em}col.c-n{width:4.5em}col.c-score{width:3.5em}
table.records td{overflow-wrap:anywhere}
table.records th[aria-sort=ascending]::after{content:" \\25B2"}table.records th[aria-sort=descending]::after{content:" \\25BC"}
td.n{text-align:right;font-variant-numeric:tabular-nums}td.fail{background:#fde2e1;color:#900}td.warn{background:#fff4d6}td.na{color:#999}
td.score{font-weight:bold}td.agency{white-space:nowrap}td.file{font-size:12px;color:#444;word-break:break-all}
nav.agencies a{margin-right:10px;white-space:nowrap}
section.agency{margin-top:18px}p.back{margin:0;font-size:12px}
ul.evidence{margin:4px 0 8px;padding-left:20px}ul.evidence li{margin:3px 0}li.warning{color:#7a5a00}li.note{color:#555}
span.tag{display:inline-block;background:#eef2f7;border:1px solid #ccd;border-radius:3px;padding:0 4px;font-size:12px}
table.sbs{width:100%;table-layout:fixed;margin:4px 0}table.sbs td{white-space:pre-wrap;font-size:13px;background:#fffbe6}
blockquote{margin:4px 0;padding:4px 8px;border-left:3px solid #ccc;background:#fafafa;white-space:pre-wrap}
p.clean{color:#276b27;margin:2px 0}
@page{size:A4 landscape;margin:12mm}
@media print{.controls,p.hint,p.back{display:none}tr[hidden]{display:none}section.agency{break-before:page}body{max-width:none;margin:0}}`;

export const REPORT_SCRIPT = `(function(){
var t=document.getElementById('records');if(!t)return;
var body=t.tBodies[0],heads=[].slice.call(t.tHead.rows[0].cells),q=document.getElementById('q'),shown=document.getElementById('shown');
var boxes=[].slice.call(document.querySelectorAll('input[data-check]'));
// Each row's text and failing checks read once: a region has thousands of rows, and a key is typed often.
var rows=[].slice.call(body.rows).map(function(r){return {r:r,text:r.textContent.toLowerCase(),fail:(r.getAttribute('data-fail')||'').split(' ')};});
function filter(){
var s=q.value.trim().toLowerCase(),on=boxes.filter(function(b){return b.checked}).map(function(b){return b.getAttribute('data-check')}),n=0;
rows.forEach(function(x){
var ok=(!s||x.text.indexOf(s)>=0)&&(!on.length||on.some(function(k){return x.fail.indexOf(k)>=0}));
if(x.r.hidden===ok)x.r.hidden=!ok;if(ok)n++;});
shown.textContent=String(n);}
function sort(th){
var i=heads.indexOf(th),dir=th.getAttribute('aria-sort')==='ascending'?-1:1,num=th.getAttribute('data-type')==='num';
heads.forEach(function(h){h.removeAttribute('aria-sort')});
th.setAttribute('aria-sort',dir>0?'ascending':'descending');
// Keys read once, the rows put back in one step (a fragment), never one layout per row.
var keyed=[].slice.call(body.rows).map(function(r,k){var c=r.cells[i];return {r:r,k:k,v:num?parseFloat(c.getAttribute('data-v')):c.textContent};});
var cmp=num?function(a,b){return a.v-b.v}:function(a,b){return a.v.localeCompare(b.v,'zh')};
keyed.sort(function(a,b){return cmp(a,b)*dir||a.k-b.k});
var f=document.createDocumentFragment();keyed.forEach(function(x){f.appendChild(x.r)});body.appendChild(f);}
heads.forEach(function(th){
th.addEventListener('click',function(){sort(th)});
th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();sort(th);}});});
q.addEventListener('input',filter);boxes.forEach(function(b){b.addEventListener('change',filter)});
})();`;
