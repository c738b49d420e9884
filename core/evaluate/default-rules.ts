/**
 * The default 考核 rulebook as data, in the rulebook language (rulebook-parse.ts, docs/evaluate.md):
 * a line per check, the `#` lines just above it its source. Parsed once, when first asked for
 * (rulebook.ts). To weigh the checks as a local 细则 does, copy this text to a file, change it and
 * pass it with `xxgk evaluate --rules FILE`. The sources' words shown in the reports are in the
 * catalogues (evaluate.source.KEY), in both languages; the comments here say where each comes from.
 */
export const DEFAULT_RULES = `# xxgk evaluate 默认考核细则
# 每行一项：检查: -每处扣分 each, at most -本项最多扣分；紧挨在上面的 # 行写明出处。

# 满分
full: 100

# 数据失准：各地通报均以统计表平衡关系不符扣分（每个平衡关系错误一处）。
balance: -2 each, at most -10

# 历年衔接：表三上年结转等于上年结转下年度，表二现行有效件数等于上年数加本年制发减本年废止
# （第三方评估的衔接核对，KIROGOVCOMPARE）。
chain: -2 each, at most -10

# 与上年雷同：宿迁考核规则包（GovOpen-AutoAudit，rulepacks/suqian_dept_v1/rules.csv）、
# 鲤城考核细则（http://www.qzlc.gov.cn/xxgk/zfxxgk/xxgkzdgd/202012/t20201214_2479123.htm）。
identical: -5 each, at most -10

# 文字雷同：正文与本单位上年或其他单位的报告相同超过 50% 的扣分（宿迁考核规则包、鲤城考核细则，出处同上；
# 中国社会科学院政府透明度报告亦指出年报文字雷同）。
copying: -5 each, at most -10, above 50%

# 上下级汇总：汇总所属部门的政府报告，表三总计栏、表四与所属各部门之和不符（第三方评估 KIROGOVCOMPARE 的
# 上级等于下级之和、下级缺报核对）；表四诉讼数按国办公开办函〔2016〕201号可以不等，只提示不扣分。
hierarchy: -2 each, at most -10

# 报告六个部分：第一、五、六部分标题未找到（第三方评估，KIROGOVCOMPARE）。只作提示，不扣分，请人工核实。
sections: -0.5 each, at most -1.5

# 第五部分“存在的主要问题及改进情况”为空或只写“无”：宿迁考核规则包 SQ-DEP-A-005 要求“规范、高质量发布”年度报告。
section_five: -0.5 each, at most -0.5

# 第六部分称未收取任何费用而表二有行政事业性收费（第三方评估）。只作提示，不扣分（信息处理费与行政事业性收费不同）。
fees: -0.5 each, at most -0.5

# 正文年份不是报告年度（第三方评估，KIROGOVCOMPARE）。只作提示，不扣分，请人工核实。
text_year: -0.5 each, at most -0.5

# 发布时效：条例第四十九条（部门1月31日前，政府3月31日前）；宿迁考核规则包 SQ-DEP-A-005：未及时发布的，扣0.5分。
timely: -0.5 each, at most -0.5

# 名单上的单位未发布当年报告：条例第四十九条；宿迁考核规则包 SQ-DEP-A-005（未及时发布扣0.5分）。对未发布扣分更重的地方，请用 --rules 替换。
published: -0.5 each, at most -0.5

# 复议纠错、败诉：表四行政复议、行政诉讼“结果纠正”每件一处（宿迁考核规则包 GovOpen-AutoAudit，rulepacks/suqian_dept_v1/rules.csv）。
# 是报告如实填报的事实，不是报告的错误：默认不扣分；按件扣分的地方写 corrected: -2 each, at most -10。
corrected: -0 each
`;
