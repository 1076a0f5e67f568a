import Foundation
import Testing

@testable import GlossGraph
@testable import GlossGraphCounting
@testable import GlossGraphExport
@testable import GlossGraphGlossary
@testable import GlossGraphReading
@testable import GlossGraphText

@Suite("Mining the glosses a text states")
struct GlossMinerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var shape: String
        var text: String
        var expected: [String]  // "zh|en|abbreviation"
        var testDescription: String { shape }
    }

    static let accepted: [Case] = [
        Case(shape: "ZH（long form，ABBR）, letters agree", text: "而我们的负责任扩展计划（responsible scaling plan，RSP）很重要。",
             expected: ["负责任扩展计划|responsible scaling plan|RSP"]),
        Case(shape: "ZH（English）", text: "还是必须针对电脑使用（computer use）进行测试，电脑使用很新。", expected: ["电脑使用|computer use|"]),
        Case(shape: "ZH（ABBR） with the whole phrase before the bracket", text: "比如GPT-3、来自人类反馈的强化学习（RLHF）等方法。",
             expected: ["来自人类反馈的强化学习||RLHF"]),
        Case(shape: "ABBR（ZH）", text: "我们先描述一下RLHF（强化学习与人类反馈）的做法。", expected: ["强化学习与人类反馈||RLHF"]),
        Case(shape: "acronym expansion listing one item per letter", text: "对模型进行所谓的CBRN风险（化学、生物、放射性和核）测试。",
             expected: ["化学、生物、放射性和核||CBRN"]),
        Case(shape: "half-width brackets", text: "这就是规模定律(scaling law)的意思。", expected: ["规模定律|scaling law|"]),
        Case(shape: "ZH（English，short form whose letters the long form holds in order）", text: "射门之后，预期进球（expected goals，xG）衡量的是质量。",
             expected: ["预期进球|expected goals|xG"]),
        Case(shape: "ZH（English with digits，short form with digits）: no year, so no citation", text: "这种酶叫细胞色素P450（cytochrome P450，CYP450），肝里最多。",
             expected: ["细胞色素P450|cytochrome P450|CYP450"]),
        Case(shape: "ABBR（中文 keeping the short form's letters）", text: "我们抽取水样检测eDNA（环境DNA），再比对数据库。",
             expected: ["环境DNA||eDNA"]),
        Case(shape: "ZH（English，short form its letters do not confirm）: the long form kept", text: "射门之后，控球率（ball possession，KP）也要看。",
             expected: ["控球率|ball possession|"]),
        Case(shape: "a quoted term", text: "我们谈论“充满爱意的恩典机器”（machines of loving grace）这篇文章。",
             expected: ["充满爱意的恩典机器|machines of loving grace|"]),
        Case(shape: "X指的是Y 或 Z", text: "Anecdotal data指的是轶事证据 或传闻证据。", expected: ["轶事证据|Anecdotal data|", "传闻证据|Anecdotal data|"]),
        Case(shape: "X，也就是Y", text: "我们用合成数据，也就是synthetic data来训练。", expected: ["合成数据|synthetic data|"]),
        Case(shape: "an entry of a list of terms, ABBR：ZH（English）", text: "ISU：国际滑冰联合会（International Skating Union）",
             expected: ["国际滑冰联合会|International Skating Union|ISU"]),
        Case(shape: "X，英文叫 Y with an English name of more than twenty characters", text: "变电站里，红外测温，英文叫 infrared thermography，每月一次。",
             expected: ["红外测温|infrared thermography|"]),
        Case(shape: "ABBR（也就是ZH，也就是ZH）", text: "你对AGI（也就是强大的人工智能，也就是超级有用的人工智能）怎么看？",
             expected: ["强大的人工智能||AGI", "超级有用的人工智能||AGI"]),
        Case(shape: "a name with a middle dot", text: "我认为泰勒·考恩（Tyler Cowen）说得对。", expected: ["泰勒·考恩|Tyler Cowen|"]),
        Case(shape: "EN（ZH） with a single English word", text: "葡萄酒的 tannin（单宁）很重。", expected: ["单宁|tannin|"]),
        Case(shape: "ABBR（ZH） with a mixed-case short form", text: "烘豆师盯着 DtR（发展时间比）调整火力。", expected: ["发展时间比||DtR"]),
        Case(shape: "ABBR（ZH） opening a numbered list item", text: "2. WMO（世界气象组织）发布了指南。", expected: ["世界气象组织||WMO"]),
        Case(shape: "ABBR（ZH） opening a bulleted list item", text: "- OEE（设备综合效率）每周统计。", expected: ["设备综合效率||OEE"]),
        Case(shape: "ABBR (English expansion)，即 ZH: one gloss of three names", text: "- MES (manufacturing execution system)，即制造执行系统，管工单。",
             expected: ["制造执行系统|manufacturing execution system|MES"]),
        Case(shape: "ZH（English，简称 ZH2）: the short name a variant", text: "排放权市场里，碳排放交易（emissions trading，简称碳交易）很热门。",
             expected: ["碳排放交易|emissions trading||碳交易"]),
        Case(shape: "ZH（ABBR，也叫 ZH2）", text: "数据来源：世界卫生组织（WHO，也叫世卫）的报告。", expected: ["世界卫生组织||WHO|世卫"]),
        Case(shape: "ZH（English，简称为“ZH2”）: the longer marker and the quotes are no part of the name",
             text: "排放权市场里，碳排放交易（emissions trading，简称为“碳交易”）很热门。", expected: ["碳排放交易|emissions trading||碳交易"]),
        Case(shape: "ABBR (expansion), and a description after 指的是 that is no rendering",
             text: "RLHF (reinforcement learning from human feedback)，指的是用人类反馈训练模型的做法。",
             expected: ["|reinforcement learning from human feedback|RLHF"]),
        Case(shape: "ABBR（English expansion）, and its rendering after 中文一般译作: one gloss",
             text: "我们仓库用的是 WMS（warehouse management system），中文一般译作仓储管理系统，很好用。",
             expected: ["仓储管理系统|warehouse management system|WMS"]),
        Case(shape: "ABBR（English expansion，俗称 ZH）: the rendering after the marker", text: "化验单上的LDL（low-density lipoprotein，俗称坏胆固醇）偏高。",
             expected: ["坏胆固醇|low-density lipoprotein|LDL"]),
        Case(shape: "a class word, then a one-word name and its expansion: the name is what the bracket expands",
             text: "今天的嘉宾来自投资人 a16z（Andreessen Horowitz）。", expected: ["|Andreessen Horowitz|a16z"]),
        Case(shape: "ACRONYM（中文，English expansion）: the rendering first", text: "字体里的 GPOS（字形定位，glyph positioning）表管字距。",
             expected: ["字形定位|glyph positioning|GPOS"]),
        Case(shape: "a mixed-case short form（中文，English expansion）", text: "芯粒之间走 UCIe（通用芯粒互连标准，Universal Chiplet Interconnect Express）。",
             expected: ["通用芯粒互连标准|Universal Chiplet Interconnect Express|UCIe"]),
        // A trial's solar explainer left `EL（electroluminescence，电致发光）` unpaired.
        Case(shape: "ACRONYM（one compound word，中文）", text: "心脏科常做 ECG（electrocardiogram，心电图）检查。",
             expected: ["心电图|electrocardiogram|ECG"]),
        Case(shape: "ACRONYM（中文，one compound word）", text: "术后要做 PT（物理治疗，physiotherapy）。", expected: ["物理治疗|physiotherapy|PT"]),
        // A trial's optometry interview: `DTW（depth to water，即埋深）` gave 即埋深, `屈光度來講，
        // 英文叫 diopter` gave 屈光度來講, and `…，業界習慣簡稱 Ortho-K` named 業界習慣.
        Case(shape: "ACRONYM（English expansion，即 中文）", text: "高程用 MSL（mean sea level，即平均海平面）做基准。",
             expected: ["平均海平面|mean sea level|MSL"]),
        Case(shape: "X来说，英文叫 Y: the postposition is no part of X", text: "音量我们用分贝来说，英文叫 decibel。", expected: ["分贝|decibel|"]),
        Case(shape: "X，英文叫 Y，(who) (how often) 简称 Z: Z is X's short form", text: "聚合酶链式反应，英文叫 polymerase chain reaction，行内都简称 PCR。",
             expected: ["聚合酶链式反应|polymerase chain reaction|PCR"]),
        Case(shape: "English，(who) (how often) 简称 a short form in mixed case", text: "混合专家模型，英文叫 Mixture of Experts，大家一般简称 MoE。",
             expected: ["混合专家模型|Mixture of Experts|MoE"]),
        Case(shape: "ABBR，全名 English expansion (a trial's DIMS gave two unlinked rows)", text: "逆变器多用 MPPT，全名 Maximum Power Point Tracking，效率高。",
             expected: ["|Maximum Power Point Tracking|MPPT"]),
        // A trial's brewing article gave 淀粉酶 for β-淀粉酶（beta-amylase）and α-淀粉酶（alpha-amylase）.
        Case(shape: "a Greek letter and a hyphen before the term name its variety", text: "β-淀粉酶（beta-amylase）在六十多度最活跃，蛋白质的α-螺旋（alpha helix）也是。",
             expected: ["β-淀粉酶|beta-amylase|", "α-螺旋|alpha helix|"]),
        Case(shape: "an amount before the abbreviation is no part of it", text: "流媒体平台大多把响度定在 -14 LUFS（Loudness Units relative to Full Scale）。",
             expected: ["|Loudness Units relative to Full Scale|LUFS"]),
        Case(shape: "a one-word name and its expansion with no Chinese before it", text: "他们开源了 Llama（Large Language Model Meta AI）的权重。",
             expected: ["|Large Language Model Meta AI|Llama"]),
        // Session 51: a blind set and trial58 (BTE机（…）, QSL卡（…）, bâtonnage, balun（…）).
        Case(shape: "ACRONYM and one character（中文）: the rendering names the acronym's thing", text: "窗口那台 POS机（销售点终端）不能刷卡了。",
             expected: ["销售点终端||POS"]),
        Case(shape: "English（中文） with accented letters", text: "咖啡里加一点 café crème（奶油咖啡），口感更顺。", expected: ["奶油咖啡|café crème|"]),
        Case(shape: "one English word before a long rendering without the words of a description", text: "线上再套一个 ferrite（铁氧体抗干扰磁环），噪声就小了。",
             expected: ["铁氧体抗干扰磁环|ferrite|"]),
        // trial59's NTP伺服器（網路校時伺服器）.
        Case(shape: "ACRONYM and a word the rendering ends with（中文）", text: "机房里那台 DNS服务器（域名解析服务器）要重启。",
             expected: ["域名解析服务器||DNS"]),
    ]

    static let rejected: [Case] = [
        Case(shape: "an amount after 也就是", text: "处理量是每天八万吨，也就是 80000 m³/d。", expected: []),
        Case(shape: "an aside about a person", text: "还有一些像Ilya Sutskever（你采访过他）这样的人。", expected: []),
        Case(shape: "an e-mail address", text: "请联系陈律师（chen.lawyer@example.com）索取合同。", expected: []),
        Case(shape: "an aside with a model name", text: "让它说得更肯定一些（旧版本的Sonnet曾经这样做过）。", expected: []),
        Case(shape: "an aside after a version", text: "计划仍然是发布Claude 3.5（最初版本）。", expected: []),
        Case(shape: "a year", text: "这篇论文（2020年）很有名，那篇（2024）也是。", expected: []),
        Case(shape: "a count", text: "团队里的研究员（约100人）和工程师（3个）。", expected: []),
        Case(shape: "a citation", text: "规模定律的论文（Kaplan et al., 2020）很重要。", expected: []),
        Case(shape: "an author and a year", text: "注意力机制那篇论文（Vaswani 2017a）读过吗？", expected: []),
        Case(shape: "a URL", text: "原文在这里（https://example.com/paper）。", expected: []),
        Case(shape: "an enumeration of examples", text: "推出了不同规模的模型系列（Opus、Sonnet、Haiku）。", expected: []),
        Case(shape: "an enumeration that does not match the acronym", text: "所谓的RSP风险（化学、生物）。", expected: []),
        Case(shape: "a Chinese clarification of Chinese", text: "你认为ASL三级（触发多个触发器的级别）的时间线如何？", expected: []),
        Case(shape: "a formula's terms in brackets (a trial's brewing article gave 公式是 · OG − FG)", text: "公式是（OG − FG）× 131.25，很简单。", expected: []),
        Case(shape: "ACRONYM（中文，one word too short to expand it）", text: "这是一个 SaaS（软件，software）的例子。", expected: []),
        Case(shape: "a description after 指的是", text: "如果AGI指的是人工智能越来越好，那么它就来了。", expected: []),
        Case(shape: "X就是 one grade of a numbered series the text names", text: "比如早年的巡航辅助，就是DL2。巡航辅助要人盯着，DL4 才不用人。",
             expected: []),
        Case(shape: "one English word before a long description that counts one of a kind", text: "后来换成 Fronius（一家奥地利逆变器厂商）。", expected: []),
        Case(shape: "an acronym and a word before a description ending in that word", text: "当年的 ORBIT 计划（美国的一项登月计划）很出名。", expected: []),

    ]

    @Test("gloss shapes are found with the right extent on both sides", arguments: accepted)
    func acceptedShapes(_ testCase: Case) {
        let found = Self.pairs(GlossMiner.glosses(in: testCase.text))
        #expect(found == testCase.expected)
    }

    @Test("parentheticals that are not glosses are rejected", arguments: rejected)
    func rejectedShapes(_ testCase: Case) {
        #expect(GlossMiner.glosses(in: testCase.text).isEmpty)
    }

    /// Clause words before a term, in sentences written for this test.
    static let clauseCases: [Case] = [
        Case(shape: "after a one-character verb that governs the term", text: "芯片之间靠硅通孔（through-silicon via，TSV）连起来。",
             expected: ["硅通孔|through-silicon via|TSV"]),
        Case(shape: "a derivational suffix is no verb", text: "这叫生殖系编辑（germline editing）。", expected: ["生殖系编辑|germline editing|"]),
        Case(shape: "after a one-character verb before a verb–noun compound the text uses only here", text: "小模型要靠蒸馏模型（distillation model）来带。",
             expected: ["蒸馏模型|distillation model|"]),
        Case(shape: "after a naming verb", text: "人们把这一步叫做对齐（alignment）。", expected: ["对齐|alignment|"]),
        Case(shape: "after a measure phrase", text: "棋盘上有一个策略网络（policy network）在选点。", expected: ["策略网络|policy network|"]),
        Case(shape: "after a phase verb and a light verb; a verb–verb compound whole", text: "这个时候模型开始做强化学习（reinforcement learning）。",
             expected: ["强化学习|reinforcement learning|"]),
        Case(shape: "after an auxiliary and a light verb", text: "监管机构会检查企业有没有做对抗测试（adversarial testing）。",
             expected: ["对抗测试|adversarial testing|"]),
        Case(shape: "a leading adverb kept when the English has as many words", text: "后来又出现了直接偏好优化（Direct Preference Optimization，DPO）。",
             expected: ["直接偏好优化|Direct Preference Optimization|DPO"]),
        Case(shape: "a leading verbal noun dropped when the term has more words than the abbreviation letters and the text uses it alone",
             text: "## 训练奖励模型（RM）\n奖励模型会给回答打分。", expected: ["奖励模型||RM"]),
        Case(shape: "a leading verbal noun kept when the text never uses the term without it", text: "还有混合专家模型（Mixture of Experts，MoE）。",
             expected: ["混合专家模型|Mixture of Experts|MoE"]),
        Case(shape: "ABBR，即ZH", text: "客户要求厂商提供 SBOM，即软件物料清单。", expected: ["软件物料清单||SBOM"]),
        Case(shape: "a derivational suffix binds to the word before", text: "这是一种治疗性抗体（therapeutic antibody）。",
             expected: ["治疗性抗体|therapeutic antibody|"]),
        Case(shape: "a derivational prefix binds to the word after", text: "训练太久，模型出现了过拟合（overfitting）。", expected: ["过拟合|overfitting|"]),
        Case(shape: "与 joining the nouns of one name", text: "还需要部署网络检测与响应（NDR）。", expected: ["网络检测与响应||NDR"]),
        Case(shape: "ZH，英文叫 EN", text: "这个现象叫热穹顶，英文叫 heat dome。", expected: ["热穹顶|heat dome|"]),
        Case(shape: "a number and its measure word start no term", text: "站点每天做 24 小时连续监测（continuous monitoring）。",
             expected: ["连续监测|continuous monitoring|"]),
        Case(shape: "a word the dictionary splits in two", text: "他们在交易所做市（market making）。", expected: ["做市|market making|"]),
        Case(shape: "a hyphenated English modifier rendered as a 的 phrase", text: "我们用的是基于规则的过滤（rule-based filtering）。",
             expected: ["基于规则的过滤|rule-based filtering|"]),
        Case(shape: "an adjective before 的 describes the term", text: "森林是一个巨大的碳库（carbon pool）。", expected: ["碳库|carbon pool|"]),
        Case(shape: "a rarer adjective before 的 too", text: "杯中出现了浓密的油脂层（crema layer）。", expected: ["油脂层|crema layer|"]),
        Case(shape: "a dictionary compound counts its parts", text: "芯片主要依靠摩尔定律（Moore's Law）进步。", expected: ["摩尔定律|Moore's Law|"]),
        Case(shape: "an everyday verb governs the term when the Chinese runs longer than the English", text: "评估内容包括对抗测试（adversarial testing）。",
             expected: ["对抗测试|adversarial testing|"]),
        Case(shape: "a verb with a resultative complement governs the term", text: "写入要先复制到多数派（quorum）才算成功。", expected: ["多数派|quorum|"]),
        Case(shape: "a verb before a derivational suffix that ends the term governs nothing (a trial's 水洗|處理法 gave 處理法)",
             text: "厂里用的是手工处理法（manual processing）。", expected: ["手工处理法|manual processing|"]),
        Case(shape: "one everyday word is no rendering of an English name of three words; the expansion still pairs with its abbreviation",
             text: "开户前要做认识你的客户（Know Your Customer，KYC）审查。", expected: ["|Know Your Customer|KYC"]),
        Case(shape: "a rare adverb phrase (再|上) before the term qualifies the verb, as everyday adverbs do",
             text: "显存还是不够的话再上激活重计算（activation recomputation），慢一点也认了。", expected: ["激活重计算|activation recomputation|"]),
        Case(shape: "a verb of saying or asking (说, 讲, 问) is the clause's, never the term's",
             text: "这节课讲提货单（delivery order），下节课再讲别的。", expected: ["提货单|delivery order|"]),
        Case(shape: "a rare verb that starts no compound is a predicate when the words after it are the English's size",
             text: "报关单上必须写明收货人（consignee），不然会退单。", expected: ["收货人|consignee|"]),
        Case(shape: "an everyday verb before words that render the English, once characters the lexicon lacks count as words, governs them (a trial's 传播|残翅病毒)",
             text: "这种蚜虫会传播黄矮病毒（yellow dwarf virus）。", expected: ["黄矮病毒|yellow dwarf virus|"]),
        Case(shape: "a one-character measure word after a noun makes a class of it, inside the term (a trial's 新烟碱类|农药 gave 农药)",
             text: "果园里少用菊酯类杀虫剂（pyrethroid insecticides）。", expected: ["菊酯类杀虫剂|pyrethroid insecticides|"]),
        Case(shape: "a measure word after a numeral still ends a quantity", text: "这三类抗生素（antibiotics）都要登记。",
             expected: ["抗生素|antibiotics|"]),
        Case(shape: "a naming clause with a pronoun (叫它) gives the Latin topic opening the sentence a Chinese name (a trial's CCD…，我们这边叫它蜂群崩溃症)",
             text: "HRV这几年很火，我们圈里叫它心率变异性。", expected: ["心率变异性||HRV"]),
        Case(shape: "what a naming clause calls a phrase is no name", text: "这个办法不错，我们就叫它试试看。", expected: []),
        Case(shape: "a generic head the English leaves out takes in the words that render it, a predicate too (a trial's 最小干預|原則 gave 原則)",
             text: "这叫刻意练习方法（deliberate practice），每天都做。", expected: ["刻意练习方法|deliberate practice|"]),
        Case(shape: "X 中文常叫 Y, an adverb inside the marker (a trial's foxing 中文常叫狐斑)", text: "tannin 中文常叫单宁，葡萄皮里很多。",
             expected: ["单宁|tannin|"]),
        Case(shape: "a verb before a verb of one English word is a compound", text: "编辑的结果是插入缺失（indel）。", expected: ["插入缺失|indel|"]),
        Case(shape: "a rarer verb starts a compound", text: "期权价格反映隐含波动率（implied volatility）。", expected: ["隐含波动率|implied volatility|"]),
        Case(shape: "a title in book-title marks", text: "欧盟《通用数据保护条例》（General Data Protection Regulation，GDPR）很严格。",
             expected: ["通用数据保护条例|General Data Protection Regulation|GDPR"]),
        Case(shape: "a lower-case short form its long form's letters confirm", text: "天文学家用秒差距（parsec，pc）量距离，一秒差距约三光年。", expected: ["秒差距|parsec|pc"]),
        Case(shape: "又称 ends the clause before a gloss, and gives the term another name",
             text: "委托处理合同又称数据处理协议（data processing agreement，DPA）。", expected: ["委托处理合同|||数据处理协议", "数据处理协议|data processing agreement|DPA"]),
        Case(shape: "a rarer verb goes when the text uses the term without it", text: "要排查肥厚型心肌病（hypertrophic cardiomyopathy，HCM）。肥厚型心肌病常见。",
             expected: ["肥厚型心肌病|hypertrophic cardiomyopathy|HCM"]),
        Case(shape: "a character the term never goes without is part of it", text: "车间里在制品（work in process，WIP）太多，在制品要清。",
             expected: ["在制品|work in process|WIP"]),
        Case(shape: "several characters the term never goes without, each a word of its own", text: "病人得了特应性皮炎（AD），特应性皮炎会反复。",
             expected: ["特应性皮炎||AD"]),
        Case(shape: "a term starting inside a word the dictionary made of it and the character before", text: "医生改用度普利尤单抗（dupilumab）。度普利尤单抗每两周一针。",
             expected: ["度普利尤单抗|dupilumab|"]),
        Case(shape: "an everyday word before the term stays out though it always precedes it", text: "先使用奖励模型（reward model），再使用奖励模型打分。",
             expected: ["奖励模型|reward model|"]),
        Case(shape: "English set in Chinese text, 就是, its recurring rendering", text: "到了 first crack 就是一爆，一爆之后要注意。", expected: ["一爆|first crack|"]),
        Case(shape: "a recurring Chinese term, 就是, its English ending the clause", text: "加个回滚吧，回滚就是 rollback，回滚很重要。", expected: ["回滚|rollback|"]),
        Case(shape: "就是 before English that does not end the clause is no gloss", text: "关键就是 latency 的问题，关键很难。", expected: []),
        Case(shape: "a numeral the English names too is part of the term", text: "这个药符合一级动力学（first-order kinetics）。",
             expected: ["一级动力学|first-order kinetics|"]),
        Case(shape: "a numeral and a particle split off the term", text: "口服药存在首过效应（first-pass effect）。", expected: ["首过效应|first-pass effect|"]),
        Case(shape: "a numeral before a measured noun, and no verb before it", text: "球队采用三中卫（three centre-backs）。", expected: ["三中卫|three centre-backs|"]),
        Case(shape: "a one-character verb governs a verbal noun after it", text: "答：统一走设计令牌（design token），不再写死。",
             expected: ["设计令牌|design token|"]),
        Case(shape: "简称 gives the abbreviation", text: "这套制度叫排放交易体系，简称ETS。", expected: ["排放交易体系||ETS"]),
        Case(shape: "a quantity starts no term", text: "上面打了很多硅通孔（through-silicon via，TSV）。", expected: ["硅通孔|through-silicon via|TSV"]),
        // Written after a cardiology transcript (a helper's, not tuned on) gave 段抬高型心肌梗死
        // for STEMI and 降低低密度脂蛋白胆固醇 for LDL-C.
        Case(shape: "Latin letters the abbreviation starts with, written against the term, are part of it",
             text: "结论就是ST段压低型缺血（STDI），需要复查。", expected: ["ST段压低型缺血||STDI"]),
        Case(shape: "a gloss and an apposition about one occurrence agree on where the term starts",
             text: "目标是提高高密度脂蛋白胆固醇（HDL-C），也就是俗称的好胆固醇。", expected: ["高密度脂蛋白胆固醇||HDL-C", "高密度脂蛋白胆固醇|||好胆固醇"]),
        // Traditional text is cut by its Simplified characters: 個 is 个, 從 is 从, 無 is 无.
        Case(shape: "Traditional: a measure word before the term", text: "兩顆晶片放在同一個中介層（interposer）上面。", expected: ["中介層|interposer|"]),
        Case(shape: "Traditional: a derivational prefix starts the term", text: "另外還有一種是無晶圓廠（fabless）公司。", expected: ["無晶圓廠|fabless|"]),
        Case(shape: "Traditional: a preposition and an auxiliary before the term", text: "明年會從平面電晶體（planar transistor）換掉。",
             expected: ["平面電晶體|planar transistor|"]),
        Case(shape: "a fixed expression ending in a resultative complement governs the term", text: "我们常听到海绵城市，英文叫 sponge city，说的是蓄水。",
             expected: ["海绵城市|sponge city|"]),
        Case(shape: "a verb with a potential complement governs the term, however rare", text: "做手语研究离不开语料库（corpus），这是共识。",
             expected: ["语料库|corpus|"]),
        Case(shape: "an everyday adverb and verb the dictionary leaves single are the clause, not an unknown word",
             text: "复盘时先看视野控制（vision control），然后看兵线。", expected: ["视野控制|vision control|"]),
        Case(shape: "a verbal noun before a generic noun other compounds end with too: the compound is the term",
             text: "它的参数有压缩比（ratio）、启动时间（attack）和保持时间。", expected: ["压缩比|ratio|", "启动时间|attack|"]),
        Case(shape: "次 before a word is the prefix sub-", text: "屏幕上常用次像素渲染（subpixel rendering）来提高清晰度。",
             expected: ["次像素渲染|subpixel rendering|"]),
        Case(shape: "次 after a number is a measure word", text: "训练所用的计算量超过 10^25 次浮点运算（FLOPs）。", expected: ["浮点运算|FLOPs|"]),
        Case(shape: "元 before a word is the prefix meta-, and the name before it is the term's too", text: "档案馆统一采用都柏林核心元数据（DC）来著录。",
             expected: ["都柏林核心元数据||DC"]),
        Case(shape: "元 after a number is a measure word", text: "每本收费 20 元检索费（retrieval fee），学生减半。", expected: ["检索费|retrieval fee|"]),
        Case(shape: "再 is the prefix re- where the text uses the prefixed word again", text: "组合每年做一次再平衡（rebalancing），再平衡能控制风险，也能平衡收益与波动。",
             expected: ["再平衡|rebalancing|"]),
        Case(shape: "所谓 (so-called) is the clause, not part of the term", text: "这就是所谓知识蒸馏（knowledge distillation）的思路。",
             expected: ["知识蒸馏|knowledge distillation|"]),
        Case(shape: "去 before a noun the text also uses alone is the verb go", text: "周末带孩子去科技馆（science museum）。科技馆里人很多，科技馆免费。",
             expected: ["科技馆|science museum|"]),
        Case(shape: "和 before the term ends a coordination when the English has no and", text: "仓库里堆着托盘和叉车（forklift truck），叉车要年检。",
             expected: ["叉车|forklift truck|"]),
        Case(shape: "a verb with a place or result complement governs the term", text: "闲钱可以存在活期账户（demand deposit account）里。",
             expected: ["活期账户|demand deposit account|"]),
        Case(shape: "与 joins the parts of one name when the English has and", text: "部署了终端检测与响应（endpoint detection and response）系统。",
             expected: ["终端检测与响应|endpoint detection and response|"]),
        // Written after a metal-printing explainer and a veterinary Q&A (a helper's, blind) gave
        // 包括粒径分布 and 美洛昔康属于非甾体抗炎药.
        Case(shape: "a verb that starts no compound in the word list is a predicate, though the English has more words than the term",
             text: "指标包括孔隙分布（pore size distribution），还有密度。", expected: ["孔隙分布|pore size distribution|"]),
        Case(shape: "a predicate verb before an abbreviation's rendering", text: "布洛芬属于非处方药（OTC），药店能买到。", expected: ["非处方药||OTC"]),
        Case(shape: "a verb that starts compounds may modify the term the English names", text: "机械臂用的是扩散策略（diffusion policy）。",
             expected: ["扩散策略|diffusion policy|"]),
        // After the same two texts gave 滴度 for antibody titer, 喷丁 for gabapentin and
        // 强度很低的生坯 for green part.
        Case(shape: "a character before a derivational suffix is a word's stem, not a verb; a one-character verb jieba tags vn governs the term",
             text: "培养三天后测病毒滴度（viral titer），再决定剂量。", expected: ["病毒滴度|viral titer|"]),
        Case(shape: "the head of a list entry before its gloss and a colon is the term, however the dictionary cuts it",
             text: "- 替米沙坦（telmisartan）：每天一次，早上服。", expected: ["替米沙坦|telmisartan|"]),
        Case(shape: "a sentence ending in a gloss and a colon is no list entry", text: "有一种做法叫反向蒸馏（reverse distillation）：先训练大模型。",
             expected: ["反向蒸馏|reverse distillation|"]),
        // After a beekeeping podcast (a helper's new-user trial) cut Baumé degree at the é, and a
        // metal-printing explainer gave 设计 for DfAM.
        Case(shape: "an English name after 也就是 keeps its letters with diacritics", text: "糖浆的浓度用波美度，也就是Baumé degree，来表示。",
             expected: ["波美度|Baumé degree|"]),
        Case(shape: "a short form of mixed case after 简称 is an abbreviation, the Chinese as long as its capitals say",
             text: "这种飞机属于电动垂直起降飞行器，简称eVTOL。", expected: ["电动垂直起降飞行器||eVTOL"]),
        // The beekeeping podcast gave 箱意大利蜂 and left AFB a proposal of its own.
        Case(shape: "a number in Chinese numerals and its measure word are no part of the term", text: "院子里种了二十棵日本晚樱（Japanese flowering cherry）。",
             expected: ["日本晚樱|Japanese flowering cherry|"]),
        Case(shape: "Chinese numerals inside a term stay", text: "年代要靠碳十四测年（radiocarbon dating）来定。", expected: ["碳十四测年|radiocarbon dating|"]),
        Case(shape: "an English name, 缩写, its abbreviation: one gloss", text: "鸡新城疫，英文是Newcastle disease，缩写ND，要打疫苗。",
             expected: ["鸡新城疫|Newcastle disease|ND"]),
        Case(shape: "a hyphen between Chinese words joins one name", text: "这套系统做的是感知-规划-控制闭环（perception-planning-control loop）。",
             expected: ["感知-规划-控制闭环|perception-planning-control loop|"]),
        Case(shape: "a degree adverb before 的 makes a description, not part of the term", text: "模具里先压出一块密度很低的素坯（green compact），再烧结。",
             expected: ["素坯|green compact|"]),
        // A mixing podcast (a helper's blind set) gave 出现削波 for clipping.
        Case(shape: "after a governing verb, a verb the text uses the term without is no part of it",
             text: "推得太满的时候可能出现削波（clipping）。削波很刺耳，削波要避免。", expected: ["削波|clipping|"]),
        Case(shape: "a generic noun alone renders no English word: the word before is the term's", text: "门限器的恢复时间（recovery）要短，恢复时间太长会漏音。",
             expected: ["恢复时间|recovery|"]),
        // A security podcast (a helper's new-user trial) gave 上多因素认证.
        Case(shape: "a localiser starts no unknown word of characters the dictionary leaves single", text: "所有服务器都要上多因素认证（multi-factor authentication，MFA）。",
             expected: ["多因素认证|multi-factor authentication|MFA"]),
        // A Hong Kong finance interview (a helper's new-user trial) gave 傳統嘅互惠基金.
        Case(shape: "Cantonese 嘅 is the particle 的", text: "佢哋買咗好多傳統嘅單位信託基金（unit trust）。", expected: ["單位信託基金|unit trust|"]),
        // A Taiwanese tax forum (a helper's blind set) gave 開出去的統一發票.
        Case(shape: "a verb with a directional complement before 的 makes a description, not part of the term",
             text: "店家开出来的统一发票（Uniform Sales Invoice）要留底。", expected: ["统一发票|Uniform Sales Invoice|"]),
        // The security podcast's `事件响应手册，我们内部叫 playbook` was no gloss.
        Case(shape: "a short clause after a comma naming the term in English (我们内部叫 X)",
             text: "上线前先做金丝雀发布，我们内部叫 canary release。canary release 只放一成流量。", expected: ["金丝雀发布|canary release|"]),
        Case(shape: "a person's name in a naming clause is no gloss of an everyday word", text: "我有个同事，他叫 Tom。Tom 很厉害。", expected: []),
        // A Taiwanese packaging interview (a helper's new-user trial) stated CoWoS's full name
        // and got two unrelated proposals.
        Case(shape: "a short form's full name after 的全名是, in English or in Chinese",
             text: "InFO 的全名是 Integrated Fan-Out，这是一种封装。HBM 的全称是高带宽内存。", expected: ["|Integrated Fan-Out|InFO", "高带宽内存||HBM"]),
        // A shipping article (a helper's blind set) gave 看提单 for bill of lading and could not
        // read B/L as an abbreviation.
        Case(shape: "an abbreviation with a slash; a one-character verb before a term the text uses alone governs it, whatever jieba tags the term",
             text: "报关前先看提单（bill of lading，B/L），提单上写着唛头。提单要保管好。", expected: ["提单|bill of lading|B/L"]),
        // A battery-recycling interview (a helper's new-user trial) gave 看重梯次利用.
        Case(shape: "an everyday verb of two characters before a term the text uses alone is its predicate",
             text: "我们更重视设计验证（design verification testing）。设计验证拖一周，量产就拖一个月。", expected: ["设计验证|design verification testing|"]),
        // A Hong Kong insurance Q&A (a helper's new-user trial) gave 睇吓內部回報率 and
        // 搵保險業監管局: jieba's list has no Cantonese verbs.
        Case(shape: "Cantonese verbs (睇, 搵) are verbs before the term", text: "你可以睇吓年度保費總額（total annual premium）先。",
             expected: ["年度保費總額|total annual premium|"]),
        // The same interview gave 飞行 for terrain following: jieba reads 地 as a particle.
        Case(shape: "a character read as a particle inside a term the text repeats whole", text: "掠地巡航难被发现。它也用仿地巡航（terrain following），仿地巡航更省油。",
             expected: ["仿地巡航|terrain following|"]),
        // A conveyancing Q&A (the same trial) gave 簽臨時買賣合約: the two always came together.
        Case(shape: "a one-character verb before an everyday word is the predicate, however often the two come together",
             text: "双方下周签正式租约（lease agreement），签正式租约前要验房。", expected: ["正式租约|lease agreement|"]),
        // A fisheries lecture (a helper's new-user trial) gave 可持续产量 for maximum sustainable
        // yield: 可 (-able) was counted as a word and read as a verb.
        Case(shape: "a derivational prefix is no word of its own when the English writes its affix inside a word",
             text: "设计目标是最高可持续功率（maximum sustainable power）。", expected: ["最高可持续功率|maximum sustainable power|"]),
        Case(shape: "it is one where the English writes the affix as a word of a hyphenated compound",
             text: "我们只看无进展生存期（progression-free survival，PFS）。", expected: ["无进展生存期|progression-free survival|PFS"]),
        // A precision-farming interview (a helper's new-user trial) lost 作业处方图.
        Case(shape: "after 又称, the other name may hold the term", text: "接触网又称架空接触网，接触网要定期巡检。", expected: ["接触网|||架空接触网"]),
        Case(shape: "after 又稱 too, in Traditional characters", text: "接觸網又稱架空接觸網，接觸網要定期巡檢。", expected: ["接觸網|||架空接觸網"]),
        // The closing trial's Hong Kong letterpress interview: 屬|於凸版印刷, and Cantonese
        // complements read as part of terms.
        Case(shape: "Traditional 於 is 于: 屬於 and 由於 are words before the term", text: "好多都係做活版印刷嘅，屬於凸版印刷（relief printing）。",
             expected: ["凸版印刷|relief printing|"]),
        Case(shape: "Cantonese 出嚟 is the complement 出来", text: "將鉛字執出嚟排版（typesetting）。", expected: ["排版|typesetting|"]),
        Case(shape: "Cantonese 搵 is the verb 找", text: "有問題可以搵消費者委員會（Consumer Council）。", expected: ["消費者委員會|Consumer Council|"]),
        // A diabetes Q&A (a helper's new-user trial) gave 空腹血糖同埋糖化血紅蛋白.
        Case(shape: "Cantonese 同埋 is the conjunction 和", text: "醫生會量坐姿血壓同埋動態血壓監測（ambulatory blood pressure monitoring）。",
             expected: ["動態血壓監測|ambulatory blood pressure monitoring|"]),
        // A trial's physiotherapy interview gave 行內 · ROM and `係休息、冰敷…` · RICE: 即係 was
        // read as 即 and 系, and 我哋 (we) was no subject of a naming clause.
        Case(shape: "Cantonese 即係 is 即是, and 我哋 says who uses a short form", text: "要睇按揭成數，即係 loan-to-value ratio，我哋行內簡稱 LTV。",
             expected: ["按揭成數|loan-to-value ratio|LTV"]),
        Case(shape: "after Cantonese 即係 a rendering follows", text: "開戶前要做 KYC，即係客戶身份審查。", expected: ["客戶身份審查||KYC"]),
        // A trial's sailing interview lost 涤纶，英文 Dacron and the other names after 我们也叫.
        Case(shape: "X，英文 Y: 英文 without a verb before Latin letters", text: "常用的胶是环氧树脂，英文 epoxy，要按比例调。", expected: ["环氧树脂|epoxy|"]),
        Case(shape: "who uses the other name stands between the names, with or without a comma", text: "墙体的隔热层我们也叫保温层，厚度要够。",
             expected: ["隔热层|||保温层"]),
        Case(shape: "a quoted name, a comma, then who uses the other name", text: "最结实的是“回针缝”，我们也叫倒针缝。", expected: ["回针缝|||倒针缝"]),
        // The same Q&A gave 不保事項 the other name 係咩: 係 had been read as 系, not 是.
        Case(shape: "Cantonese 係 is the copula 是, even where its Simplified form 系 is another word", text: "「等候期」，即係咩？等候期係指投保後一段時間內唔賠。",
             expected: []),
        // An orchard interview (a helper's closing trial) lost 积温, gave 主推高纺锤形, 建议早熟品种,
        // 皮病 for Valsa canker, 疏果 for flower and fruit thinning and 挂性诱剂监测金纹细蛾; a
        // bicycle Q&A gave 塑膠 for cleat and an IPM explainer 不只靠打药 as IPM's other name.
        Case(shape: "an everyday word that is the whole run before 英文叫 is named, not cut from a rendering",
             text: "血压，英文叫 arterial blood pressure，简称 ABP，每天量两次。", expected: ["血压|arterial blood pressure|ABP"]),
        Case(shape: "a word jieba tags no noun that the text uses elsewhere without the term is no part of it",
             text: "今年店里主推什么？今年主推冷萃咖啡，英文 cold brew。冷萃咖啡卖得最好。", expected: ["冷萃咖啡|cold brew|"]),
        Case(shape: "an everyday word right after a personal pronoun is its predicate",
             text: "我建议低筋面粉（low-protein flour）和高筋面粉分开放。低筋面粉适合蛋糕。", expected: ["低筋面粉|low-protein flour|"]),
        Case(shape: "after another name and its naming clause, the English names the term the clause renamed",
             text: "灰霉病，我们也叫烂果病，英文是 gray mold，雨季最多。", expected: ["灰霉病|||烂果病", "灰霉病|gray mold|"]),
        Case(shape: "an English name joined with and asks for both parts of a Chinese coordination, one of them also said alone",
             text: "要做疏花疏蕾（flower and bud thinning）。疏花疏蕾越早越好。疏蕾比疏花省事，疏蕾要趁早，疏花疏蕾完了再定果。",
             expected: ["疏花疏蕾|flower and bud thinning|"]),
        Case(shape: "an everyday verb inside the run before a name of rare words governs it", text: "果园里用诱捕器监测橘小实蝇（oriental fruit fly），虫多了再打药。",
             expected: ["橘小实蝇|oriental fruit fly|"]),
        Case(shape: "after X就是 and a description with a demonstrative, the English names X", text: "护膝就是膝盖外面那层软垫，英文叫 knee pad，骑车要戴。",
             expected: ["护膝|knee pad|"]),
        Case(shape: "就是 after a bracket that renders the name says what it is", text: "ERP（Enterprise Resource Planning，企业资源计划），就是不只管账，还管库存。ERP 很贵。",
             expected: ["企业资源计划|Enterprise Resource Planning|ERP"]),
        // A blind set of four texts (bookbinding in Hong Kong, a cheese workshop, wildfire, piano
        // tuning in Taiwan) lost the kinds below.
        Case(shape: "after X就是 and a description holding 的 or an enumeration, the English names X",
             text: "封边就是沿着板材侧面贴上去的薄塑料条，英文叫 edge banding，封边要压实。", expected: ["封边|edge banding|"]),
        Case(shape: "Cantonese 就係 and 英文係 are 就是 and 英文是", text: "樓花就係未起好嘅住宅單位，英文係 off-plan property。", expected: ["樓花|off-plan property|"]),
        Case(shape: "a description after the name's comma (即係…), then who uses the English name and its verb (英文有人叫)",
             text: "我哋會做熱壓封口，即係用熱力將膠袋兩邊黐埋，英文有人叫 heat sealing。", expected: ["熱壓封口|heat sealing|"]),
        Case(shape: "叫 in the run gives the name after it", text: "这种手法叫揉捻杀青（rolling and fixing）。", expected: ["揉捻杀青|rolling and fixing|"]),
        Case(shape: "a one-character verb after an everyday word inside the run is the clause's", text: "靠耳朵听啸叫（feedback），啸叫一出来就要降增益。啸叫很刺耳。",
             expected: ["啸叫|feedback|"]),
        Case(shape: "an English verb phrase names an action: the one-character verb before the noun is the term's",
             text: "下一步是揉面团，英文叫 kneading the dough，面团要揉到光滑。", expected: ["揉面团|kneading the dough|"]),
        Case(shape: "a short form with a capital inside (dB) before a bracket is an abbreviation", text: "先看 dB（分贝）再调。", expected: ["分贝||dB"]),
        Case(shape: "an adverb ending in a modal before a verb is the clause's", text: "到这一步就要裱褙，我们也叫托纸，英文是 lining。裱褙要慢。",
             expected: ["裱褙|||托纸", "裱褙|lining|"]),
        // A new user's trial (a tannery interview, an aquarium forum in Cantonese, forging
        // subtitles) gave 去肉机的, 废水的化学需氧量, 禮拜換水, 落液肥, 层软皮, and no gloss of CO2.
        Case(shape: "X的英文叫 Y: the name is X's", text: "编织机的英文叫 braiding machine，编织机很贵。", expected: ["编织机|braiding machine|"]),
        Case(shape: "a description with no name before it in its sentence names nothing", text: "就是锅底烧焦的那层硬壳，英文叫 scorched crust。", expected: []),
        Case(shape: "a time word after a quantifier says when", text: "我每个星期巡塘（pond patrol）两次。巡塘要带手电。", expected: ["巡塘|pond patrol|"]),
        Case(shape: "的 before an English name of premodifiers ends a modifier that is no part of the term",
             text: "要看废水的生化需氧量（biochemical oxygen demand，BOD）。", expected: ["生化需氧量|biochemical oxygen demand|BOD"]),
        Case(shape: "a one-character verb after a modal or negation (Cantonese 唔好) is the clause's, however often the two come together",
             text: "呢個階段唔好落底肥（base fertilizer），唔好落底肥。底肥會燒根。", expected: ["底肥|base fertilizer|"]),
        Case(shape: "a chemical formula in brackets is an abbreviation", text: "有没有加二氧化硫（SO2）？二氧化硫要少放。", expected: ["二氧化硫||SO2"]),
        // The closing trial (bridge inspection, a glass studio's `.vtt`, a Taiwanese implant
        // forum) gave 时候混凝土保护层 and 应力放掉 for annealing.
        Case(shape: "的时候 ends a clause before the term", text: "下雨的时候排水沟盖板（drain cover）容易松。排水沟盖板要常查。",
             expected: ["排水沟盖板|drain cover|"]),
        Case(shape: "a description of several clauses after X就是: the English names X", text: "回火就是把钢重新加热，再让它慢慢冷却，英文叫 tempering。",
             expected: ["回火|tempering|"]),
        // A second blind set (watch repair in Cantonese, a sourdough class's `.vtt`, railway
        // track, a Taiwanese tea forum) gave Witschi校表儀, 谷田牌高筋面粉, 把砟, 出筋, no 梗,
        // 镐头插进道床 and 捻機 for rolling machine.
        Case(shape: "a Latin word the English does not hold, before the term, is a maker's name", text: "电工用Fluke万用表（multimeter）量电压。",
             expected: ["万用表|multimeter|"]),
        Case(shape: "a brand name ending in 牌 before the term, the English in lower case", text: "这批货用的是飞鹰牌绝缘胶带（insulating tape）。",
             expected: ["绝缘胶带|insulating tape|"]),
        Case(shape: "one character the text uses alone three times, after a clause word, is a term",
             text: "炉前要把钒（vanadium）加够。钒会让钢更硬，含钒的钢也更贵，一定要有钒。", expected: ["钒|vanadium|"]),
        Case(shape: "one character that only ends words is no term of its own", text: "要先订舱（booking）。订舱晚了没舱位，订舱要早。",
             expected: ["订舱|booking|"]),
        Case(shape: "a rare verb ending in a complement governs a term the text uses alone", text: "工人把钢钎插进岩缝（rock fissure）。岩缝太窄就换钎子，岩缝里常有水。",
             expected: ["岩缝|rock fissure|"]),
        Case(shape: "a character the term's first is never written without belongs to it", text: "新买的揉捻机（rolling machine）很好用。揉捻要均匀，揉捻别太久，揉捻完再烘。",
             expected: ["揉捻机|rolling machine|"]),
        // A new user's trial (kiln firing, bicycle subtitles, a Hong Kong motorbike forum).
        Case(shape: "a term stated once after a clause's words, whose words the text uses alone twice more",
             text: "小弟架 125cc 踏板车（scooter）最近好难起动。踏板车冷车难着，踏板车要查火咀。", expected: ["踏板车|scooter|"]),
        Case(shape: "X，法语叫 Y: a name in another language of Latin script, accents and all", text: "每隔几天还要搅泥，法语叫 bâtonnage。搅泥要轻。",
             expected: ["搅泥|bâtonnage|"]),
        // The fixture set's 慢慢出筋（gluten） gave 出筋: 出 is used once, but is no rare verb.
        Case(shape: "a one-character verb as common as 出 is a word of its own before a one-character term",
             text: "多揉一会儿就会出膜（windowpane）。膜要薄，看见膜就停，没有膜再揉。", expected: ["膜|windowpane|"]),
        // A mid-session trial (ship welding, a carpentry `.srt`, a keyboard forum) and the ninth
        // fixture set: other names after a gloss, naming clauses and formal names.
        Case(shape: "X（A），英文也叫 B: the second English name is the term's too", text: "熔池（weld pool），英文也叫 molten pool。熔池要稳。",
             expected: ["熔池|weld pool|", "熔池|molten pool|"]),
        // A held-out frame builders' explainer: `前叉偏移（fork offset，也叫 rake）` gave two loose names.
        Case(shape: "X（A，也叫 B）: a second English name inside the bracket is the term's too",
             text: "转向节（steering knuckle，也叫 upright）磨损了要换。换转向节很贵。", expected: ["转向节|steering knuckle|", "转向节|upright|"]),
        Case(shape: "X（A），行内叫“Y”: who uses the name, then 叫 alone, gives another Chinese name",
             text: "焊缝边缘常见咬边（undercut），行内叫“咬肉”。咬边要补焊，咬肉多了不合格。", expected: ["咬边|undercut|", "咬边|||咬肉"]),
        Case(shape: "X（A），我们这边也叫「Y」: who uses the name is a place", text: "铁丝留下的线痕（wire bite），我们这边也叫「吃线」。线痕要养，吃线很难看。",
             expected: ["线痕|wire bite|", "线痕|||吃线"]),
        // The closing trial's sailing class (`Step two：检查桅杆（mast）`).
        Case(shape: "an everyday verb before one noun of the list, for an English name of one word, is the clause's",
             text: "下水前检查桅杆（mast），再看看帆。", expected: ["桅杆|mast|"]),
        Case(shape: "an everyday verb before a noun is the term's when the English renders both", text: "先准备训练数据（training data）。",
             expected: ["训练数据|training data|"]),
        Case(shape: "X，正式名称叫 Y: a formal name", text: "车脑，正式名称叫发动机控制单元。车脑坏了要换。", expected: ["车脑|||发动机控制单元"]),
        Case(shape: "专业上叫 X，英文一般写 Y", text: "每隔一小时把叶子捧起抖动，专业上叫浪菁，英文一般写 tossing。浪菁要轻。", expected: ["浪菁|tossing|"]),
        Case(shape: "ACRONYM 就是 its expansion, the letters agreeing", text: "做完要UT，UT 就是 ultrasonic testing。UT 要看报告。",
             expected: ["|ultrasonic testing|UT"]),
        Case(shape: "an adjective the English does not render, before a term said alone twice more, describes this use",
             text: "平直的长焊缝（weld seam）最好焊。焊缝要清理，焊缝不能有气孔。", expected: ["焊缝|weld seam|"]),
        Case(shape: "an adjective the English renders is the term's", text: "焊缝里的冷裂纹（cold cracking）。裂纹要查，裂纹不能有。",
             expected: ["冷裂纹|cold cracking|"]),
        Case(shape: "a demonstrative opening the name before a naming clause refers back", text: "合拢的时候那条缝，我们叫大接头。大接头要探伤，那条缝很长。",
             expected: []),
        // The closing trial's scuba class (`备用二级头，我们行内叫「八爪鱼」`) and the eleventh set
        // (急造王台, 一片式背板) gave the head alone, which the text also uses: every 二级头
        // was then the octopus.
        Case(shape: "a naming clause names all the modified term before it, however often the text says the head alone",
             text: "备用调节器，我们行内叫「小章鱼」。调节器咬在嘴里，调节器要冲洗。", expected: ["备用调节器|||小章鱼"]),
        Case(shape: "a naming clause names the object after a modal and a verb, the attributive verb kept",
             text: "下水前先检查备用调节器，我们行内叫「小章鱼」。调节器咬在嘴里，调节器要冲洗。", expected: ["备用调节器|||小章鱼"]),
        Case(shape: "a naming clause after a demonstrative and a name the list lacks introduces a kind",
             text: "没了蜂王，工蜂会改一个，这种救急王台，我们行内叫「急台」。王台要留好，王台不能碰。", expected: ["救急王台|||急台"]),
        Case(shape: "a measure word before a derivational suffix makes an adjective of the term",
             text: "背板有两种，另一种是一片式背板，我们行内叫「独板」。背板要薄，背板要匀。", expected: ["一片式背板|||独板"]),
        // The bundled example (数据 · synthetic data ×16), the closing trial's implant lecture and
        // the eleventh set's espresso forum and violin class: a term of as many words as its
        // English was cut to its head, which the text also says alone.
        Case(shape: "a verb of two characters the English renders with the word after it opens the term",
             text: "我们今天聊合成数据（synthetic data）。数据很重要，数据越多越好。", expected: ["合成数据|synthetic data|"]),
        Case(shape: "a time word after the copula may render a word of the English",
             text: "扭矩反映的是初期稳定性（primary stability）。稳定性要好，稳定性不够就等。", expected: ["初期稳定性|primary stability|"]),
        Case(shape: "a one-character verb and object before an instrument suffix name the instrument, at a line's start too",
             text: "磨豆机（grinder）也咬牙换了一台。", expected: ["磨豆机|grinder|"]),
        Case(shape: "a one-character verb and object before an instrument suffix name the instrument after a clause",
             text: "压的时候填压器（tamper）要放平。", expected: ["填压器|tamper|"]),
        Case(shape: "after a verb, a character before a word of the list belongs to the term when the English names more",
             text: "顺便洗净分水网（shower screen），上面卡了一层。", expected: ["分水网|shower screen|"]),
        Case(shape: "after a one-character verb, a verb character before a noun belongs to the term when the English names more",
             text: "里面就得贴防裂片（crack cleat），横着木纹贴一排。", expected: ["防裂片|crack cleat|"]),
        // The closing trial's implant lecture and group chat: a clause word the word list tags
        // otherwise opened the term.
        Case(shape: "a word right after a modal is the clause's verb, whatever jieba tags it",
             text: "植入的时候要记录植入扭矩（insertion torque），单位是牛厘米。", expected: ["植入扭矩|insertion torque|"]),
        Case(shape: "a pronoun for a group that jieba tags as a noun opens no term",
             text: "请问大家单蹼（monofin）和双蹼哪个适合新手？", expected: ["单蹼|monofin|"]),
        Case(shape: "a conjunction is never taken in to make a single character a term",
             text: "指的是骨组织和钛（titanium）表面直接接触。", expected: []),
        // The closing trial's implant lecture: the abbreviation was paired with its expansion only.
        Case(shape: "the term before `，就是 ABBR（expansion）` is the abbreviation's Chinese name",
             text: "骨量不够就要做引导骨再生，就是GBR（guided bone regeneration），用骨粉加膜。", expected: ["引导骨再生|guided bone regeneration|GBR"]),
        Case(shape: "a predicate before `，就是 ABBR（expansion）` names nothing",
             text: "这一步很关键，就是GBR（guided bone regeneration）。", expected: ["|guided bone regeneration|GBR"]),
        // The next trial's radio-astronomy lecture ranked `英文 · FAST` first.
        Case(shape: "a language's name is no Chinese name of an abbreviation",
             text: "射电望远镜里最大的一台，英文简称FAST，口径五百米。", expected: []),
        // The next trial's radio-astronomy lecture: 这台望远镜 gave 台望远镜.
        Case(shape: "a measure word after a demonstrative is no part of a term the English asks more words for",
             text: "我买了那台咖啡机（espresso machine）。", expected: ["咖啡机|espresso machine|"]),
        // The twelfth set (a chemistry lab, an altitude podcast, an orchid chat, a tailor) and
        // the trials before it (a vet-anaesthesia chat, a radio-astronomy lecture, a
        // freediving chat): chemical, drug and unit names cut, and symbols dropping the gloss.
        Case(shape: "a numeral counting inside a chemical name is the name's", text: "清洗剂换成四氯乙烯（tetrachloroethylene）。",
             expected: ["四氯乙烯|tetrachloroethylene|"]),
        Case(shape: "a character rendering the English's stereo prefix opens the name", text: "抗生素换成左氧氟沙星（levofloxacin）。",
             expected: ["左氧氟沙星|levofloxacin|"]),
        Case(shape: "a transliterated drug name cut by the dictionary starts where the English's first sound does",
             text: "局麻我们用布比卡因（bupivacaine）。", expected: ["布比卡因|bupivacaine|"]),
        Case(shape: "locants and a hyphen the English opens with are the name's",
             text: "原料是2,4-二硝基苯酚（2,4-dinitrophenol），另一种是3-氯丙烯（3-chloropropene）。",
             expected: ["2,4-二硝基苯酚|2,4-dinitrophenol|", "3-氯丙烯|3-chloropropene|"]),
        Case(shape: "a number and measure word the English opens with are the term's", text: "观测的是21厘米谱线（21-cm line）。",
             expected: ["21厘米谱线|21-cm line|"]),
        Case(shape: "a number the English names after its head is the term's with its ordinal suffix",
             text: "病人住进一号病房（Ward 1）观察。", expected: ["一号病房|Ward 1|"]),
        Case(shape: "a unit's symbol the long form's letters confirm, or its first letter does, keeps the gloss",
             text: "电流的单位是安培（ampere，A），布料重量讲几多安士（ounce，oz）。", expected: ["安培|ampere|A", "安士|ounce|oz"]),
        Case(shape: "a symbol whose letters the long form does not hold in order is left out; the long form stays the gloss",
             text: "那袋面粉按常衡磅（avoirdupois pound，lb）称。", expected: ["常衡磅|avoirdupois pound|"]),
        Case(shape: "a short form in capitals from another language is the abbreviation when it starts as the long form does",
             text: "水族店测的是总硬度，单位是德国度（degrees of general hardness，dGH）。", expected: ["德国度|degrees of general hardness|dGH"]),
        Case(shape: "a short form whose letters the long form holds in order is the abbreviation",
             text: "这场比赛的预期助攻（expected assists，xA）很高。", expected: ["预期助攻|expected assists|xA"]),
        Case(shape: "a localiser after a noun makes a phrase with it", text: "术中监测呼气末二氧化碳（end-tidal CO2）。",
             expected: ["呼气末二氧化碳|end-tidal CO2|"]),
        Case(shape: "a predicate an English noun of action renders stays in a term stated once",
             text: "出水以后要做恢复呼吸（recovery breathing），我们叫钩式呼吸。", expected: ["恢复呼吸|recovery breathing|"]),
        Case(shape: "a measure word after a demonstrative is no part of the term, inside a string the list lacks too",
             text: "我家这盆绿萝（pothos）长得好，那盆蝴蝶兰（Phalaenopsis）也好。", expected: ["绿萝|pothos|", "蝴蝶兰|Phalaenopsis|"]),
        Case(shape: "a verb after a word of sequence is the step's predicate", text: "中和以后测沸点（boiling point），看纯度。",
             expected: ["沸点|boiling point|"]),
        Case(shape: "a verb after a verb that takes a verb phrase opens no term", text: "瓶里记得加沸石（boiling chips），再加热。",
             expected: ["沸石|boiling chips|"]),
        Case(shape: "a complement after a one-character verb opens no term", text: "熨斗要壓開縫份（seam allowance），唔係會起角。",
             expected: ["縫份|seam allowance|"]),
        // The trial after the twelfth set (a brewing chat, pharmacology subtitles, a reef podcast).
        Case(shape: "a measure word after 一 is no part of the term", text: "周末再煮一锅比利时小麦啤酒（Belgian witbier），放冰箱。",
             expected: ["比利时小麦啤酒|Belgian witbier|"]),
        Case(shape: "个 after a verb opens no string the word list lacks", text: "降温前做个双乙酰休止（diacetyl rest）就好。",
             expected: ["双乙酰休止|diacetyl rest|"]),
        Case(shape: "a time word jieba tags 当 opens no string the word list lacks", text: "每升加5克蔗糖当底糖（priming sugar）。",
             expected: ["底糖|priming sugar|"]),
        Case(shape: "a modal adverb is never taken in for the English's size", text: "上釉以前要先素坯（bisque ware）晾干。",
             expected: ["素坯|bisque ware|"]),
        Case(shape: "a capital and a hyphen the English opens with are the name's", text: "中毒时给N-乙酰半胱氨酸（N-acetylcysteine，NAC）。",
             expected: ["N-乙酰半胱氨酸|N-acetylcysteine|NAC"]),
        Case(shape: "a short sign after a lower-case long form leaves the long form the gloss", text: "第二个参数是消除半衰期（half-life，t½）。",
             expected: ["消除半衰期|half-life|"]),
        Case(shape: "a naming verb takes in a one-character clause word that starts the name", text: "两段距离的比值叫比移值（retention factor）。",
             expected: ["比移值|retention factor|"]),
        // The second trial after the twelfth set (a reef chat, a mountain-weather interview) and
        // session 49: a predicate kept before a term said once.
        Case(shape: "a verb an adverb leads is the clause's predicate, not the term's", text: "山里夜间常常形成逆温层（temperature inversion），雾就散不开。",
             expected: ["逆温层|temperature inversion|"]),
        Case(shape: "a verb after an adverb of time jieba tags a verbal noun (定期) is the clause's predicate",
             text: "服用这类药的人要定期复查凝血酶原时间（prothrombin time），别偷懒。", expected: ["凝血酶原时间|prothrombin time|"]),
        Case(shape: "a verbal noun after an adverb and 在 of aspect is the clause's predicate",
             text: "我们这几年一直在培育抗病品系（disease-resistant line），进展不错。", expected: ["抗病品系|disease-resistant line|"]),
        Case(shape: "any everyday word after a degree adverb is a predicate", text: "老张更习惯硅藻土（diatomaceous earth），过滤快。",
             expected: ["硅藻土|diatomaceous earth|"]),
        Case(shape: "a verb the English renders by an adjective stays in the name after an adverb",
             text: "以后我们会继续在生成对抗网络（generative adversarial network，GAN）里试。", expected: ["生成对抗网络|generative adversarial network|GAN"]),
        // Session 50: a means before the clause's verb (trial57's 用折光仪测白利度), and a verb
        // inside a run an adverb opens (trial57's 最好定期检查热斑).
        Case(shape: "a means a preposition introduces is no part of the term after the verb", text: "质检员用硬度计测洛氏硬度（Rockwell hardness）。",
             expected: ["洛氏硬度|Rockwell hardness|"]),
        Case(shape: "a verb jieba tags a noun (量) after a means governs the term", text: "先用卡尺量壁厚（wall thickness），再记下来。",
             expected: ["壁厚|wall thickness|"]),
        Case(shape: "an adverb and a verb the word list holds as one rare word are the clause's",
             text: "巡检时最好定期检查焊缝余高（weld reinforcement）。", expected: ["焊缝余高|weld reinforcement|"]),
        Case(shape: "a one-character verb after an adverb inside the run is the clause's predicate",
             text: "回去以后记得每天先量基础体温（basal body temperature）。", expected: ["基础体温|basal body temperature|"]),
        Case(shape: "a reduplicated adjective with its 的 describes the thing, it is no part of its name",
             text: "盘子里铺着薄薄的琼脂层（agar layer），要小心。", expected: ["琼脂层|agar layer|"]),
        // The trial after (trial56: a vertical-farm chat, an earthquake-engineering lecture, a
        // fountain-pen forum): predicates of other shapes.
        Case(shape: "a one-character verb said twice is a tentative predicate, not the name's", text: "先等一下，查查总溶解固体（total dissolved solids，TDS）有多高。",
             expected: ["总溶解固体|total dissolved solids|TDS"]),
        Case(shape: "a verb with a directional complement of two characters is a predicate", text: "那算下来平均照度（AL）够不够？",
             expected: ["平均照度||AL"]),
        Case(shape: "an abbreviation of two letters alone does not reach over 的", text: "还要记下溶液的渗透压（OP），每天一次。",
             expected: ["渗透压||OP"]),
        Case(shape: "a verb with a result complement governs a term stated once", text: "后来大家都改成微喷头（micro sprinkler）。",
             expected: ["微喷头|micro sprinkler|"]),
        Case(shape: "one English gerund before a term of one character takes in the verb before it",
             text: "做第一步就是刮浆，英文叫 scraping，浆要刮干净。浆太稠不好刮，浆也别太稀。", expected: ["刮浆|scraping|"]),
        Case(shape: "a unit named per another spans 每 after the number", text: "电导率控制在1.2毫西门子每厘米（millisiemens per centimetre，mS/cm）。",
             expected: ["毫西门子每厘米|millisiemens per centimetre|mS/cm"]),
        Case(shape: "a verb before a word the English names alone governs it",
             text: "先拆开再换滤网（filter），滤网要干。", expected: ["滤网|filter|"]),
        // The closing trial's sailing class and bonsai forum, and the tenth fixture set: a term
        // glossed once after the verb of its clause.
        Case(shape: "a one-character verb before a term stated once, which the text uses alone again, is the clause's",
             text: "升主帆（mainsail）要拉紧。主帆太松会抖。", expected: ["主帆|mainsail|"]),
        Case(shape: "a modal and a verb the list holds as one rare word before a term stated once", text: "另外想學蟠紮（wiring）。那蟠紮呢？",
             expected: ["蟠紮|wiring|"]),
        Case(shape: "a verb and its complement before an acronym's rendering", text: "先穿好救生衣（PFD），扣子扣上。救生衣太紧了。",
             expected: ["救生衣||PFD"]),
        Case(shape: "a verb and its complement govern a term the text states only here", text: "出门前先戴好护目镜（safety glasses），再开炉。",
             expected: ["护目镜|safety glasses|"]),
        Case(shape: "a directional complement after a one-character verb jieba tags a morpheme ends the verb", text: "最后再穿上脚蹼（fins），下水。",
             expected: ["脚蹼|fins|"]),
        Case(shape: "a complement that makes a word with the term's first character (在内) still ends the verb",
             text: "侧板弯好以后贴在内模（inside mould）上。", expected: ["内模|inside mould|"]),
        Case(shape: "a verb of two characters, first in the term, before nouns that render the English", text: "最后一步是施加紧急制动（emergency brake）。",
             expected: ["紧急制动|emergency brake|"]),
        Case(shape: "a verb before a noun said alone elsewhere stays when the English renders it", text: "我用退火铜线（annealed copper wire）。铜线软，铜线好弯。",
             expected: ["退火铜线|annealed copper wire|"]),
        Case(shape: "an everyday verb of two characters before a term may modify it", text: "持续音踏板（sostenuto pedal）很少用。延音踏板和弱音踏板常用。",
             expected: ["持续音踏板|sostenuto pedal|"]),
        Case(shape: "a verb before another verb makes a compound with it", text: "这类突变叫插入缺失（indel）。", expected: ["插入缺失|indel|"]),
        Case(shape: "a complement that starts a longer word of the list is no complement", text: "船要绕好望角（Cape of Good Hope）。好望角风大，好望角很远。",
             expected: ["好望角|Cape of Good Hope|"]),
        Case(shape: "a verb that starts a longer word of the list is no verb before a complement", text: "升压用去甲肾上腺素（norepinephrine）。",
             expected: ["去甲肾上腺素|norepinephrine|"]),
        Case(shape: "a derivational suffix starts no term", text: "我们讲坐式安全带（sit harness）。胸式安全带和全身式安全带都有。",
             expected: ["坐式安全带|sit harness|"]),
        // A mid-session trial (hydropower interview, engine-rebuild `.srt`) and the sailing class.
        Case(shape: "a one-character verb rarer than 读 before a term the English asks more words of names a kind",
             text: "还有导轴承（guide bearing），水导轴承泡在水里。推力轴承也要看，轴承温度要记。", expected: ["导轴承|guide bearing|"]),
        Case(shape: "a one-character verb as common as 读 governs the term", text: "签字前要读知情同意书（informed consent form）。知情同意书很长。",
             expected: ["知情同意书|informed consent form|"]),
        Case(shape: "a complement after a verb's complement is no verb's", text: "再把曲轴转到上止点（top dead center，TDC）。上止点要对准。",
             expected: ["上止点|top dead center|TDC"]),
        Case(shape: "a term never used after an edge, at a word's second character, is the end of sibling names",
             text: "每次转向叫迎风换舷（tacking）。下节课讲顺风换舷（gybe），比迎风换舷危险。", expected: ["迎风换舷|tacking|", "顺风换舷|gybe|"]),
        Case(shape: "a common predicate of two characters before a term stated once governs it, whatever the English's size",
             text: "关太快会产生水锤（water hammer）。水锤很危险，水锤要防。", expected: ["水锤|water hammer|"]),
        Case(shape: "a predicate and a term the list holds as one word stay one", text: "要看使用寿命（service life）。寿命长，寿命短。",
             expected: ["使用寿命|service life|"]),
        // A blind set's beekeeping interview gave 烟器, 蜜刀, 王板 and 螨蜂种 for 喷烟器,
        // 割蜜刀, 隔王板 and 抗螨蜂种.
        Case(shape: "a verb's character before characters the list holds one by one starts a compound after a verb",
             text: "进门先换拖鞋，拿起捞藻网（algae net）。", expected: ["捞藻网|algae net|"]),
        Case(shape: "a prefix-like verb's character before characters the list holds one by one starts a compound after a verb",
             text: "他们在培育抗锈小麦（rust-resistant wheat）。", expected: ["抗锈小麦|rust-resistant wheat|"]),
        Case(shape: "after an adverb, a one-character verb before characters the list holds one by one is the clause's",
             text: "然后拔轴芯（arbor）就行。", expected: ["轴芯|arbor|"]),
        // A blind set's four texts each glossed 叫法 or 说法 (`流蜜期是我们行内的叫法，英文一般叫 honey flow`).
        Case(shape: "X是…的叫法，英文叫 Y names X", text: "这一步叫挂浆。挂浆是我们车间的叫法，英文一般叫 slurry coating，就是把蜡模蘸进去。",
             expected: ["挂浆|slurry coating|"]),
        Case(shape: "X，是…的说法，英文叫 Y names X", text: "要先回火，回火，是老一辈的说法，英文叫 tempering。", expected: ["回火|tempering|"]),
        Case(shape: "换 and 产生 are verbs (jieba tags them nz and n)", text: "不一定要换刀头（cutter head）。刀头钝了切不动。焊得太快会产生虚焊（cold joint）。",
             expected: ["刀头|cutter head|", "虚焊|cold joint|"]),
        // Session 51: a blind set (heldout14) and trial58.
        Case(shape: "a demonstrative and a measure word the list holds as one word (tag mq) are no part of the term",
             text: "把这根跳线（jumper wire）插到面包板上。", expected: ["跳线|jumper wire|"]),
        Case(shape: "the measure word after a demonstrative stays out though the English has a word more than the term",
             text: "那副耳罩（ear muffs）戴上再开机。", expected: ["耳罩|ear muffs|"]),
        Case(shape: "a length of time before the term is a quantity", text: "跑完再做三分钟拉伸放松（cool-down stretch）。",
             expected: ["拉伸放松|cool-down stretch|"]),
        Case(shape: "an adverb and a modal the list holds as one word (还要, tagged a conjunction) before the clause's verb",
             text: "体检那天还要测握力（grip strength）。", expected: ["握力|grip strength|"]),
        Case(shape: "names that share an ending cut out of a word of the list (升温|段 → 温段) keep that word",
             text: "烘干线分三段：升温段（heating zone）、恒温段（holding zone）和降温段（cooling zone）。",
             expected: ["升温段|heating zone|", "恒温段|holding zone|", "降温段|cooling zone|"]),
        // trial59 (流行过电动气动传动, 拿风压计测风压).
        Case(shape: "过 after a verb is its aspect, not the prefix over-", text: "早年流行过机械增压器（mechanical supercharger），现在少了。",
             expected: ["机械增压器|mechanical supercharger|"]),
        Case(shape: "after a means, an instrument's suffix and a verb the list holds as one word (计测) are split",
             text: "装好以后用风压计测风压（static pressure），读数记下来。", expected: ["风压|static pressure|"]),
        // Session 52: 容易 and 长, both tagged adjectives (trial59's 鹰脚底容易长趾瘤, heldout14's 很容易长绿霉).
        Case(shape: "a character after a word of propensity (容易, 难以) is the clause's verb, whatever the list tags it",
             text: "仓库太潮，纸箱容易长霉斑（mildew spots）。", expected: ["霉斑|mildew spots|"]),
        Case(shape: "after a word of propensity, the verb is cut out of a string the list does not know",
             text: "管道里的水垢很难除干净，阀门也容易生锈蚀点（pitting）。", expected: ["锈蚀点|pitting|"]),
        // trial60 (下雨以后渗透率, 是不是極軸校正) and heldout14 (一成左右麸皮).
        Case(shape: "a word ending a clause of time starts no term, though the English has more words",
             text: "土壤干透之后保水能力（water retention capacity）会变差。", expected: ["保水能力|water retention capacity|"]),
        Case(shape: "an approximation after a numeral starts no term", text: "饲料里加三成左右豆粕（soybean meal）就够了。",
             expected: ["豆粕|soybean meal|"]),
        Case(shape: "an A-not-A question (是不是, 会不会) is a clause word", text: "你看看是不是进气歧管（intake manifold）漏气了？",
             expected: ["进气歧管|intake manifold|"]),
        // trial61 (那副雨刮片, 这支手冲壶): the measure word read into a string the list lacks.
        Case(shape: "after a demonstrative, a measure word opening a string the list lacks is no part of the term",
             text: "把这支挤胶枪（caulking gun）递给我。", expected: ["挤胶枪|caulking gun|"]),
        // trial60 and trial61 (用來修正暗角, 再修正胎压监测系统): jieba tags 修正, 陈列 and
        // hundreds of verbs as a person's name.
        Case(shape: "a word tagged as a person's name after an adverb or a word of purpose is the clause's verb",
             text: "第二步再修正陀螺零偏（GZB），平场用来修正暗角（vignetting），我们还要陈列手工皂（soap）。",
             expected: ["陀螺零偏||GZB", "暗角|vignetting|", "手工皂|soap|"]),
        // trial61 (很容易出过萃取 for over-extraction gave all eight characters): a degree
        // adverb joined the loose characters before it (高很), and 过 was read as aspect.
        Case(shape: "a character rendering the English's prefix belongs to the term, though the list reads it into the word before",
             text: "油门太猛很容易出过转向（oversteer），样本太少就会出现过拟合（overfitting）。",
             expected: ["过转向|oversteer|", "过拟合|overfitting|"]),
        Case(shape: "a character rendering the English's prefix before the term belongs to it",
             text: "这批片子都有点欠曝光（underexposure），这个是多模态（multimodal）的版本。",
             expected: ["欠曝光|underexposure|", "多模态|multimodal|"]),
        // trial62 (加一點綜合維生素（multivitamin） gave 維生素).
        Case(shape: "a word of two characters rendering the English's prefix before the term belongs to it",
             text: "每天给鸡加一点综合维生素（multivitamin），再补点钙。", expected: ["综合维生素|multivitamin|"]),
        // heldout14 and trial61 (发菌期, 出菇期, 緩苗期 gave 菌期, 菇期, 苗期).
        Case(shape: "a stage named by a verb and its object keeps the verb (出|苗期, not 苗期)",
             text: "黄瓜进入出苗期（emergence）要控温，蚕豆落花期（flower drop stage）别打药。",
             expected: ["出苗期|emergence|", "落花期|flower drop stage|"]),
        // heldout15 (加一点白地霉, 分得清真風) and trial61 (加一點珍珠石).
        Case(shape: "a verb with a potential complement or an amount of the action (分得清, 加一点) is the clause's, however rare",
             text: "汤底出锅前再加一点沙姜粉（sand ginger powder），老师傅一摸就分得清粗梳毛（carded wool）。",
             expected: ["沙姜粉|sand ginger powder|", "粗梳毛|carded wool|"]),
        // heldout15 (干盐法 gave 盐法, 算無動力船 for non-powered craft).
        Case(shape: "an adjective of one character that the English opens with belongs to the term, though the list reads it as a verb",
             text: "火腿多用干腌法（dry curing），时间长。", expected: ["干腌法|dry curing|"]),
        // heldout15 (ATP 是 Automatic Train Protection，列车自动防护) and heldout3 (IRIS 是 … 的缩写，
        // 国内一般译作…): an acronym, a copula and the expansion its letters agree with.
        Case(shape: "ACRONYM 是 Expansion (的缩写), then its rendering when one follows",
             text: "TCS 是 Traction Control System 的缩写，中文一般叫牵引力控制系统。BMS 是 battery management system，主要负责均衡。",
             expected: ["牵引力控制系统|Traction Control System|TCS", "|battery management system|BMS"]),
        // trial62 (在二沉池 gave 沉池).
        Case(shape: "a numeral the English renders as an ordinal opens the term", text: "污水先进二沉池（secondary clarifier），再过滤。",
             expected: ["二沉池|secondary clarifier|"]),
        // trial62 (`粗调期，英文说 pitch raise` gave two proposals).
        Case(shape: "X，英语说 / 英文讲 English", text: "接着是定音，英语说 setting the pin。这一步叫刮胶，英文讲 glue scraping。",
             expected: ["定音|setting the pin|", "刮胶|glue scraping|"]),
        // trial60 (氫α（H-alpha）): a Greek letter written on the term without a hyphen was left out.
        Case(shape: "a Greek letter on the term belongs to it when the English names the letter",
             text: "蛋白质里最常见的是α螺旋（alpha helix），医院用γ射线（gamma rays）给器械灭菌。",
             expected: ["α螺旋|alpha helix|", "γ射线|gamma rays|"]),
    ]

    /// Glosses as `zh|en|abbreviation`, as the cases list them.
    static func pairs(_ glosses: [StatedGloss]) -> [String] {
        glosses.map { "\($0.zh)|\($0.en)|\($0.abbreviation)" + ($0.zhVariant.isEmpty ? "" : "|\($0.zhVariant)") }
    }

    /// jieba's word list, which `Scripts/install-deps` installs (python3-jieba).
    static let lexicon = GeneralWords.load()?.lexicon

    @Test("with jieba's word list, a Chinese term starts after the clause before it", arguments: clauseCases)
    func clauseBeforeTerm(_ testCase: Case) throws {
        let lexicon = try #require(Self.lexicon, "jieba's dict.txt is missing: Scripts/install-deps installs python3-jieba")
        let found = Self.pairs(GlossMiner.glosses(in: testCase.text, lexicon: lexicon))
        #expect(found == testCase.expected)
    }

    @Test("with jieba's word list, words that refer back (是这样，也就是 lahar) are no term of a gloss")
    func clauseWordsAloneAreNoTerm() throws {
        let lexicon = try #require(Self.lexicon, "jieba's dict.txt is missing: Scripts/install-deps installs python3-jieba")
        #expect(Self.pairs(GlossMiner.glosses(in: "火山泥流很危险，是这样，也就是lahar。", lexicon: lexicon)) == [])
        #expect(Self.pairs(GlossMiner.glosses(in: "火山泥流，也就是lahar。", lexicon: lexicon)) == ["火山泥流|lahar|"])
    }

    /// The shared transcript's `如果AGI指的是人工智能越来越好` gave AGI the "name" 人工智能越来越好:
    /// an adverb and the adjective or verb it modifies end a clause, never a name.
    @Test("with jieba's word list, a clause ending in an adverb and its adjective or verb is no name after 指的是 or 就是")
    func predicateIsNoName() throws {
        let lexicon = try #require(Self.lexicon, "jieba's dict.txt is missing: Scripts/install-deps installs python3-jieba")
        for text in ["要是 ETL 指的是数据管道非常重要，那就先修它。", "所谓 OKR 就是目标逐渐清晰，团队才好做事。", "假如 MVP 就是产品越来越好用。"] {
            #expect(Self.pairs(GlossMiner.glosses(in: text, lexicon: lexicon)) == [], "\(text)")
        }
        #expect(Self.pairs(GlossMiner.glosses(in: "这里的 ETL 指的是数据抽取转换。", lexicon: lexicon)) == ["数据抽取转换||ETL"])
    }

    /// A beekeeping podcast (a helper's new-user trial) gave royal jelly the variant 分泌物 and
    /// the broodless period the variant 蜂王停产, which then counted as their mentions.
    @Test("with jieba's word list, a name after a demonstrative refers back, and a description's first item is no other name")
    func noVariantsFromDescriptions() throws {
        let lexicon = try #require(Self.lexicon, "jieba's dict.txt is missing: Scripts/install-deps installs python3-jieba")
        let text = "树脂里有一种胶体，这个胶体就是蜂胶。胶体会变硬，蜂胶也会，蜂胶很贵。"
        #expect(GlossMiner.glosses(in: text, lexicon: lexicon).allSatisfy { $0.zhVariant.isEmpty }, "\(Self.pairs(GlossMiner.glosses(in: text, lexicon: lexicon)))")
        let described = "越冬期（overwintering period），指的是蜂群结团、不再外出的那几个月。"
        #expect(GlossMiner.glosses(in: described, lexicon: lexicon).allSatisfy { $0.zhVariant.isEmpty }, "\(Self.pairs(GlossMiner.glosses(in: described, lexicon: lexicon)))")
        // Names still pair after 就是 and 指的是.
        #expect(Self.pairs(GlossMiner.glosses(in: "大模型就是大语言模型，大模型很贵，大语言模型也贵。", lexicon: lexicon)) == ["大模型|||大语言模型"])
    }

    @Test("with jieba's word list, every gloss shape keeps its extent", arguments: accepted)
    func acceptedShapesWithWords(_ testCase: Case) throws {
        let lexicon = try #require(Self.lexicon, "jieba's dict.txt is missing: Scripts/install-deps installs python3-jieba")
        let found = Self.pairs(GlossMiner.glosses(in: testCase.text, lexicon: lexicon))
        #expect(found == testCase.expected)
    }

    @Test("lines joined without a break (subtitle lines) are no part of one term")
    func lineJoins() throws {
        let lexicon = try #require(Self.lexicon, "jieba's dict.txt is missing: Scripts/install-deps installs python3-jieba")
        let second = "第一个办法是储能"
        let text = second + "储能（energy storage）可以削峰。"
        #expect(GlossMiner.glosses(in: text, lexicon: lexicon).map(\.zh) == ["储能储能"])
        #expect(GlossMiner.glosses(in: text, lexicon: lexicon, lineStarts: [second.utf8.count]).map(\.zh) == ["储能"])
    }

    @Test("a table states glosses column beside column, when every row of the two columns does; its header row states none")
    func tables() {
        let formats = """
            | 格式 | 全称 | 常见用途 |
            |---|---|---|
            | TTF | TrueType Font | 系统字体，二次曲线 |
            | OTF | OpenType Font | 桌面排版 |
            """
        // The third column describes (a comma in one row): 桌面排版 is no rendering of OpenType Font.
        #expect(Self.pairs(GlossMiner.glosses(in: formats)) == ["|TrueType Font|TTF", "|OpenType Font|OTF"])
        let glossary = """
            | 中文 | English | 缩写 |
            | --- | --- | --- |
            | 温湿指数 | temperature-humidity index | THI |
            | 字距 | kerning | |
            """
        #expect(Self.pairs(GlossMiner.glosses(in: glossary)) == ["温湿指数|temperature-humidity index|THI", "字距|kerning|"])
        // A dash says a row has no abbreviation; the column still gives the others theirs.
        let dashed = """
            | 术语 | 英文 | 缩写 |
            |---|---|---|
            | 仓储管理系统 | warehouse management system | WMS |
            | 前置仓 | forward warehouse | — |
            | 运输管理系统 | transportation management system | TMS |
            """
        #expect(Self.pairs(GlossMiner.glosses(in: dashed)) == [
            "仓储管理系统|warehouse management system|WMS", "前置仓|forward warehouse|", "运输管理系统|transportation management system|TMS",
        ])
        // An abbreviation column its English column expands is no rendering of the Chinese column
        // beside it (who is in charge): a tea factory's minutes lost MC and TAP to 陈小姐 and 吴先生.
        let owners = """
            | 项目 | 英文 | 缩写 | 负责 |
            |---|---|---|---|
            | 噪声监测 | noise monitoring | — | 王工 |
            | 化学需氧量 | chemical oxygen demand | COD | 李工 |
            | 总悬浮颗粒物 | total suspended particulate | TSP | 赵工 |
            """
        #expect(Self.pairs(GlossMiner.glosses(in: owners)) == [
            "噪声监测|noise monitoring|", "化学需氧量|chemical oxygen demand|COD", "总悬浮颗粒物|total suspended particulate|TSP",
        ])
        let mixed = "| 指标 | 说明 |\n|---|---|\n| 产奶量 | milk yield |\n| 采食量 | 每天吃进去的干物质 |"
        #expect(GlossMiner.glosses(in: mixed).isEmpty, "a column of descriptions pairs with nothing")
        // The header's words name columns, not things.
        let proposals = Discoverer(glossary: nil).discover([DiscovererTests.transcript([glossary, glossary])]).map(\.en)
        #expect(!proposals.contains("English") && proposals.contains("temperature-humidity index"), "\(proposals)")
    }

    /// A blind metal-printing explainer ended with such a list; 熔池 and 构建平台 were glossed only there.
    @Test("a list of terms written 中文：English a line each states glosses; a header line, a sentence or a description does not")
    func colonLists() {
        let list = "术语如下。\n- 浇口杯：pouring cup\n- 冒口：riser\n3. 砂芯：sand core"
        #expect(Self.pairs(GlossMiner.glosses(in: list)) == ["浇口杯|pouring cup|", "冒口|riser|", "砂芯|sand core|"])
        // Lines a paragraph joined are still lines, told by where the source lines start.
        let joined = "- 浇口杯：pouring cup - 冒口：riser"
        #expect(Self.pairs(GlossMiner.glosses(in: joined, lineStarts: ["- 浇口杯：pouring cup ".utf8.count])) == ["浇口杯|pouring cup|", "冒口|riser|"])
        #expect(GlossMiner.glosses(in: "录制地点：Zoom").isEmpty, "one unbulleted line is a header's field")
        #expect(GlossMiner.glosses(in: "- 结论：we should ship it next week after the review").isEmpty, "an English sentence names nothing")
        #expect(GlossMiner.glosses(in: "- 浇口杯：倒铁水的地方\n- 冒口：补缩用").isEmpty)
    }

    @Test("Schwartz–Hearst letter agreement")
    func letters() {
        #expect(GlossMiner.lettersAgree(short: "RSP", long: "responsible scaling plan"))
        #expect(GlossMiner.lettersAgree(short: "RLHF", long: "reinforcement learning from human feedback"))
        #expect(!GlossMiner.lettersAgree(short: "RSP", long: "safety policy"))
        #expect(GlossMiner.isAcronym("ASL-3") && GlossMiner.isAcronym("GPT-4") && !GlossMiner.isAcronym("Sonnet") && !GlossMiner.isAcronym("A"))
    }
}

@Suite("Proposing glossary entries")
struct DiscovererTests {
    /// jieba's word list, read once for the suite (Scripts/install-deps installs python3-jieba).
    static let general = GeneralWords.load()

    static func generalWords() throws -> GeneralWords {
        try #require(general, "jieba's dict.txt is missing: Scripts/install-deps installs python3-jieba")
    }

    /// The proposals for `turns` (one speaker's turns) with no glossary and jieba's word list.
    static func proposals(_ turns: [String]) throws -> [DiscoveryCandidate] {
        Discoverer(glossary: nil, generalWords: try generalWords()).discover([transcript(turns)])
    }

    static func transcript(_ turns: [String]) -> Transcript {
        let units = turns.enumerated().map {
            TranscriptUnit(file: "t.md", index: $0.offset + 1, kind: .turn, speaker: "甲", text: $0.element, lineStart: $0.offset + 1, lineEnd: $0.offset + 1)
        }
        return Transcript(file: "t.md", format: .markdown, units: units, notices: [])
    }

    static let glossary = try! Glossary(concepts: [
        Concept(id: "mechanistic-interpretability", category: "field", zh: "机制可解释性", en: "mechanistic interpretability"),
        Concept(id: "scaling-laws", category: "technique", zh: "规模定律", en: "scaling law"),
        Concept(id: "computer-use", category: "product", zh: "计算机使用", en: "computer use"),
    ])

    /// A trial's vertical-farm chat: `DWC` in a later message was a proposal of its own beside
    /// 深水栽培（deep water culture）.
    /// heldout18's Zhihu-style answer ended with footnotes `[1] 中文：English，释义` and
    /// `[2] 中文，英文 English，…`: after a long line the next footnote was read as its hard
    /// wrap and missed, and a term jieba cuts into single characters (吸|除|术) lost all but
    /// its last (除术, which then counted every 术 of the text). Its `英文简称 FG` gave the
    /// term 英文.
    @Test("a footnote or list item names its term by its head: `[1] 中文：English，definition`, `[2] 中文，英文 English`, after lines of any width")
    func footnoteGlosses() throws {
        let text = """
            复诊时医生提到了房角镜[1]、前房穿刺放液术[2]和巩膜外加压术[3]。

            [1] 房角镜：gonioscope，放在角膜上看房角开不开，检查前会滴一点表面麻药，整个过程大概五分钟，不算疼但有点凉。
            [2] 前房穿刺放液术：anterior chamber paracentesis，用细针放出一点房水，眼压马上就降下来，医生一般在急诊里做。
            [3] 巩膜外加压术，英文 scleral buckling，用硅胶带从外面顶住视网膜裂孔，住院大约一周。
            - 干眼，英文简称 DED，要多眨眼。
            """
        let transcript = try TranscriptReader.read(bytes: Array(text.utf8), file: "notes.md")
        let glosses = Discoverer(glossary: nil, generalWords: try Self.generalWords()).discover([transcript])
            .filter { $0.kind == .gloss }.map { "\($0.zh)|\($0.en)|\($0.abbreviation)" }
        #expect(Set(glosses) == ["房角镜|gonioscope|", "前房穿刺放液术|anterior chamber paracentesis|", "巩膜外加压术|scleral buckling|", "干眼||DED"], "\(glosses)")
        // A list item's head is the term however the word list cuts it (放|液|术, 外|加压|术).
        for (line, term) in [("- 前房穿刺放液术，英文 anterior chamber paracentesis。", "前房穿刺放液术"), ("2. 巩膜外加压术，英文 scleral buckling。", "巩膜外加压术")] {
            let zh = try Self.proposals([line]).filter { $0.kind == .gloss }.map(\.zh)
            #expect(zh == [term], "\(line): \(zh)")
        }
    }

    @Test("an acronym whose letters are the initials of one gloss's English joins that gloss; one of two letters stays apart")
    func acronymJoinsGloss() throws {
        let proposals = try Self.proposals([
            "我们上个月改用了滴灌施肥（drip fertigation system）。", "DFS的管子要常冲。", "另外试了冷凝回收（condensate return）。", "CR那边还没装好。",
        ])
        let gloss = try #require(proposals.first { $0.zh == "滴灌施肥" }, "\(proposals.map { ($0.zh, $0.en, $0.abbreviation) })")
        #expect(gloss.abbreviation == "DFS" && gloss.count == 1, "\(gloss)")
        #expect(!proposals.contains { $0.kind == .acronym && $0.abbreviation == "DFS" })
        #expect(proposals.first { $0.zh == "冷凝回收" }?.abbreviation == "", "\(proposals.map { ($0.zh, $0.abbreviation) })")
    }

    /// The shared transcript writes AI系统 and 人工智能系统, AI安全 and 人工智能安全, AI模型 and
    /// 人工智能模型, and lists each twice; sentences of my own, with a pair that shares only two
    /// compounds by chance (ERP and 仓储).
    @Test("a Latin part and a Chinese word written in each other's place in three compounds or more are one name")
    func interchangeableParts() throws {
        let pair = ["BMS告警又响了，我先看BMS固件的版本。", "电池管理系统告警和电池管理系统固件要一起查。", "BMS厂商说是批次问题，电池管理系统厂商下周来人。",
                    "昨天的BMS告警是误报，电池管理系统告警的阈值太低。", "BMS固件升级后，电池管理系统固件的日志变多了。", "我们换了BMS厂商吗？还是原来的电池管理系统厂商。"]
        let chance = ["ERP系统里有库存，仓储系统里也有。", "ERP数据和仓储数据对不上。", "ERP系统先出账，仓储系统后出。", "ERP数据晚到，仓储数据先到。"]
        let proposals = try Self.proposals(pair + chance)
        func names(_ candidate: DiscoveryCandidate) -> Set<String> { Set([candidate.zh] + candidate.variants) }
        for compound in ["告警", "固件", "厂商"] {
            #expect(proposals.contains { names($0).isSuperset(of: ["电池管理系统" + compound, "BMS" + compound]) }, "\(compound)")
        }
        #expect(proposals.contains { $0.zh == "电池管理系统" && $0.abbreviation == "BMS" })
        #expect(!proposals.contains { $0.abbreviation == "BMS" && $0.zh.isEmpty })
        #expect(!proposals.contains { names($0).contains("ERP系统") && names($0).contains("仓储系统") })
        #expect(Discoverer.latinAndChinese("AI 安全")! == ("AI", "安全", true))
        #expect(Discoverer.latinAndChinese("宪法AI")! == ("AI", "宪法", false))
        #expect(Discoverer.latinAndChinese("AI系统B") == nil && Discoverer.latinAndChinese("A级") == nil)
    }

    /// The drift set's freight article glossed 预计到港时间（ETA） and never wrote 到港时间 alone; the
    /// gloss came out as 到港时间, cut at the everyday verbal noun 预计.
    @Test("an everyday verbal noun the text never uses the term without is part of it")
    func verbalNounAlwaysBeforeTheTerm() throws {
        let turns = ["这批货的预计离港时间（ETD）今天更新了。", "预计离港时间又推迟了。", "客户一直问预计离港时间。"]
        #expect(try Self.proposals(turns).contains { $0.kind == .gloss && $0.zh == "预计离港时间" && $0.abbreviation == "ETD" })
        let alone = try Self.proposals(turns + ["离港时间早的先装，离港时间晚的后装。"])
        #expect(alone.contains { $0.kind == .gloss && $0.zh == "离港时间" && $0.abbreviation == "ETD" })
    }

    /// The drift set's storage-station interview, freight article and water-supply minutes
    /// proposed 上千条, 截止是周, 赵工 and 刘班长 among their first terms.
    @Test("quantities, clauses (the copula inside, 来 before a verb, a directional complement) and a surname with a title are no terms")
    func quantitiesClausesAndPeople() throws {
        let turns = ["仓库每天出几百单，几百单都要核对。", "报关截止是周五，截止是周五就不能改。", "这事问孙工，孙工最清楚。", "交班时找韩队长，韩队长签字。",
                     "冷链仓的温控记录要留存，温控记录每天导出。"]
        let proposals = try Self.proposals(turns).map(\.zh)
        for phrase in ["几百单", "截止是周五", "孙工", "韩队长"] { #expect(!proposals.contains(phrase), "\(phrase)") }
        // 来 before a verb opens a purpose clause: 用OEE来衡量 names nothing (a trial's RPE来控制).
        #expect(try !Self.proposals(["车间用OEE来衡量，也就是设备综合效率。", "OEE很好。"]).contains { ([$0.zh] + $0.variants).contains { $0.contains("来衡量") } })
        // A verb and a directional complement jieba holds as one fixed expression (a trial's
        // Traditional 翹起來), in either script.
        for text in ["纸箱受潮会翘起来，翘起来就得换。", "紙箱受潮會翹起來，翹起來就得換。"] {
            #expect(try !Self.proposals([text]).map { ChineseLexicon.simplified($0.zh) }.contains("翘起来"), "\(text)")
        }
        #expect(proposals.contains("温控记录"))
        // A number and an adjective names something (二十大).
        #expect(try Self.proposals(["会上学习二十大精神，二十大报告很长。"]).map(\.zh).contains("二十大"))
    }

    /// Recurring sibling terms left their shared part among the proposals, as 处理法 beside
    /// 水洗处理法 and 日晒处理法 would be. (A trial's 链运动 of 闭链运动 and 开链运动, each used
    /// once, still is: only siblings that are candidates count.)
    @Test("the shared part of two sibling terms, never used alone, is a fragment")
    func siblingsSharedPart() throws {
        let proposals = try Self.proposals(["冷轧钢板要先退火，热轧钢板不用。", "冷轧钢板贵，热轧钢板便宜。"]).map(\.zh)
        #expect(proposals.contains("冷轧钢板") && proposals.contains("热轧钢板") && !proposals.contains("轧钢板"), "\(proposals)")
    }

    @Test("known pairs are left out; new names of known concepts are offered as variants")
    func variantsOfKnownConcepts() throws {
        let candidates = Discoverer(glossary: Self.glossary).discover([Self.transcript([
            "这就是规模定律(scaling law)的意思。",
            "也有人说缩放规律(scaling law)，意思一样。",
            "我们还测试了电脑使用（computer use）。",
            "机械可解释性很难，机械可解释性也很重要，机械可解释性还在发展。",
        ])])
        #expect(!candidates.contains { $0.zh == "规模定律" })
        let scaling = try #require(candidates.first { $0.zh == "缩放规律" })
        #expect(scaling.kind == .gloss && scaling.variantOf == "scaling-laws")
        #expect(candidates.first { $0.zh == "电脑使用" }?.variantOf == "computer-use")
        let close = try #require(candidates.first { $0.zh == "机械可解释性" })
        #expect(close.kind == .term && close.variantOf == "mechanistic-interpretability")
        #expect(close.reason.contains("one character from mechanistic-interpretability"))
        // Two words of jieba's list one character apart are two words: a trial's bicycle Q&A
        // had 變速器 (derailleur) offered as a variant of 减速器 (decelerationists' deprecated name).
        let glossary = try Glossary(concepts: [Concept(id: "decelerationists", category: "x", zh: "减速主义者", en: "decelerationists", deprecated: ["减速器"])])
        let words = Discoverer(glossary: glossary, generalWords: Self.general).discover([Self.transcript([
            "後變速器要調，變速器的線要換。", "變速器調好了，變速器很順。",
        ])])
        let derailleur = try #require(words.first { $0.zh == "變速器" }, "\(words.map(\.zh))")
        #expect(derailleur.variantOf == nil, "\(derailleur.reason)")
    }

    /// Trial76's 3D-printing talk, with the bundled glossary: G代码（G-code） was offered as a
    /// variant of programming, whose Chinese names hold 写代码 (one character changed), and its
    /// own row left the glossary output.
    @Test("a name one Latin letter or one of three characters away from a known name is no variant of it; one Chinese character in a longer name still is")
    func closeVariantsAreChinese() throws {
        let glossary = try Glossary(concepts: [
            Concept(id: "programming", category: "field", zh: "编程", en: "programming", zhVariants: ["写代码"]),
            Concept(id: "fourth-generation-network", category: "x", zh: "4G网络", en: "4G network"),
            Concept(id: "error-bar", category: "x", zh: "误差线", en: "error bar"),
            Concept(id: "reinforcement-learning", category: "technique", zh: "强化学习", en: "reinforcement learning"),
        ])
        let candidates = Discoverer(glossary: glossary, generalWords: try Self.generalWords()).discover([Self.transcript([
            "切片软件会生成G代码（G-code），G代码就是一行一行的指令。", "基站换成5G网络以后，5G网络的延迟低了很多，5G网络也更费电。",
            "图上每个点都画了误差棒，误差棒越长越不准，误差棒要标清楚。",
            "强化学法这个说法也有人用，强化学法就是强化学习。",
        ])])
        let named = Dictionary(candidates.map { ($0.zh, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(try #require(named["G代码"], "\(named.keys)").variantOf == nil)
        #expect(try #require(named["5G网络"], "\(named.keys)").variantOf == nil)
        #expect(try #require(named["误差棒"], "\(named.keys)").variantOf == nil)
        #expect(try #require(named["强化学法"], "\(named.keys)").variantOf == "reinforcement-learning")
    }

    /// A closing trial's clinical-trial FAQ had 严重不良事件，简称SAE offered as a variant of the
    /// bundled glossary's sparse autoencoder.
    @Test("an abbreviation the glossary knows, glossed by a Chinese name sharing no character with the concept's, is a homonym")
    func abbreviationHomonym() throws {
        let glossary = try Glossary(concepts: [
            Concept(id: "sparse-autoencoders", category: "x", zh: "稀疏自编码器", en: "sparse autoencoder", abbreviations: ["SAE"]),
        ])
        let candidates = Discoverer(glossary: glossary, generalWords: Self.general).discover([Self.transcript([
            "试验中出现严重不良事件，简称SAE，要在24小时内上报。", "SAE的报告表要填全。",
        ])])
        let adverse = try #require(candidates.first { $0.zh == "严重不良事件" }, "\(candidates.map(\.zh))")
        #expect(adverse.variantOf == nil && adverse.reason.contains("also stands for sparse-autoencoders"), "\(adverse.reason)")
        let same = Discoverer(glossary: glossary, generalWords: Self.general).discover([Self.transcript([
            "我们训练了稀疏编码模型，简称SAE，用来解释特征。", "SAE的特征要人工看。",
        ])])
        let sparse = try #require(same.first { $0.zh == "稀疏编码模型" }, "\(same.map(\.zh))")
        #expect(sparse.variantOf == "sparse-autoencoders", "\(sparse.reason)")
    }

    @Test("an English term glossed at the start of an English sentence loses the sentence's article; a title keeps its own")
    func articlesBeforeEnglishTerms() {
        let candidates = Discoverer(glossary: nil).discover([Self.transcript([
            "The suspension bridge（悬索桥）is the longest type. 悬索桥跨度大。", "我读了 The Bitter Lesson（苦涩的教训）这篇文章。",
        ])])
        let english = Set(candidates.filter { $0.kind == .gloss }.map(\.en))
        #expect(english == ["suspension bridge", "The Bitter Lesson"], "\(english)")
    }

    @Test("glosses sharing an English side are one proposal: one concept under two Chinese names")
    func sharedEnglish() {
        let candidates = Discoverer(glossary: nil).discover([Self.transcript([
            "这就是规模定律(scaling law)的意思。", "也有人说缩放规律(scaling law)，意思一样。",
        ])])
        let glosses = candidates.filter { $0.kind == .gloss }.map { "\($0.zh)|\($0.en)|\($0.variants.joined(separator: ","))" }
        #expect(glosses == ["规模定律|scaling law|缩放规律"], "\(glosses)")
    }

    @Test("Latin names and acronyms are counted, unknown ones only, across hard wraps")
    func latinNames() throws {
        let transcript = try TranscriptReader.read(
            bytes: Array("**甲：** 我们做了Golden\nGate\nClaude，还看了SB 1047和SWE-\nbench。\n**乙：** Golden Gate Claude很有趣，SB 1047也是，GDPR不同。\n".utf8),
            file: "t.md")
        let candidates = Discoverer(glossary: nil).discover([transcript])
        let names = Dictionary(uniqueKeysWithValues: candidates.filter { $0.kind == .name || $0.kind == .acronym }.map { ($0.en + $0.abbreviation, $0.count) })
        #expect(names["Golden Gate Claude"] == 2)
        #expect(names["SB 1047"] == 2)
        #expect(names["SWE-bench"] == 1)
        #expect(names["GDPR"] == 1)
        let known = try Glossary(concepts: [Concept(id: "gdpr", category: "regulation", zh: "", en: "General Data Protection Regulation", abbreviations: ["GDPR"])])
        #expect(!Discoverer(glossary: known).discover([transcript]).contains { $0.abbreviation == "GDPR" })
    }

    @Test("single capitalised names and lower-case names with digits are proposed; words opening English sentences are not")
    func singleNames() throws {
        let candidates = Discoverer(glossary: nil).discover([Self.transcript([
            "我们用 Sora 生成视频，Gemini 和 Llama 也在追。",
            "a16z 投了这家公司。Today we talk about Transformer models.",
            "Thanks for having me. Sora 的效果确实好，a16z 很看好。",
        ])])
        let names = Dictionary(uniqueKeysWithValues: candidates.filter { $0.kind == .name }.map { ($0.en, $0.count) })
        #expect(names["Sora"] == 2 && names["a16z"] == 2)
        #expect(names["Gemini"] == 1 && names["Llama"] == 1 && names["Transformer"] == 1)
        #expect(names["Today"] == nil && names["Thanks"] == nil)
    }

    @Test("with wordfreq's English list, recurring lower-case English set in Chinese text is proposed; everyday English, URLs and English sentences are not")
    func lowercaseEnglishInChinese() throws {
        let english = try #require(EnglishWords.load(), "wordfreq's small_en.msgpack.gz is missing: Scripts/install-deps installs wordfreq")
        #expect(english.zipf(of: "the") > 7 && english.zipf(of: "tokenizer") == 0 && english.isEveryday("ok") && !english.isEveryday("sepsis"))
        #expect(english.isEveryday("by the way") && !english.isEveryday("batch size"))
        let turns = [
            "今天先说 embedding 的问题。我们的tokenizer有点慢，ok，embedding 维度也大。",
            "ok，那 checkpoint 存哪里？链接是 https://example.com/tokenizer/abc 这个。",
            "checkpoint 在老地方。tokenizer 我来改，batch size 调小。anyway，by the way 明天开会。",
            "好的 ok。batch size 是 64，他说 we should ship it today 然后走了。anyway 先这样，softmax 只提了一次。",
            "“sepsis”要早发现，sepsis 的死亡率高。",
        ]
        let names = Dictionary(uniqueKeysWithValues: Discoverer(glossary: nil, englishWords: english).discover([Self.transcript(turns)])
            .filter { $0.kind == .name }.map { ($0.en, $0.count) })
        #expect(names["embedding"] == 2 && names["tokenizer"] == 2 && names["checkpoint"] == 2 && names["batch size"] == 2 && names["sepsis"] == 2, "\(names)")
        // Once is enough for a word general English hardly uses, in a text this short.
        #expect(names["softmax"] == 1, "\(names)")
        for everyday in ["ok", "anyway", "by the way", "we should ship it today", "today", "https", "example"] {
            #expect(names[everyday] == nil, "\(everyday)")
        }
        // Without the list, no lower-case word is proposed: there is nothing to tell ok from sepsis.
        let without = Discoverer(glossary: nil).discover([Self.transcript(turns)]).filter { $0.kind == .name }.map(\.en)
        #expect(without.isEmpty, "\(without)")
    }

    /// A wildfire interview and a piano Q&A of a blind set wrote `先找锚点 anchor point，` and
    /// `用音叉 tuning fork 或 ETD`: English beside the term with no marker.
    @Test("English set right after a recurring term, before punctuation or a conjunction, glosses it when general English seldom uses it; English the text keeps using does not")
    func bareEnglishAfterTerm() throws {
        let english = try #require(EnglishWords.load(), "wordfreq's small_en.msgpack.gz is missing: Scripts/install-deps installs wordfreq")
        let turns = [
            "搭帐篷先找营钉 tent peg，营钉要斜着打。", "营钉不够就用石头压。",
            "我们的数据库 schema，数据库 schema 改了三次，schema 要评审。", "数据库很慢。",
            "我们下周 review，下周再说。",
        ]
        let glosses = Discoverer(glossary: nil, generalWords: try Self.generalWords(), englishWords: english).discover([Self.transcript(turns)]).filter { $0.kind == .gloss }.map { "\($0.zh)|\($0.en)" }
        #expect(glosses.contains("营钉|tent peg"), "\(glosses)")
        #expect(!glosses.contains { $0.hasPrefix("数据库|") || $0.hasPrefix("下周|") }, "\(glosses)")
    }

    @Test("with jieba's word list, a foreign name written in Chinese with middle dots is found with its extent")
    func transliteratedNameExtents() throws {
        let lexicon = try #require(Self.generalWords().lexicon)
        let cases: [(text: String, names: [String])] = [
            ("我最近在读理查德·费曼的讲义，很有意思。", ["理查德·费曼"]),
            ("那本书是玛丽·居里传记的中译本。", ["玛丽·居里"]),
            ("先是艾达·洛夫莱斯写下了第一段程序。", ["艾达·洛夫莱斯"]),
            ("这是阿兰·图灵所说的。", ["阿兰·图灵"]),  // 所 goes with 说, not with the name
            ("约翰·冯·诺依曼在普林斯顿。", ["约翰·冯·诺依曼"]),
            ("詹姆斯·韦布空间望远镜升空了。", ["詹姆斯·韦布"]),
            ("這是阿蘭·圖靈說的。", ["阿蘭·圖靈"]),
            ("今天的嘉宾是玛格丽特・汉密尔顿，她写过导航程序。", ["玛格丽特・汉密尔顿"]),
            ("谢谢玛格丽特·欧文斯。今天就到这里。", ["玛格丽特·欧文斯"]),  // jieba tags 谢谢 as a name
            ("下一位是卡尔·贝克尔，他讲冰川。", ["卡尔·贝克尔"]),  // and 尔 too, an everyday one
            ("我的同事伊娃·孔蒂喜欢先画草图。", ["伊娃·孔蒂"]),  // 孔蒂, a word the list lacks, starts with a surname
            ("听众朋友们好，今天请到的是火山学家玛格丽特·欧文斯。", ["玛格丽特·欧文斯"]),
            ("改版 · 评审", []),
            ("结算页改版·设计评审", []),
        ]
        for (text, names) in cases {
            #expect(Discoverer.transliteratedNames(in: Array(text.utf8), lexicon: lexicon).map(\.text) == names, "\(text)")
        }
    }

    @Test("with jieba's word list, a foreign name in Chinese joins the Latin name that transliterates it, and ranks below Latin names alone")
    func transliteratedNamesPairWithLatinNames() throws {
        let general = try Self.generalWords()
        let turns = [
            "今天的嘉宾是玛格丽特·汉密尔顿，她写过登月的导航程序。后来我又读了艾达·洛夫莱斯的笔记。",
            "Margaret 当年带的团队很小，Apollo 的代码都是手写的。玛格丽特说过，汉密尔顿这个姓是她丈夫的。",
            "后来 Margaret 还专门讲过 Apollo 的软件工程。玛格丽特很坚持，汉密尔顿团队也是。",
            "艾达的笔记写得很细，洛夫莱斯还画了表。", "洛夫莱斯那张表后来很有名，艾达却没看到。",
            "詹姆斯·韦布空间望远镜（James Webb Space Telescope）升空了。主讲的是天文学家薇拉·鲁宾（Vera Rubin）。",
        ]
        let proposals = Discoverer(glossary: nil, generalWords: general).discover([Self.transcript(turns)])
        let margaret = try #require(proposals.first { $0.en == "Margaret" }, "\(proposals.map { $0.zh + $0.en })")
        #expect(margaret.zh == "玛格丽特·汉密尔顿" && margaret.count == 3, "\(margaret)")
        let ada = try #require(proposals.firstIndex { $0.zh == "艾达·洛夫莱斯" }, "\(proposals.map { $0.zh + $0.en })")
        // Her name's parts, used alone, name her too: no terms.
        #expect(!proposals.contains { ["玛格丽特", "汉密尔顿", "艾达", "洛夫莱斯"].contains($0.zh) }, "\(proposals.map { $0.zh + $0.en })")
        let apollo = try #require(proposals.firstIndex { $0.en == "Apollo" })
        #expect(apollo < ada && proposals[ada].en.isEmpty)
        // A gloss's Chinese that ends in a foreign name is the name, not the title before it.
        #expect(proposals.contains { $0.kind == .gloss && $0.zh == "薇拉·鲁宾" && $0.en == "Vera Rubin" }, "\(proposals.map { $0.zh + $0.en })")
        // A name inside a stated name is no proposal of its own.
        #expect(!proposals.contains { $0.zh == "詹姆斯·韦布" }, "\(proposals.map { $0.zh + $0.en })")
        // Nor is one that holds a speaker's label.
        let speaking = Transcript(file: "t.md", format: .markdown, units: [
            TranscriptUnit(file: "t.md", index: 1, kind: .turn, speaker: "汉密尔顿", text: "我是玛格丽特·汉密尔顿。", lineStart: 1, lineEnd: 1),
        ], notices: [])
        #expect(!Discoverer(glossary: nil, generalWords: general).discover([speaking]).contains { $0.zh.contains("汉密尔顿") })
    }

    @Test("a lower-case word said once is proposed in a short text, far above its general frequency, not in a long one; chat interjections never are")
    func lowercaseEnglishSaidOnce() throws {
        let english = try #require(EnglishWords.load(), "wordfreq's small_en.msgpack.gz is missing: Scripts/install-deps installs wordfreq")
        let short = ["先把 delta 对冲掉，btw 早盘流动性差。", "早盘先看看，别急。"]
        func names(_ turns: [String]) -> [String] {
            Discoverer(glossary: nil, englishWords: english).discover([Self.transcript(turns)]).filter { $0.kind == .name }.map(\.en)
        }
        #expect(names(short) == ["delta"])
        // About 30,000 tokens: one use is 33 per million, as often as general English uses delta.
        let long = short + Array(repeating: "今天我们接着讨论上一次没有讲完的那几个问题。", count: 4000)
        #expect(names(long).isEmpty, "\(names(long))")
    }

    /// A meeting export's header (`Jun 3, 2024, 10:02 AM`) gave the names Jun 3 and AM.
    /// A glass studio's `.vtt` (a trial) proposed `Then I` and `Now I` from its English cues.
    @Test("I after one word and before a verb is the pronoun: no name of two words")
    func pronounAfterOneWord() throws {
        let turns = ["Then I roll it on the steel table.", "Now I use the jacks. Then I roll it again.", "World War I changed glassmaking."]
        let names = Discoverer(glossary: nil).discover([Self.transcript(turns)]).filter { $0.kind == .name }.map(\.en)
        #expect(!names.contains("Then I") && !names.contains("Now I"), "\(names)")
    }

    /// Turns, strings that are no terms among their proposals, and terms that are.
    struct JunkCase: Sendable, CustomTestStringConvertible {
        var shape: String
        var turns: [String]
        var junk: [String]
        var kept: [String]
        var testDescription: String { shape }
    }

    /// A trial's welding interview and keyboard forum proposed 行内, 楼主, XD and 衛星軸沒; a
    /// closing trial's bonsai forum 新芽剪掉, 剪掉, 做得好 and 太晚.
    @Test("words that name no thing are no proposals", arguments: [
        JunkCase(
            shape: "who names a thing (行内), a thread's roles, emoticons and a subject before a negation",
            turns: ["咬边，行内叫咬肉。气孔，行内叫砂眼。樓主的衛星軸沒調好 XD", "衛星軸沒潤會有聲 XDD，樓主要潤衛星軸。", "衛星軸很重要，樓主說的對，行内都知道 XDD"],
            junk: ["行内", "樓主", "XD", "XDD", "衛星軸沒"], kept: ["衛星軸"]),
        // 超 before a noun is a prefix, not the adverb (jieba splits 超|参数).
        JunkCase(
            shape: "a verb and its complement (剪掉, 做得好) and a degree adverb before an adjective (太晚)",
            turns: ["新芽剪掉就好。新芽剪掉以後會再長。老葉剝掉，老葉剝掉比較好。", "太晚了，換盆太晚會傷根。做得好，做得好的話黑松會長得很漂亮。", "芽要剪掉，剪掉以後等。黑松換盆要早。",
                    "调超参数很累。超参数要搜，超参数搜索很贵。"],
            junk: ["新芽剪掉", "老葉剝掉", "剪掉", "做得好", "太晚"], kept: ["超参数"]),
        // A mid-session trial's hydropower interview proposed 工您好 from 陈工您好 and 李工您好.
        JunkCase(
            shape: "a greeting after a title (陈工您好)", turns: ["陈工您好，先讲讲推力轴承。", "李工您好，推力轴承要常看。", "推力轴承温度要记。"],
            junk: ["工您好", "您好"], kept: ["推力轴承"]),
    ])
    func junkIsNoProposal(_ testCase: JunkCase) throws {
        let proposals = try Self.proposals(testCase.turns).map { $0.zh + $0.en + $0.abbreviation }
        for junk in testCase.junk { #expect(!proposals.contains(junk), "\(junk) in \(proposals)") }
        for term in testCase.kept { #expect(proposals.contains(term), "\(term) not in \(proposals)") }
    }

    /// A trial's `分段（block），英文也叫 hull block` gave hull block as English the text leaves
    /// untranslated.
    @Test("a second English name stated on a gloss's line is the proposal's other name, and an English variant of its concept")
    func secondEnglishName() throws {
        let proposals = try Self.proposals(["船体先分成分段（block），英文也叫 hull block。分段在车间里焊好。", "分段再吊上船台。"])
        let gloss = try #require(proposals.first { $0.zh == "分段" }, "\(proposals.map { $0.zh + "·" + $0.en })")
        #expect(gloss.en == "block" && gloss.variants == ["hull block"], "\(gloss)")
        #expect(!proposals.contains { $0.en == "hull block" && $0.zh.isEmpty })
        let concept = try #require(ProposedConcepts([gloss]).concepts.first)
        #expect(concept.enVariants == ["hull block"] && concept.zhVariants.isEmpty)
    }

    /// A sourdough class's captions gave 出筋 for gluten: the one character's uses alone were
    /// in other units than the gloss's, and only the gloss's were counted.
    @Test("one character used alone in other units (subtitle cues) is a term of its own, as in one paragraph")
    func oneCharacterTermAcrossUnits() throws {
        let glosses = try Self.proposals(["再揉一会儿就会出膜（windowpane）。", "膜要薄。", "看见膜就停。", "没有膜再揉。"]).filter { $0.kind == .gloss }
        #expect(glosses.map(\.zh) == ["膜"], "\(glosses.map { $0.zh + "·" + $0.en })")
    }

    /// A closing trial's bookbinding class wrote `Step one：先把皮革泡软` inside Chinese lines.
    @Test("a discourse label with its number in words (Step one, Part II) is no name")
    func discourseLabelsAreNoNames() {
        let names = Discoverer(glossary: nil).discover([Self.transcript([
            "今天做书脊。Step one：先把皮革泡软。Step two：削薄边缘。", "Step one 最重要，Part II 讲上胶，用 Titebond 胶。", "Titebond 干得快。",
        ])]).map { $0.en + $0.abbreviation }
        #expect(names.contains("Titebond"), "\(names)")
        for label in ["Step one", "Step two", "Part II"] { #expect(!names.contains(label), "\(label) in \(names)") }
    }

    @Test("a month and numbers are a date and AM or PM a time, no names")
    func datesAreNoNames() {
        let candidates = Discoverer(glossary: nil).discover([Self.transcript([
            "会议在 Jun 3, 2024, 10:02 AM 开始，用 Figma 看了 March 2024 的稿子。", "下午 3:30 PM 再用 Figma 对一次，Sept. 12 上线。",
            "机台做完 PM 再跑货，PM 要两小时。",
        ])])
        let names = candidates.map { $0.en + $0.abbreviation }
        #expect(names.contains("Figma"), "\(names)")
        for date in ["Jun 3", "AM", "March 2024", "Sept. 12", "Sept"] { #expect(!names.contains(date), "\(date) in \(names)") }
        // PM after no time is a name (preventive maintenance), counted without the time's.
        #expect(candidates.first { $0.abbreviation == "PM" }?.count == 2, "\(names)")
        #expect(Discoverer.isDate("Jun 3 2024") && !Discoverer.isDate("May Day") && !Discoverer.isDate("Sprint 14"))
        // A weekday before the month (trial65's PTT header `時間  Sun Jun  9 21:33:10 2024`).
        #expect(Discoverer.isDate("Sun Jun 9 21") && Discoverer.isDate("Friday March 8") && !Discoverer.isDate("Sun Microsystems"))
    }

    /// Trial65's perfumery podcast: `GC-MS（Gas Chromatography–Mass Spectrometry，…）` left
    /// `Gas Chromatography` and `Mass Spectrometry` as names of their own.
    @Test("an en dash between capitalised words joins the parts of one name, which a stated expansion then covers")
    func enDashJoinsName() {
        let candidates = Discoverer(glossary: nil).discover([Self.transcript([
            "机房里那台 LC-MS（Liquid Chromatography–Mass Spectrometry，液相色谱-质谱联用）最贵。", "LC-MS 的色谱柱要常换。",
        ])])
        let names = candidates.filter { $0.kind == .name }.map(\.en)
        #expect(names.isEmpty, "\(names)")
        #expect(candidates.contains { $0.kind == .gloss && $0.en == "Liquid Chromatography–Mass Spectrometry" && $0.abbreviation == "LC-MS" })
    }

    @Test("a capitalised name general English uses every day ranks below a name of the field found as often, and is still proposed")
    func everydayCapitalisedNames() {
        let english = EnglishWords(zipf: ["windows": 4.72, "zabbix": 0, "the": 7.7], source: "test")
        let candidates = Discoverer(glossary: nil, englishWords: english).discover([Self.transcript([
            "监控面板在 Windows 上也能开，告警接 Zabbix。", "Zabbix 的面板比 Windows 自带的好用。",
        ])]).filter { $0.kind == .name }
        let zabbix = candidates.firstIndex { $0.en == "Zabbix" }, windows = candidates.firstIndex { $0.en == "Windows" }
        #expect(zabbix != nil && windows != nil && zabbix! < windows!, "\(candidates.map(\.en))")
        #expect(candidates.first { $0.en == "Windows" }?.reason.contains("every day") == true)
        #expect(candidates.first { $0.en == "Windows" }?.count == 2)
    }

    @Test("a language's name says which language a name is in, and is no proposal (a trial proposed Chinese from a subtitle's English lines)")
    func languageNamesAreNoProposals() {
        let candidates = Discoverer(glossary: nil).discover([Self.transcript([
            "这个指标 English 叫 glycemic load，Japanese 里也用 GL。", "我们的 Kubeflow 也用 English 界面，Kubeflow 很好用。",
            "The French term is used in Chinese papers too.",
        ])])
        let names = candidates.map { $0.en.isEmpty ? $0.abbreviation : $0.en }
        #expect(!names.contains("English") && !names.contains("Japanese") && !names.contains("French") && !names.contains("Chinese"), "\(names)")
        #expect(names.contains("Kubeflow"), "\(names)")
    }

    @Test("a wordfreq list is read from MessagePack; other bytes are refused")
    func englishWordList() throws {
        // [{"format": "cB"}, ["the"], [], ["cat", "dog"]]: the in bucket 0 (Zipf 9), cat and dog in bucket 2 (8.98).
        let list: [UInt8] = [0x94, 0x81, 0xA6] + Array("format".utf8) + [0xA2] + Array("cB".utf8)
            + [0x91, 0xA3] + Array("the".utf8) + [0x90] + [0x92, 0xA3] + Array("cat".utf8) + [0xA3] + Array("dog".utf8)
        let words = try #require(EnglishWords(msgpack: list, source: "test"))
        #expect(abs(words.zipf(of: "The") - 9) < 0.001 && abs(words.zipf(of: "dog") - 8.98) < 0.001 && words.zipf(of: "cow") == 0)
        #expect(EnglishWords(msgpack: Array(list.dropLast(2)), source: "test") == nil)
        #expect(EnglishWords(msgpack: [0xDD, 0xFF, 0xFF, 0xFF, 0xFF, 0xC1], source: "test") == nil)
        #expect(EnglishWords(msgpack: Array("the 7.7\n".utf8), source: "test") == nil)
    }

    @Test("a capitalised word opening an English phrase in brackets, across a line break, is no name")
    func phraseOpenerInBrackets() throws {
        let candidates = Discoverer(glossary: nil).discover([Self.transcript([
            "不是传闻数据(Anecdotal\ndata)，而是测量。", "我们用 Claude 写代码，Anecdotal data 指的是轶事证据。", "Claude 很好用。",
        ])])
        let names = candidates.filter { $0.kind == .name }.map(\.en)
        #expect(names.contains("Claude") && !names.contains("Anecdotal"), "\(names)")
    }

    @Test("a name opening a Chinese sentence or line is a name (Chinese capitalises nothing); one opening an English sentence is not")
    func namesOpeningChineseSentences() {
        let candidates = Discoverer(glossary: nil).discover([Self.transcript([
            "瓣膜市场很大。Medtronic在这个领域做得很早。Abbott也有产品。",
            "Medtronic 和 Abbott 都在做。\nRight. Exactly, that is the point.\nRight, let us move on.",
            "机长常说Never be afraid to go around，他也说Never give up。",
        ])])
        let names = Dictionary(uniqueKeysWithValues: candidates.filter { $0.kind == .name }.map { ($0.en, $0.count) })
        #expect(names["Medtronic"] == 2 && names["Abbott"] == 2, "\(names)")
        #expect(names["Right"] == nil && names["Exactly"] == nil && names["Never"] == nil, "\(names)")
    }

    /// Two trials' `PCB（印刷電路板）` and `AGC（自动发电控制）` were written with the acronym as the
    /// English name, where a termbase holds it as an abbreviation.
    @Test("a proposal with a Chinese name and an acronym only becomes a concept with that abbreviation, which its labels show")
    func acronymAsAbbreviation() {
        let gloss = DiscoveryCandidate(
            kind: .gloss, zh: "印刷电路板", en: "", abbreviation: "PCB", score: 31, count: 4, file: "f", line: 1, variantOf: nil, reason: "")
        let concept = ProposedConcepts([gloss]).concepts.first
        #expect(concept?.zh == "印刷电路板" && concept?.en == "" && concept?.abbreviations == ["PCB"], "\(String(describing: concept))")
        #expect(concept?.bilingualLabel == "印刷电路板 / PCB")
        #expect(concept.map { DOTExporter.label($0, .both) } == "印刷电路板\nPCB")
        // An acronym with no Chinese name is the concept's preferred name: a row needs one.
        let alone = DiscoveryCandidate(kind: .acronym, zh: "", en: "", abbreviation: "SCADA", score: 9, count: 3, file: "f", line: 1, variantOf: nil, reason: "")
        #expect(ProposedConcepts([alone]).concepts.first.map { $0.en == "SCADA" && $0.abbreviations.isEmpty } == true)
    }

    @Test("a later proposal spelling out the acronym gives that concept its English name; one with a Chinese name gives it its Chinese name")
    func acronymThenExpansion() {
        func proposal(_ zh: String, _ en: String, _ abbreviation: String) -> DiscoveryCandidate {
            DiscoveryCandidate(kind: .gloss, zh: zh, en: en, abbreviation: abbreviation, score: 31, count: 1, file: "f", line: 1, variantOf: nil, reason: "")
        }
        let concepts = ProposedConcepts([proposal("邻面去釉", "", "IPR"), proposal("", "interproximal reduction", "IPR")]).concepts
        #expect(concepts.count == 1 && concepts[0].zh == "邻面去釉" && concepts[0].en == "interproximal reduction", "\(concepts)")
        #expect(concepts[0].abbreviations == ["IPR"] && concepts[0].enVariants.isEmpty, "\(concepts)")
        let reversed = ProposedConcepts([proposal("", "interproximal reduction", "IPR"), proposal("邻面去釉", "", "IPR")]).concepts
        #expect(reversed.count == 1 && reversed[0].zh == "邻面去釉" && reversed[0].en == "interproximal reduction", "\(reversed)")
        #expect(reversed[0].abbreviations == ["IPR"] && reversed[0].zhVariants.isEmpty, "\(reversed)")
        // An abbreviation a later proposal adds is an abbreviation, not an English variant.
        let added = ProposedConcepts([proposal("局部放电", "partial discharge", ""), proposal("局放", "partial discharge", "PD")]).concepts
        #expect(added.count == 1 && added[0].abbreviations == ["局放", "PD"] && added[0].zhVariants.isEmpty && added[0].enVariants.isEmpty, "\(added)")
    }

    /// Trial63's solar forum stated `微型逆變器，簡稱微逆`: the glossary rows put 微逆 among
    /// the non-preferred names, and `consistency` then flagged the text's own short form.
    @Test("a Chinese short form taken in order from the name (能管 of 能量管理系统) is the proposed concept's abbreviation, which consistency admits; a longer shortening stays a variant")
    func chineseShortFormIsAbbreviation() throws {
        var proposal = DiscoveryCandidate(kind: .gloss, zh: "能量管理系统", en: "energy management system", abbreviation: "EMS", score: 31, count: 1, file: "f", line: 1, variantOf: nil, reason: "")
        proposal.variants = ["能管"]
        let concept = try #require(ProposedConcepts([proposal]).concepts.first)
        #expect(concept.abbreviations == ["EMS", "能管"] && concept.zhVariants.isEmpty, "\(concept)")
        let text = Self.transcript(["厂里上了一套能量管理系统，大家都叫能管。", "能管每天出报表，能管要联网。"])
        let findings = ConsistencyChecker(glossary: try Glossary(concepts: [concept])).findings([text])
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        var longer = proposal
        (longer.zh, longer.variants) = ("自我博弈", ["自博弈"])
        #expect(ProposedConcepts([longer]).concepts.first?.zhVariants == ["自博弈"])
        #expect(!ProposedConcepts.isChineseShortForm("管能", of: "能量管理系统") && ProposedConcepts.isChineseShortForm("能管", of: "能量管理系统"))
    }

    @Test("a name written with and without its article is one name")
    func nameWithArticle() {
        let candidates = Discoverer(glossary: nil).discover([Self.transcript([
            "我们参考了 The Passivhaus Institut 的标准。", "Passivhaus Institut 的认证很严格，Passivhaus Institut 也做培训。",
        ])])
        let names = candidates.filter { $0.kind == .name }.map { "\($0.en) \($0.count)" }
        #expect(names.contains("Passivhaus Institut 3") && !names.contains { $0.hasPrefix("The ") }, "\(names)")
    }

    @Test("the English sentence before a gloss's bracket is no part of its English name")
    func englishSentenceBeforeBracket() {
        let glosses = GlossMiner.glosses(in: "Exactly. Tannin（单宁）gives structure. U.S. Army（美国陆军）too.")
        #expect(glosses.map { "\($0.zh)|\($0.en)" } == ["单宁|Tannin", "美国陆军|U.S. Army"])
    }

    @Test("an acronym glossed by its expansion and a rendering is one gloss, its expansion never split into names")
    func acronymExpansionAndRendering() {
        let candidates = Discoverer(glossary: nil).discover([Self.transcript([
            "可以将 RLHF (Reinforcement Learning from Human Feedback，基于人类反馈的强化学习) 理解为一个训练过程。",
        ])])
        #expect(candidates.contains {
            $0.kind == .gloss && $0.zh == "基于人类反馈的强化学习" && $0.en == "Reinforcement Learning from Human Feedback" && $0.abbreviation == "RLHF"
        })
        #expect(!candidates.contains { $0.en == "Human Feedback" || $0.en == "Reinforcement Learning" })
    }

    @Test("words taken in before a term the text glosses more often on its own are no part of it, and do not make the term an anaphor")
    func glossedMoreOftenAlone() {
        let turns = Array(repeating: "迎角（angle of attack）指的是机翼和气流的夹角。", count: 5) + Array(repeating: "我觉得迎角（angle of attack）很关键。", count: 2)
        let glosses = Discoverer(glossary: nil, generalWords: Self.general).discover([Self.transcript(turns)]).filter { $0.kind == .gloss }
        #expect(glosses.map(\.zh) == ["迎角"], "\(glosses.map(\.zh))")
    }

    @Test("a generic head glossed like a term is an anaphor; a heading's extra words are not part of the term")
    func anaphoraAndOverExtension() {
        let candidates = Discoverer(glossary: nil).discover([Self.transcript([
            "训练奖励模型（RM）", "我们先训练一个较小的模型（RM）来打分。", "奖励模型（RM）给回答打分。奖励模型很重要。",
        ])])
        let glosses = candidates.filter { $0.kind == .gloss && $0.abbreviation == "RM" }.map(\.zh)
        #expect(glosses == ["奖励模型"], "\(glosses)")
    }

    /// A held-out keyboard forum glossed `鋼絲音（rattle）`, then `這個聲音（rattle）`, and the
    /// proposal led with 聲音: pasted into a glossary, every 聲音 would be a rattle.
    @Test("with jieba's word list, an everyday word glossed in the English of a term that is none refers back to it: no name of the concept")
    func everydayWordAnaphor() throws {
        let glosses = try Self.proposals(["换了刹车片以后有啸叫（squeal），这个声音（squeal）很刺耳。", "啸叫要处理。"]).filter { $0.kind == .gloss }
        #expect(glosses.map { ([$0.zh] + $0.variants).joined(separator: "=") } == ["啸叫"], "\(glosses.map { ($0.zh, $0.variants) })")
    }

    @Test("a general word list decides which words are everyday words and which strings are phrases")
    func generalWords() throws {
        // jieba's format: word, count in tokens, tag; 1,000,000 tokens, so a count is per million.
        let dictionary = "起来 500 v\n回答 200 v\n上 3000 f\n颗 40 q\n价格 100 n\n光刻 1 n\n其余 999155 x\n"
        let words = try #require(GeneralWords(jiebaDictionary: Array(dictionary.utf8), source: "test"))
        #expect(words.everyday.isSuperset(of: ["起来", "回答", "上", "颗", "价格"]) && !words.everyday.contains("光刻"))
        #expect(words.isPhrase("晶圆上") && words.isPhrase("颗裸片") && !words.isPhrase("光刻胶"))
        let turns = ["光刻胶的价格很高，价格在涨。", "光刻胶要在晶圆上涂匀，晶圆上不能有颗粒。", "颗裸片很贵，价格是关键，光刻胶也是。"]
        let without = Discoverer(glossary: nil).discover([Self.transcript(turns)]).map(\.zh)
        let with = Discoverer(glossary: nil, generalWords: words).discover([Self.transcript(turns)]).map(\.zh)
        #expect(without.contains("价格") && without.contains("晶圆上"), "\(without)")
        #expect(!with.contains("价格") && !with.contains("晶圆上") && with.contains("光刻胶"), "\(with)")
    }

    @Test("with jieba's word list, phrase edges are words: a compound ending in a word that holds a preposition's character, or led by a localiser as a prefix, is a term")
    func phraseEdgesAreWords() throws {
        let general = try Self.generalWords()
        // 据 (according to) is a preposition and 后 a localiser, but 数据 and 集群 are words, and
        // a localiser before a word is a prefix (后训练, post-training).
        let terms = ["合成数据", "偏好数据", "后训练", "集群", "自主性风险", "训练后阶段"]
        #expect(terms.filter { general.isPhrase($0) } == [])
        // A localiser after a noun, a measure word or numeral before one: phrases still.
        let phrases = ["晶圆上", "颗裸片", "会议后", "一款新药", "晶圆之间", "一段时间"]
        #expect(phrases.filter { !general.isPhrase($0) } == [])
    }

    @Test("with jieba's word list: common two-character words, phrases holding 的 or 得 or ending in a result complement, and a name's short form are not proposed")
    func generalVocabulary() throws {
        let turns = [
            "流程很长，流程要改。新材料的强度很高，新材料的强度决定寿命。", "AlphaGo Zero 很强。后来 Zero 的思路被推广，AlphaGo Zero 不用人类棋谱。",
            "结合得好的分子更稳定，结合得好才行。", "碳化硅器件很贵，碳化硅器件耐高温，碳化硅器件是趋势。",
            "会议记录整理好以后发给我，记录整理好再说。", "回测重跑完再看，重跑完就发群里。", "先请您简单介绍一下，最后请您总结一下。", "每条音轨进插件之前要看电平。每条音轨都要命名，多条音轨的颜色也不同。",
        ]
        let candidates = try Self.proposals(turns)
        let zh = candidates.map(\.zh), en = candidates.map(\.en)
        #expect(zh.contains("碳化硅器件") && en.contains("AlphaGo Zero"), "\(zh) \(en)")
        #expect(!zh.contains("流程") && !zh.contains("新材料的强度") && !zh.contains("结合得好"), "\(zh)")
        // A result complement ends a phrase even after a word the list tags as a noun (整理).
        #expect(!zh.contains("记录整理好") && !zh.contains("记录整理") && !zh.contains("重跑完"), "\(zh)")
        // A pronoun ends a phrase whatever jieba tags it (您 is zg there).
        #expect(!zh.contains("请您"), "\(zh)")
        // A determiner is no part of an unknown word the dictionary leaves in single characters,
        // and a string found only after one starts with a measure word.
        #expect(!zh.contains("每条音轨") && !zh.contains("条音轨"), "\(zh)")
        let factors = try Self.proposals([
            "三因子模型先出来，后来扩成五因子模型。", "五因子模型加了盈利和投资两个因子。",
        ]).map(\.zh)
        #expect(factors.contains("因子模型"), "a string found after numerals only is still a term: \(factors)")
        #expect(!en.contains("Zero"), "\(en)")
        // Roman numerals number phases; they are no acronyms.
        let phases = Discoverer(glossary: nil).discover([Self.transcript(["II 期试验之后是 III 期试验。", "III 期要几千人，II 期几百人。"])])
        #expect(!phases.contains { $0.abbreviation == "II" || $0.abbreviation == "III" }, "\(phases.map(\.abbreviation))")
        // CI is an acronym (a final new-user trial's chat never had it proposed).
        let builds = Discoverer(glossary: nil).discover([Self.transcript(["CI 又挂了，PR 先别合。", "CI 修好再合 PR。"])]).map(\.abbreviation)
        #expect(builds.contains("CI") && builds.contains("PR"), "\(builds)")
    }

    @Test("an English name that a Chinese speaker label transliterates is the speaker's, not a term; other names stay")
    func transliteratedSpeakers() throws {
        let lines: [(String, String)] = [
            ("编者", "本期嘉宾是 Greta Hansen，主持人 Omar Becker，聊 Kubernetes 和 Grafana。"),
            ("贝克", "Greta，你们团队什么时候开始用 Kubernetes 的？"), ("汉森", "Omar，我们三年前就把服务迁到 Kubernetes 上了，监控用 Grafana。"),
            ("贝克", "Grafana 的告警你们怎么配？"), ("汉森", "告警规则放在 Git 里，Greta 团队每周复查。"),
            // The speaker's other name in Chinese characters goes with it too.
            ("贝克", "格蕾塔说得对。格蕾塔，Git 里的规则谁来审？"), ("汉森", "我审。格蕾塔团队只管值班。"),
        ]
        let units = lines.enumerated().map {
            TranscriptUnit(file: "t.md", index: $0.offset + 1, kind: .turn, speaker: $0.element.0, text: $0.element.1, lineStart: $0.offset + 1, lineEnd: $0.offset + 1)
        }
        let names = Discoverer(glossary: nil).discover([Transcript(file: "t.md", format: .markdown, units: units, notices: [])]).map(\.en)
        #expect(names.contains("Kubernetes") && names.contains("Grafana"), "\(names)")
        #expect(!names.contains { $0.contains("Hansen") || $0.contains("Omar") || $0.contains("Becker") || $0 == "Greta" }, "\(names)")
        let terms = Discoverer(glossary: nil).discover([Transcript(file: "t.md", format: .markdown, units: units, notices: [])]).map(\.zh)
        #expect(!terms.contains("格蕾塔"), "\(terms)")
        #expect(Transliteration.isTransliteration("莱克斯", of: "Lex") && Transliteration.isTransliteration("罗伯特", of: "Robert"))
        #expect(Transliteration.isTransliteration("弗里德曼", of: "Fridman") && Transliteration.isTransliteration("阿莫迪", of: "Amodei"))
        // Close but not the same: one consonant more or less is another name.
        #expect(!Transliteration.isTransliteration("莱克斯", of: "Linux") && !Transliteration.isTransliteration("阿莫迪", of: "Amanda"))
        #expect(!Transliteration.isTransliteration("汉森", of: "Grafana") && !Transliteration.isTransliteration("主持人", of: "Kubernetes"))
        // The same consonants, but a name starting with a vowel is not one starting with a
        // consonant: the shared transcript's speaker 阿莫迪 took the company Meta with him.
        #expect(!Transliteration.isTransliteration("阿莫迪", of: "Meta") && !Transliteration.isTransliteration("艾伦", of: "Lynn"))
        #expect(Transliteration.isTransliteration("艾伦", of: "Allen") && Transliteration.isTransliteration("伊莎贝拉", of: "Isabella"))
        #expect(Transliteration.isTransliteration("奥利弗", of: "Oliver"))
    }

    /// A helper's museum minutes proposed its attendees (陈立伟, 周敏, Tom Becker) as terms, and
    /// made them the map's top concepts.
    @Test("the people a roster names are no terms: attendees after 参会, and names beside two others on a line of roles")
    func rosters() {
        #expect(Discoverer.rosterNames(in: "时间：周三下午\n参会：吴佳琪、冯涛、Nina Park\n地点：三楼") == ["吴佳琪", "冯涛", "Nina Park"])
        #expect(Discoverer.rosterNames(in: "周五｜后端：阿杰、Leo｜测试：小满") == ["阿杰", "Leo", "小满"])
        // Lines joined into one unit are told apart by where the source lines start.
        let joined = "时间：周三下午参会：吴佳琪、冯涛"
        #expect(Discoverer.rosterNames(in: joined, lineStarts: ["时间：周三下午".utf8.count]) == ["吴佳琪", "冯涛"])
        // Ingredients, one name under another label, and terms are no roster.
        #expect(Discoverer.rosterNames(in: "原料：面粉、水、盐").isEmpty)
        #expect(Discoverer.rosterNames(in: "产品：Notion").isEmpty && Discoverer.rosterNames(in: "工具：Figma、Sketch").isEmpty)
        // The roster heads the minutes, a paragraph of nobody's.
        var minutes = Self.transcript([
            "参会：吴佳琪、冯涛、Nina Park", "吴佳琪说展柜湿度要控制。冯涛说展柜湿度还行。", "Nina Park 提到微环境，吴佳琪同意。冯涛补充微环境监测。",
        ])
        minutes.units = minutes.units.map { var unit = $0; unit.speaker = nil; unit.kind = .paragraph; return unit }
        let proposals = Discoverer(glossary: nil).discover([minutes])
        let names = proposals.flatMap { [$0.zh, $0.en] }
        #expect(!names.contains("吴佳琪") && !names.contains("冯涛") && !names.contains("Nina Park"), "\(names)")
    }

    @Test("with jieba's word list: a full name and a title name a person, not a term; a word and a title may be a term")
    func peopleWithTitles() throws {
        let zh = try Self.proposals([
            "今天请到林晓舟老师。林晓舟老师做陶瓷修复，林晓舟老师很忙。", "主治医生查房，主治医生签字，主治医生下班了。",
            "规培医生很累，规培医生值班，规培医生要轮转。",
        ]).map(\.zh)
        #expect(!zh.contains { $0.hasSuffix("老师") }, "\(zh)")
        #expect(zh.contains("主治医生") && zh.contains("规培医生"), "\(zh)")
    }

    @Test("with jieba's word list, a measure word after a noun is that noun's head (王台, 继箱); after a numeral or demonstrative it ends a quantity")
    func measureWordsAfterNouns() throws {
        let turns = [
            "开春先查王台，王台多了就要分蜂。", "加继箱以前，先把王台清掉。继箱要干燥。",
            "场里买了三台摇蜜机，三台都是新的。", "这台用了五年，这台还能用。",
        ]
        let zh = try Self.proposals(turns).map(\.zh)
        #expect(zh.contains("王台") && zh.contains("继箱"), "\(zh)")
        #expect(!zh.contains { $0.hasSuffix("三台") || $0.hasSuffix("这台") }, "\(zh)")
    }

    @Test("bold and quoted phrases are hints of terms; a bold field label before a colon is none")
    func boldFieldLabels() {
        let spans = BoldSpans.find(in: "- **会议时间**：周三上午\n- **记录人** : 小周\n- **主持人：** 老吴\n本季度重点是**冷链物流**和“前置仓”。")
        #expect(spans == ["冷链物流", "前置仓"], "\(spans)")
        // Traditional Chinese quotes with corner brackets (a Taiwanese tea lecture's 「走水」).
        let corner = BoldSpans.find(in: "日光萎凋之後要「走水」，茶青才會有『鮮爽度』。「這句話不是術語，對吧」")
        #expect(corner == ["走水", "鮮爽度"], "\(corner)")
        // Marks are told by all their bytes (同 holds the byte 8C of 「; ” is no opening mark).
        for (line, phrase) in [("**加粗**", "加粗"), ("说“引号”", "引号"), ("說「引號」", "引號"), ("說『引號』", "引號")] {
            #expect(BoldSpans.find(in: line) == [phrase], "\(line)")
        }
        for line in ["同意这个方案。", "a * b", "说”反了”", "同意「", "**半开"] { #expect(BoldSpans.find(in: line).isEmpty, "\(line)") }
    }

    /// A held-out explainer set its glossed terms in bold (`多用**桶轴**（thru-axle）`,
    /// `**后上叉**（seat stays）`), and the words around them still set the extent.
    @Test("a phrase set in bold right before a gloss's bracket is the term's extent, over the one the words suggest")
    func boldGlossHeads() throws {
        let raw = ["公路车现在多用**碟刹**（disc brakes），雨天也稳。", "千万别小看**变速线**（shift cable），生锈了就换。", "不同于**前拨**（front derailleur），后面的不用调。"]
        let (spans, heads) = BoldSpans.findWithHeads(in: raw.joined(separator: "\n"))
        #expect(heads == [BoldSpans.headKey("碟刹", bracket: "disc brakes"), BoldSpans.headKey("变速线", bracket: "shift cable"), BoldSpans.headKey("前拨", bracket: "front derailleur")]
            && spans.isSuperset(of: ["碟刹", "变速线", "前拨"]), "\(heads)")
        // A bold phrase followed by a colon or text is no gloss's head.
        #expect(BoldSpans.findWithHeads(in: "- **碟刹**：刹车\n**碟刹**很好（真的）").glossHeads.isEmpty)
        let plain = raw.map { $0.replacingOccurrences(of: "**", with: "") }
        let glosses = Discoverer(glossary: nil, generalWords: try Self.generalWords()).discover([Self.transcript(plain)], boldSpans: spans, boldGlossHeads: heads)
            .filter { $0.kind == .gloss }.map { "\($0.zh)|\($0.en)" }
        #expect(glosses.sorted() == ["前拨|front derailleur", "碟刹|disc brakes", "变速线|shift cable"].sorted(), "\(glosses)")
        // A head is that gloss's extent only: heldout17's bold `**托槽**（bracket）` had cut
        // `自锁托槽（self-ligating bracket）`, written without bold, to 托槽.
        let kinds = ["**刹车片**（brake pad）磨薄了要换，刹车片别拖。", "雨天多的地方可以换陶瓷刹车片（ceramic brake pad），刹车片粉尘少。"]
        let kindHeads = BoldSpans.findWithHeads(in: kinds.joined(separator: "\n"))
        let kindGlosses = Discoverer(glossary: nil, generalWords: try Self.generalWords())
            .discover([Self.transcript(kinds.map { $0.replacingOccurrences(of: "**", with: "") })], boldSpans: kindHeads.spans, boldGlossHeads: kindHeads.glossHeads)
            .filter { $0.kind == .gloss }.map { "\($0.zh)|\($0.en)" }
        #expect(kindGlosses.sorted() == ["刹车片|brake pad", "陶瓷刹车片|ceramic brake pad"], "\(kindGlosses)")
    }

    /// A held-out HVAC interview and a frame builders' explainer gave 时四通阀, 焊接时过热 and
    /// 不要小看定位板: a clause of time, and a rare verb after a modal, ran into the term.
    @Test("no term starts with 时 ending a clause of time, 一旦 opening one, a place (船上, 车间里), or a verb after a modal (可别小看, 記得加); 国内 stays where the English asks for it")
    func clauseOfTimePlaceAndRareVerbs() throws {
        let cases: [(sentence: String, term: String)] = [
            ("每次停机时冷凝器（condenser）都要检查。", "冷凝器"), ("开机时压缩机（compressor）会响。", "压缩机"),
            ("车间里冷却塔（cooling tower）一直在响。", "冷却塔"), ("船上压载泵（ballast pump）坏了。", "压载泵"),
            ("身上静电手环（wrist strap）要戴好。", "静电手环"), ("可别小看储液干燥器（receiver drier）。", "储液干燥器"),
            ("今年国内生产总值（gross domestic product）涨了。", "国内生产总值"),
            // trial63: 一旦接触网, 記得加突波保護器.
            ("一旦变电所（traction substation）失电，全线停车。", "变电所"), ("配電盤記得加突波吸收器，英文叫 SAB，直流側也要。", "突波吸收器"),
        ]
        for (sentence, term) in cases {
            let zh = try Self.proposals([sentence]).filter { $0.kind == .gloss }.map(\.zh)
            #expect(zh == [term], "\(sentence): \(zh)")
        }
    }

    /// Expects each case's lines to give one gloss, whose Chinese term is `term`.
    static func expectGlossTerms(_ cases: [(lines: [String], term: String)], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        for (lines, term) in cases {
            let zh = try proposals(lines).filter { $0.kind == .gloss }.map(\.zh)
            #expect(zh == [term], "\(lines[0]): \(zh)", sourceLocation: sourceLocation)
        }
    }

    /// heldout19's surveying class glossed `闭合差（misclosure）`, and 差 is in many other words
    /// there (误差, 高差, 差不多): 闭合 was dropped as a verb the text uses the rest without, and
    /// 差 became the gloss, counted ×28. Its phonetics talk's `换算成半音（semitone）` gave
    /// 成半音 (成 a noun in the list), and its grading interview's `一版高动态范围` 版高动态范围.
    @Test("a verb before one character stays in the term; 成 after a verb is its complement; a measure word after a numeral ends the quantity")
    func oneCharacterHeadsComplementsMeasureWords() throws {
        let settling = try Self.proposals([
            "沉降差（differential）是我们每月都要复核的。", "沉降差超过限值就要加固，高差（height difference）本身倒不要紧。",
            "误差要记下来，差不多的数就别凑整，这叫修约（rounding）。", "相差太大的话，先查水准仪（level），再看差分结果。",
            "新旧两期的差值也要和沉降差一起报给监理（supervisor）。", "做得差的班组，下个月要重测基准点（benchmark）。",
            "温差、时差都会带来误差，差异大的点要做复测（resurvey）。",
        ]).filter { $0.kind == .gloss }
        #expect(settling.first { $0.en == "differential" }?.zh == "沉降差", "\(settling.map(\.zh))")
        for (line, term) in [
            ("做完以后，把音高换算成音分（cents），再比较。", "音分"), ("周五先交一版粗剪（rough cut），下周再精剪。", "粗剪"),
            ("展厅要做两版宽色域（wide color gamut）的片子。", "宽色域"),
        ] {
            let found = try Self.proposals([line]).filter { $0.kind == .gloss }.map(\.zh)
            #expect(found == [term], "\(line): \(found)")
        }
    }

    /// heldout19's surveying class said `PDOP，也就是位置精度因子` and a student asked `PDOP 全称是
    /// Position Dilution of Precision 吧？`: the Chinese gloss was dropped as "over-extended" (every
    /// name ends with the expansion row's empty Chinese), and an expansion in brackets in a later
    /// turn stayed a proposal of its own beside the Chinese gloss.
    @Test("an acronym glossed in Chinese in one turn and spelled out in English in another is one proposal with both")
    func acronymGlossedAcrossTurns() throws {
        for turns in [
            ["ICP，也就是电感耦合等离子体，测金属用的。", "ICP 全称是 Inductively Coupled Plasma 吧？", "对。"],
            ["HRV，也就是心率变异性，早上测最准。", "HRV（Heart Rate Variability）对吧？", "对。"],
        ] {
            let glosses = try Self.proposals(turns).filter { $0.kind == .gloss }
            #expect(glosses.count == 1, "\(glosses.map { "\($0.zh) · \($0.en) / \($0.abbreviation)" })")
            #expect(glosses.first.map { !$0.zh.isEmpty && !$0.en.isEmpty && $0.variants.allSatisfy { !$0.isEmpty } } == true,
                "\(glosses.map { "\($0.zh) · \($0.en) \($0.variants)" })")
        }
    }

    /// heldout20's cataloguing meeting and bridge phone-in: speech transcribed without brackets
    /// states glosses with commas alone (`ILS，integrated library system，集成图书馆系统，`,
    /// `調諧質量阻尼器，tuned mass damper，TMD。`), which the session-58 build did not read.
    @Test("a gloss stated with commas alone, the Chinese before or after, an acronym beside it; a remark after a name is no gloss")
    func commaGlosses() throws {
        let turns = [
            "第一种是热室压铸，hot chamber die casting，锌合金常用。", "模具那边要看 draft angle，拔模斜度，角度不够就粘模。",
            "还有 CMM，coordinate measuring machine，三坐标测量机，用来测尺寸。", "铸件的缺陷分两类：porosity，气孔；shrinkage，缩松。",
            "浇注系统里有个冷料井，cold slug well，CSW，专门接前端的冷料。", "我们试过软件 Flow3D，效果不错。OK，没问题，明天开模。",
            // trial67: a hyphenated long form's letters agree with the acronym before it.
            "炉温用的是 PID，proportional-integral-derivative，比例积分微分控制，很稳。",
        ]
        let glosses = try Self.proposals(turns).filter { $0.kind == .gloss }.map { "\($0.zh) · \($0.en) / \($0.abbreviation)" }
        #expect(Set(glosses) == [
            "热室压铸 · hot chamber die casting / ", "拔模斜度 · draft angle / ", "三坐标测量机 · coordinate measuring machine / CMM",
            "气孔 · porosity / ", "缩松 · shrinkage / ", "冷料井 · cold slug well / CSW",
            "比例积分微分控制 · proportional-integral-derivative / PID",
        ], "\(glosses)")
    }

    /// heldout20's cataloguing meeting: `URI 就是网址吗？` (a wrong guess, answered 不完全是) was
    /// read as a gloss and outranked the answer's 统一资源标识符; `也就是《中国图书馆分类法》`
    /// kept the title marks; `著者号，国外叫 Cutter number` gave no gloss (who calls a thing so
    /// stood before 叫, as 我们 and 业内 do).
    @Test("an apposition asked as a question is no gloss; a title's marks are no part of its name; a naming clause by place gives a Latin name")
    func questionsTitlesAndPlaces() throws {
        let asked = try Self.proposals(["那 ERP 就是进销存软件吗？", "不完全是，进销存软件只是一部分。"]).filter { $0.kind == .gloss }
        #expect(asked.isEmpty, "\(asked.map(\.zh))")
        let titled = try Self.proposals(["消防验收要对照 GB 50016，也就是《建筑设计防火规范》。"]).filter { $0.kind == .gloss }.map(\.zh)
        #expect(titled == ["建筑设计防火规范"], "\(titled)")
        let placed = try Self.proposals(["燕尾榫，国外叫 dovetail joint，抽屉上常见。"]).filter { $0.kind == .gloss }.map { "\($0.zh) · \($0.en)" }
        #expect(placed == ["燕尾榫 · dovetail joint"], "\(placed)")
    }

    /// Trial66's `aiming off 也就是偏向瞄准：故意往一侧偏一点` gave the whole explanation as the name.
    @Test("the name after an apposition marker ends at a colon")
    func appositionEndsAtColon() throws {
        let found = try Self.proposals(["没有信号时就靠 dead reckoning 也就是航位推算：用速度和航向估出位置。"]).filter { $0.kind == .gloss }.map(\.zh)
        #expect(found == ["航位推算"], "\(found)")
    }

    /// heldout19's grading interview: `有一条斜线，大家叫肤色线，英文叫 skin tone line` gave 斜线
    /// (the English was read as naming the term before the naming clause, as in `片皮，我们也叫
    /// 剖层，英文是 splitting`), and `不叫调色，叫配光，英文叫 color timing` gave 调色.
    @Test("after a clause that only describes a thing or refuses it a name, the English names the name a naming clause gives")
    func namingClauseAfterDescription() throws {
        for (line, term) in [
            ("屏幕边上有一块暗区，我们叫遮幅，英文叫 letterbox。", "遮幅"), ("这一步老师傅不叫打底，叫刮腻子，英文叫 skim coat。", "刮腻子"),
        ] {
            let found = try Self.proposals([line]).filter { $0.kind == .gloss }.map(\.zh)
            #expect(found.first == term, "\(line): \(found)")
        }
        // A term before the naming clause keeps the English (片皮 and its other name 剖层).
        let kept = try Self.proposals(["皮料太厚要先片皮，我们也叫剖层，英文是 splitting。"]).filter { $0.kind == .gloss }.map(\.zh)
        #expect(kept.first == "片皮", "\(kept)")
    }

    /// heldout17's seismic podcast wrote `还要补充时程分析（time-history analysis）`: the
    /// English's three words took the verb in; and heldout18's welder said `pulse 就是電流一高一低自己跳`,
    /// a description with a pronoun, which became the gloss of pulse.
    @Test("an everyday verb after a modal, or a rarer one after a word of purpose, is the predicate, not the term's first word; a clause with 自己 names nothing")
    func predicateAfterModal() throws {
        let zh = try Self.proposals(["这座斜拉桥还要补充风洞试验（wind tunnel test），看看涡振大不大。", "风洞试验一般做两周。"])
            .filter { $0.kind == .gloss }.map(\.zh)
        #expect(zh == ["风洞试验"], "\(zh)")
        // 过 after a preposition of means is its aspect, not the prefix over- (trial65's 用过龙涎香).
        let aspect = try Self.proposals(["这款香水早年用过海狸香（castoreum），后来换成合成的。"]).filter { $0.kind == .gloss }.map(\.zh)
        #expect(aspect == ["海狸香"], "\(aspect)")
        // After a preposition of means the instrument's name may open with a verb the list
        // leaves single (trial65's 用顶空技术: 空技术).
        let instrument = try Self.proposals(["取样时要用抽滤瓶（suction flask）接住滤液。"]).filter { $0.kind == .gloss }.map(\.zh)
        #expect(instrument == ["抽滤瓶"], "\(instrument)")
        // A rarer verb after a word of purpose (heldout2's 用心率来推算最大摄氧量（VO2max）).
        for (line, term) in [("用体重和身高来推算基础代谢率（BMR），每天吃多少就有数了。", "基础代谢率"), ("工程师用潮位记录来推算重现期（return period），再定堤高。", "重现期")] {
            let found = try Self.proposals([line]).filter { $0.kind == .gloss }.map(\.zh)
            #expect(found == [term], "\(line): \(found)")
        }
        let transcript = try TranscriptReader.read(
            bytes: Array("**甲**：很多修音软件都有 autotune，真的好用吗？\n\n**乙**：好用。autotune 就是音准自己修正，唱歪了也听不出来。\n".utf8), file: "vocal.md")
        let glosses = Discoverer(glossary: nil, generalWords: try Self.generalWords()).discover([transcript]).filter { $0.kind == .gloss }
        #expect(glosses.isEmpty, "\(glosses.map(\.zh))")
    }

    /// heldout17 gave 常用黏滞阻尼器 and 多用单边带: how often a thing is used is the speaker's
    /// remark.
    @Test("an attributive of use (常用, 多用) is no part of the term, unless the English renders it")
    func usageAttributive() throws {
        for (line, term) in [("桥上常用盆式支座（pot bearing），便宜耐用。", "盆式支座"), ("窗框多用断桥铝（thermally broken aluminium），保温好。", "断桥铝"),
                             ("老师先讲了常用对数（common logarithm）的换底公式。", "常用对数")] {
            let zh = try Self.proposals([line]).filter { $0.kind == .gloss }.map(\.zh)
            #expect(zh == [term], "\(line): \(zh)")
        }
    }

    /// Trial63's solar forum wrote `用組串型變流器（string inverter）` twice and heldout16's
    /// etching class `灰调靠飞尘版（aquatint）`: the means (用, 拿, 靠) was read into the term,
    /// by its recurrence and inside a run of characters the word list leaves single; heldout17's
    /// radio podcast `信号经电离层（ionosphere）` took in the way (经, which jieba tags a noun).
    @Test("a preposition of means (用, 拿, 靠) or of way (经), a verb jieba tags otherwise (学, 建议), and a subject with its verb start no term they introduce")
    func meansPrepositionStaysOut() throws {
        let cases: [(lines: [String], term: String)] = [
            (["这段管线用球墨铸铁管（ductile iron pipe）接，主干那段也用球墨铸铁管。"], "球墨铸铁管"),
            (["暗处层次拿锉刀纹（file texture）补一点，边角也拿锉刀纹收。"], "锉刀纹"),
            (["大片的亮灰调靠喷砂雾面（sandblast matte）做出来。"], "喷砂雾面"),
            (["雷达波经对流层（troposphere）折射后变弯。"], "对流层"), (["卫星信号经中继站（relay station）转发。"], "中继站"),
            // Trial64 and heldout10: 学 (learn) and 针 (a stitch) are tagged n and p by jieba.
            (["周末我去学吹制玻璃（glass blowing），很好玩。"], "吹制玻璃"), (["织到第三行常常出现脱针（dropped stitch），就得拆。"], "脱针"),
            // Trials 63 and 64: a subject and its one-character verb before a term jieba tags a verb.
            (["验收时要请厂商附接地（grounding）报告。"], "接地"), (["比赛时对方发下旋（backspin），要先搓。"], "下旋"),
            // Trial68: 建议 (advise) is tagged n by jieba: 医生建议免疫治疗 was proposed whole.
            (["兽医建议驱虫疗程（deworming course）每季一次。"], "驱虫疗程"), (["教练主张间歇训练（interval training）。"], "间歇训练"),
        ]
        try Self.expectGlossTerms(cases)
    }

    /// Heldout21's sleep FAQ: `快速動眼期（rapid eye movement，REM）` gave 動眼期 and
    /// `睡眠呼吸中止症（sleep apnea）` 中止症, where Chinese takes more words than the English and
    /// the text never writes the term without its first words.
    @Test("words the text never leaves off a term, a verb before a verb or a modifier, are the term's; a verb governing a noun is not")
    func wordsNeverLeftOff() throws {
        let cases: [(lines: [String], term: String)] = [
            // A verb before a verb makes a compound with it, three uses and none without.
            (["患者有夜间呼吸减弱症（nocturnal hypoventilation）。夜间呼吸减弱症要治疗，夜间呼吸减弱症会加重。"], "夜间呼吸减弱症"),
            // An adverb jieba tags 快速 before a one-character verb, twice and never without.
            (["婴儿出现快速扫眼期（rapid eye sweep，RES）。快速扫眼期很短。"], "快速扫眼期"),
            // A word and an adjective-forming suffix render the English's opening adjective.
            (["少见的是中枢型呼吸减弱症（central hypoventilation）。呼吸减弱症要治疗，呼吸减弱症会加重。"], "中枢型呼吸减弱症"),
            // A verb that governs a noun stays out, however often the text repeats the two.
            (["申请要先进入审查阶段（examination stage）。进入审查阶段以后等通知，进入审查阶段要交费。"], "审查阶段"),
        ]
        try Self.expectGlossTerms(cases)
    }

    /// Heldout22's skating auto-captions mark nothing but spaces (`这叫截尾平均 trimmed mean
    /// 剩下的`): no gloss was read, 3 of 26. The first version paired an acronym after a verb
    /// phrase in unpunctuated subtitles (`用来去除 PCR 扩增`).
    @Test("where spaces are a unit's only marks, the Chinese term before English is its gloss; an acronym needs the term to recur")
    func unpunctuatedCaptions() throws {
        let glosses = try Self.proposals([
            "今天聊聊养蜂 先看蜂箱里面的巢框 frame\n巢框上面是巢脾 comb 蜜蜂在这里产卵",
            "工蜂出去采蜜 采回来以后放进巢房 cell\n蜂王一天能产上千个卵 巢房封盖以后叫封盖子 capped brood",
            "春天要注意分蜂热 swarming 不然蜂群会飞走\n冬天要及时补喂 PVC 板子要盖好",
            "蜂箱外面加一层保温板 EPS 保温板比木板轻\n我们用来熏蒸 OA 效果最好",
            // A term is sought in its own segment, not back over the clause before it.
            "蜂箱里有巢础 foundation 装在框里 蜂刷 bee brush 放在外面",
            // A punctuated unit keeps its code-switched words (check 一下) unpaired.
            "开箱以后先 check 一下蜂王，再盖好。",
        ]).filter { $0.kind == .gloss }.map { "\($0.zh)|\($0.en)|\($0.abbreviation)" }
        #expect(Set(glosses) == [
            "巢框|frame|", "巢脾|comb|", "巢房|cell|", "封盖子|capped brood|", "分蜂热|swarming|", "保温板||EPS", "巢础|foundation|", "蜂刷|bee brush|",
        ], "\(glosses)")
    }

    /// Heldout22's captions: `这叫截尾平均 trimmed mean` and `叫周数不足 under-rotated` gave no
    /// Chinese (平均 an adjective, 不足 a negation: read as remarks), and `后内结环跳也就是
    /// salchow` gave 内结环跳 (后 read as a localiser after a clause); heldout20's dyeing
    /// answer had 处理 for `前处理（pretreatment）`.
    @Test("after a naming verb the words are a name, not a remark; localisers that open a clause are the name's")
    func namedRemarksAndOpeningLocalisers() throws {
        let cases: [(lines: [String], term: String)] = [
            (["称完取平均，这叫去尾平均，trimmed mean，再乘系数。"], "去尾平均"),
            (["铅块不够就叫配重不足，underweight，要补。"], "配重不足"),
            (["后内刃转体（rocker）很难。"], "后内刃转体"),
            (["外刃滑圈（crossover）要练。"], "外刃滑圈"),
            (["前外转三（three turn）先学。"], "前外转三"),
        ]
        try Self.expectGlossTerms(cases)
    }

    /// Trial71's volcanology podcast proposed 二氧化, the shared start of 二氧化硫, 二氧化碳 and
    /// 二氧化硅, each said once or twice: siblings too rare to be candidates themselves hid
    /// that the string is never used alone.
    @Test("a string whose uses mostly end or start inside longer words of the list is no term")
    func boundPartsOfListedWords() throws {
        let terms = try Self.proposals([
            "工厂烟囱排出二氧化硫，汽车尾气里有二氧化氮。", "植物吸收二氧化碳，沙子的主要成分是二氧化硅。", "二叠纪之后是三叠纪，三叠纪之后是侏罗纪。",
        ]).map(\.zh)
        #expect(!terms.contains("二氧化") && !terms.contains("叠纪"), "\(terms)")
    }

    /// Trial71's volcanology podcast put 聊火山 (聊聊火山, 再聊火山) in its first 30 proposals.
    @Test("a verb of talking or looking standing first (聊|冰川) opens what is talked of, no term")
    func talkVerbsOpenNoTerm() throws {
        let terms = try Self.proposals(["今天先聊聊冰川，冰川退了以后留下冰碛物。", "下期我们接着聊冰川，再看冰碛物怎么分选。"]).map(\.zh)
        #expect(terms.contains("冰碛物") && !terms.contains("聊冰川"), "\(terms)")
    }

    /// A glossed term said once after an everyday verb jieba tags as a verbal noun (研究, 设计,
    /// 分析) took the verb in: 研究海洋酸化 for ocean acidification.
    @Test("an everyday verbal noun before a once-said glossed term is the clause's predicate unless the English renders it")
    func verbalNounsGovernTerms() throws {
        let glosses = try Self.proposals([
            "我们每周分析土壤微生物群落（soil microbial community），看看有没有变化。", "她主要研究海洋酸化（ocean acidification），去年发了两篇文章。",
            "他负责设计潮汐发电机组（tidal turbine），经验很丰富。", "这篇论文用了一种混合专家模型（Mixture of Experts），参数很多。",
            "我们先清洗训练数据（training data），再开始跑实验。",
        ]).filter { $0.kind == .gloss }.map(\.zh)
        #expect(Set(glosses) == ["土壤微生物群落", "海洋酸化", "潮汐发电机组", "混合专家模型", "训练数据"], "\(glosses)")
    }

    /// Heldout24's texts: characters jieba leaves single were read as one unknown word across
    /// 只 (only), 时 (when) and verbs jieba tags zg (穿, 掉), so that 只種文心蘭 and 掉进假位 came
    /// out as terms; and one character after a modal, tagged a noun (先|标), stayed in the term.
    @Test("scope adverbs, clause-ending 时, mis-tagged verbs and a verb right after a modal are no part of a glossed term; 只 rendering 'only' is")
    func clauseCharactersBeforeTerms() throws {
        let glosses = try Self.proposals([
            "新手最好穿浮力背心（buoyancy vest），安全一点。", "他一不小心掉进落水洞（sinkhole）里了。", "我们园子只种土著植物（native plants），不用农药。",
            "这块芯片里有只读存储器（read-only memory），断电也不丢。", "放线前要先标控制点（control point），再拉线。", "量体时只量腰围线（waistline），别的不量。",
        ]).filter { $0.kind == .gloss }.map(\.zh)
        #expect(Set(glosses) == ["浮力背心", "落水洞", "土著植物", "只读存储器", "控制点", "腰围线"], "\(glosses)")
    }

    /// Heldout25 and trial74: a verb opening a term said once after a quantity, 了 or a
    /// preposition was read as the clause's predicate (一圈|推进|油缸 gave 油缸, 用|改良|克林奇结
    /// gave 克林奇结, 装了|摩擦|摆|支座 gave 支座); a noun phrase follows those words, and a verb in
    /// it modifies its noun, as after 的. And a 的 taken in for a modifier that is a predicate
    /// opened the term (的隐裂).
    @Test("a verb after a quantity, 了 or a preposition opens the term it modifies; 的 opens no term")
    func verbsInsideNounPhrases() throws {
        let glosses = try Self.proposals([
            "他们用改良矾鞣法（modified alum tanning）处理皮子。", "浆料从输出料斗（output hopper）落下。", "设备底部有两组导出滑道（discharge chutes）。",
            "皮面有没有肉眼看不见的暗纹（hair-lines）。", "查查有没有手摸不出的细裂（micro-fissures）。",
            // The verb after a preposition's noun is the predicate (把|X|当成|Y).
            "很多人把慢跑当成燃脂跑（fat-burning run），其实不对。",
        ]).filter { $0.kind == .gloss }.map(\.zh)
        #expect(Set(glosses) == ["改良矾鞣法", "输出料斗", "导出滑道", "暗纹", "细裂", "燃脂跑"], "\(glosses)")
    }

    /// Trial75: `装一片双窄带滤镜（dual narrowband filter）` kept the quantity 一片, taken in as a
    /// numeral the English names though the term opened with its numeral 双 already; and
    /// `每天测化学需氧量` kept 测, as jieba tags 每天 a pronoun, not an adverb of time.
    @Test("a quantity before a term that opens with the English's numeral, and a verb after 每天, are no part of the term")
    func quantitiesAndFrequencyBeforeTerms() throws {
        let glosses = try Self.proposals([
            "他在镜头前加了一块双偏振镜（dual polarizer）。", "船上要放一根双股缆绳（double-strand rope）。",
            "厂里每天测总悬浮固体（total suspended solids），再记下来。",
        ]).filter { $0.kind == .gloss }.map(\.zh)
        #expect(Set(glosses) == ["双偏振镜", "双股缆绳", "总悬浮固体"], "\(glosses)")
    }

    /// Heldout25: `调成十二平均律（twelve-tone equal temperament）` kept 成. jieba's list holds no
    /// 调成, so 成 stood apart after the one-character verb, where after a verb of two
    /// characters (简化|成) it was already read as the verb's complement.
    @Test("a result complement after a one-character verb the list leaves apart ends the clause before a glossed term")
    func complementAfterSingleVerb() throws {
        let glosses = try Self.proposals([
            "把琴弦调成标准音高（standard concert pitch）。", "他把照片冲成银盐相纸（silver gelatin print）。", "把旧图纸扫成矢量文件（vector file）。",
        ]).filter { $0.kind == .gloss }.map(\.zh)
        #expect(Set(glosses) == ["标准音高", "银盐相纸", "矢量文件"], "\(glosses)")
    }

    /// Trial75's wastewater interview: 污水厂里 (in the plant) was proposed as a term. jieba
    /// lists words of place made of a noun and a localiser (厂里 tagged n, 车上 and 体内 s), so
    /// the string's end read as a noun rather than as 里, 上, 内 after one.
    @Test("a string ending in a word of place made of a noun and a localiser (厂里, 车上, 体内) is a phrase saying where, not a term")
    func placeWordsEndPhrases() throws {
        let proposals = try Self.proposals([
            "修车厂里有两台举升机，修车厂里的师傅都会换刹车片。", "修车厂里也卖轮胎。",
            "长途大巴车上不能吃泡面，长途大巴车上太闷了。", "试验兔体内的抗体浓度很高，试验兔体内也查到了炎症。",
            "离心泵（centrifugal pump）要定期保养，离心泵坏了整条线就停。",
        ]).map(\.zh)
        for phrase in ["修车厂里", "长途大巴车上", "大巴车上", "试验兔体内"] {
            #expect(!proposals.contains(phrase), "\(phrase) in \(proposals)")
        }
        #expect(proposals.contains("离心泵"), "\(proposals)")
    }

    /// Trial76's keyboard blog: `有聲段落軸，英文圈叫 clicky switch` gave the English alone: who
    /// uses the English name may stand between 英文 and 叫 (英文我们一般叫), and a language's
    /// community (圈, 世界) was not among them.
    @Test("a language's community between its name and the naming verb (英文圈叫, 英语世界叫) names the term before it")
    func languageCommunitiesName() throws {
        let glosses = try Self.proposals([
            "那种会响的叫段落轴，英文圈叫 tactile bump，手感很明显。", "美拉德反应，英语世界叫 Maillard reaction，肉烤了会变香。",
            "榫卯结构，英文圈一般叫 mortise and tenon，不用钉子。",
        ]).filter { $0.kind == .gloss }
        #expect(Set(glosses.map { "\($0.zh)|\($0.en)" }) == ["段落轴|tactile bump", "美拉德反应|Maillard reaction", "榫卯结构|mortise and tenon"], "\(glosses.map(\.zh))")
    }

    /// Trial76's hydrogeology interview: `…的岩层或砂层，我们叫含水层（aquifer）` gave 砂层 as a
    /// second Chinese name of aquifer: the noun after 或 is one of two things the name is given
    /// to, as heldout20's `会跟水反应，也就是水解` (水反应 after 跟, with) is what happens, not a name.
    @Test("the noun after a conjunction or 跟 before a naming clause is no second name of the term named")
    func coordinatedNounsAreNoOtherName() throws {
        let glosses = try Self.proposals([
            "墙里的钢筋或钢丝网，我们叫加强筋（reinforcement）。", "叶片会跟空气摩擦，也就是气动加热（aerodynamic heating）。",
            "老师傅说的陶坯和瓷坯，我们行内叫生坯（green body）。", "车间里的隔板或者挡板，我们叫导流板（baffle）。",
        ]).filter { $0.kind == .gloss }
        #expect(Set(glosses.map(\.zh)) == ["加强筋", "气动加热", "生坯", "导流板"], "\(glosses.map(\.zh))")
        #expect(glosses.allSatisfy { $0.variants.isEmpty }, "\(glosses.map(\.variants))")
    }

    /// Trial71's volcanology podcast: `…，印尼语叫 lahar，…` paired the clause after the English
    /// and not the term before it: only a few languages' names (法语叫, 拉丁文叫) were markers.
    @Test("any language's name before a naming verb and Latin letters names the term before it, not the clause after")
    func namesInAnyLanguage() throws {
        let glosses = try Self.proposals([
            "熔岩原，冰岛语叫 hraun，表面很粗糙。", "海啸，日语叫 tsunami，是从港口得名的。", "那个砂锅菜，韩语里一般叫 jeongol，汤比较多。",
            "他那篇东西，论文叫 deep sets，没什么人看。",
        ]).filter { $0.kind == .gloss }.map { "\($0.zh)|\($0.en)" }
        #expect(Set(glosses) == ["熔岩原|hraun", "海啸|tsunami", "砂锅菜|jeongol"], "\(glosses)")
        // Trial72's singing explainer proposed 意大利语 as a term and mapped it as a hub.
        let terms = try Self.proposals(["老师说意大利语的元音很纯。", "学美声要先学一点意大利语，意大利语的辅音也很清楚。", "连音，意大利语叫 legato，要唱得连贯。"])
        #expect(terms.map(\.zh) == ["连音"], "\(terms.map(\.zh))")
    }

    /// Heldout22's captions said `技术组长叫 technical controller` (a naming verb, no comma): no
    /// Chinese was read. With commas elsewhere, `称为 climb milling，效率高` paired the remark
    /// after it (效率高, one rare word in jieba's list), and `coxswain，坐在船尾` what the
    /// coxswain does.
    @Test("a naming verb with no comma names its subject or the name after it; what follows the English is no name when it is a remark or a predicate")
    func namingVerbsWithoutComma() throws {
        let glosses = try Self.proposals([
            "赛艇上负责掌舵的舵手叫 coxswain，坐在船尾。",
            "这种桨叫单叶桨 single blade，划独木舟用。",
            // A generic noun, a demonstrative's noun, a speaker, a kind after a measure word.
            "有个技术叫 eskimo roll，翻船以后用。",
            "这个动作叫 draw stroke，往侧面拉。",
            "美国人叫 spray deck，挡水用的。",
            "英国那边有个词叫 put-in，很常用。",
            "这种划法称为 sweep rowing，效率高。",
        ]).filter { $0.kind == .gloss }.map { "\($0.zh)|\($0.en)|\($0.abbreviation)|\($0.variants.joined(separator: ","))" }
        #expect(Set(glosses) == ["舵手|coxswain||", "单叶桨|single blade||"], "\(glosses)")
    }

    /// Trial70's glacier captions named 探地雷达: jieba cuts it 探|地|雷达, and 地 read as the
    /// adverbial particle ended the term at 雷达 (a bracket gloss gave no Chinese at all).
    @Test("地 or 得 before a noun is a character of the term, not a particle; before a verb it stays a particle")
    func particlesBeforeNouns() throws {
        let cases: [(lines: [String], term: String)] = [
            (["工地上先用探地雷达（ground penetrating radar）找管线。"], "探地雷达"),
            (["他仔细地检查（inspection）了一遍。"], "检查"),
        ]
        try Self.expectGlossTerms(cases)
    }

    /// Trial71's Taiwanese pottery article wrote the aspect marker as Taiwan does, 著 (接著上拉坯機):
    /// 著 is a Simplified character too (著名), so read one for one it stayed 著, 接著 was no
    /// word, and the gloss took 著 in. Outside the words where it is zhù it is read as 着.
    @Test("Taiwan's 著 after a verb is the aspect marker 着 and ends no term; in 顯著 it is zhù")
    func taiwaneseAspectMarker() throws {
        let cases: [(lines: [String], term: String)] = [
            (["隨著含水率（moisture content）下降，木材會收縮。"], "含水率"),
            (["我們沿著晶界（grain boundary）觀察裂紋。"], "晶界"),
            (["大家盯著溫度計（thermometer）看。"], "溫度計"),
            (["他的專著討論顯著性檢定（significance test）。"], "顯著性檢定"),
        ]
        try Self.expectGlossTerms(cases)
    }

    /// Trial70's glacier captions said an acronym and its expansion after the term with spaces
    /// alone (`探地雷达 GPR ground penetrating radar`): they were read as one English name, or
    /// as none, and jieba's 探|地|雷达 read as a phrase (地 a particle).
    @Test("an acronym said with its expansion in one segment abbreviates it; 地 before a noun makes no phrase")
    func acronymWithItsExpansion() throws {
        let glosses = try Self.proposals([
            "卫星上装的是合成孔径雷达 SAR synthetic aperture radar 白天晚上都能拍",
            "冰面下面用探地雷达 GPR ground penetrating radar 扫一遍 探地雷达很准",
            "最后测一下溶解氧，dissolved oxygen DO，每天早上测。",
        ]).filter { $0.kind == .gloss }.map { "\($0.zh)|\($0.en)|\($0.abbreviation)" }
        #expect(Set(glosses) == [
            "合成孔径雷达|synthetic aperture radar|SAR", "探地雷达|ground penetrating radar|GPR", "溶解氧|dissolved oxygen|DO",
        ], "\(glosses)")
    }

    /// Heldout22's nuclear-medicine Q&A: `回旋加速器（cyclotron）` gave 加速器 and
    /// `放射药师（radiopharmacist）` 药师: one English word, calqued part by part, was sized as one.
    @Test("an English word of classical parts Chinese renders word by word (radio|chemistry) sizes the term by its parts; a part bound to the next character (cardio-) does not")
    func classicalPartsSizeTheTerm() throws {
        let cases: [(lines: [String], term: String)] = [
            (["这家药厂自己有回旋加速器（cyclotron）。"], "回旋加速器"),
            (["老张是做放射化学（radiochemistry）的。"], "放射化学"),
            (["这个月要学习心肺复苏（cardiopulmonary resuscitation）。"], "心肺复苏"),
        ]
        try Self.expectGlossTerms(cases)
        #expect(GlossMiner.classicalParts(of: "polysomnography") == 3 && GlossMiner.classicalParts(of: "pulmonary") == 1)
    }

    /// A clause of time before a marker (`检查蜂螨的时候，英文缩写 IPM`) was read as the term.
    @Test("a term ends in no word that ends a clause of time or condition (的时候, 以后)")
    func noTermEndsAClause() throws {
        let glosses = try Self.proposals(["检查蜂螨的时候，英文缩写 IPM。", "熏蒸以后，英文叫 fumigation。"]).filter { $0.kind == .gloss }
        #expect(glosses.isEmpty, "\(glosses.map(\.zh))")
    }

    /// Heldout17's orthodontics FAQ: `快速扩弓器（rapid palatal expander）` gave 弓器 (扩 read as
    /// the predicate after an adverb) and `自锁托槽（self-ligating bracket）` gave 托槽 (锁 read as
    /// a verb governing a word the text uses alone).
    @Test("a verb naming an instrument with its object (扩管器) and a verb after a prefix it makes a word with (自攻, 预热) start no predicate")
    func instrumentAndPrefixedVerbs() throws {
        let cases: [(lines: [String], term: String)] = [
            (["管口要先扩管器（tube expander）撑一下。"], "扩管器"),
            (["装板子用自攻螺丝（self-tapping screw），螺丝不用打孔。螺丝要备，螺丝别滑牙。"], "自攻螺丝"),
        ]
        try Self.expectGlossTerms(cases)
    }

    /// Heldout17's seismic podcast glossed `铅芯橡胶支座（lead rubber bearing，LRB）` once, then
    /// `这种支座（LRB）`: the anaphor, its head used often, won, and the term was lost.
    @Test("a gloss after a demonstrative (这种导轨（RLG）) refers back to the longer term glossed alike, however seldom that recurs")
    func demonstrativeGlossRefersBack() throws {
        let glosses = try Self.proposals([
            "这台机床的滑台用了滚柱直线导轨（roller linear guide，RLG）。", "这种导轨（RLG）刚性好，导轨要防尘，导轨最怕铁屑。",
        ]).filter { $0.kind == .gloss }.map { "\($0.zh)|\($0.en)|\($0.abbreviation)" }
        #expect(glosses == ["滚柱直线导轨|roller linear guide|RLG"], "\(glosses)")
    }

    /// Heldout17's radio podcast wrote `短波（HF，3～30 MHz）`, an abbreviation and its range,
    /// and `舌侧固定保持器（fixed lingual retainer），也叫舌侧丝`, where the other name's size
    /// (one word) cut the term to 保持器.
    @Test("a bracket's abbreviation followed by an amount is a gloss; a gloss between two names sizes the first by its English, not by the other name")
    func amountAsideAndGlossBetweenNames() throws {
        let band = try Self.proposals(["业余频段里用得最多的是中频（MF，0.3～3 MHz）以外的频段。", "中频晚上传得远，中频天线很长。"])
            .filter { $0.kind == .gloss }.map { "\($0.zh)|\($0.en)|\($0.abbreviation)" }
        #expect(band == ["中频||MF"], "\(band)")
        let named = try Self.proposals(["船尾有一套舱底自动排水泵（automatic bilge pump），也叫底泵，进水就启动。"])
            .filter { $0.kind == .gloss }.map { "\($0.zh)|\($0.en)|\($0.variants.joined(separator: ","))" }
        #expect(named == ["舱底自动排水泵|automatic bilge pump|底泵"], "\(named)")
    }

    /// Trial63's solar forum glossed `容量大約 10 瓩（kWp）` and proposed `10 瓩`, an amount.
    @Test("a unit of one character after a number, glossed by its symbol (or, after Chinese numerals, its English name), is the term without the number")
    func unitAfterNumber() throws {
        let zh = try Self.proposals(["这台电机功率 5 瓩（kW），够用了。", "屏幕是 27 吋（in）的。"]).filter { $0.kind == .gloss }.map { "\($0.zh)|\($0.en)" }
        #expect(zh.sorted() == ["吋|in", "瓩|kW"], "\(zh)")
        // After Chinese numerals, glossed by the unit's English name (heldout15's 超過二十節（knots）).
        let knots = try Self.proposals(["顺风时船速能超过十五节（knots）。"]).filter { $0.kind == .gloss }.map { "\($0.zh)|\($0.en)" }
        #expect(knots == ["节|knots"], "\(knots)")
    }

    /// Trial62's piano class glossed `钢琴调律（piano tuning）` and got 琴调律: the character
    /// before the term was taken in as the start of a longer name, though it ends the word 钢琴.
    @Test("a term is not extended by the last character of the word before it (钢琴|调律 is never 琴调律)")
    func noCharacterFromTheWordBefore() throws {
        let zh = try Self.proposals(["这周我们去学钢琴调律（piano tuning），老师傅很严格。", "每台琴要做两遍调律，调律完再检查。"])
            .filter { $0.kind == .gloss }.map(\.zh)
        #expect(zh.count == 1 && ["调律", "钢琴调律"].contains(zh[0]), "\(zh)")
    }

    /// Trial63: `Voc 就是開路電壓沒錯` gave 開路電壓沒錯, and `测试压片（test pressing，简称 TP）`
    /// put TP among the English names rather than in the abbreviation.
    @Test("a word of assent or a question particle ends the sentence, not the name after 就是; a short form after 简称 in the bracket whose letters agree is the abbreviation")
    func assentAndShortFormInBracket() throws {
        let glosses = try Self.proposals([
            "请问 ATF 就是自动变速箱油吗？", "对，ATF 就是自动变速箱油没错，ATF 要定期换。",
            "量产前先送首件样品（first article，简称 FA），客户签字后量产。FA 不过不能量产。",
        ]).filter { $0.kind == .gloss }.map { "\($0.zh)|\($0.en)|\($0.abbreviation)|\($0.variants.joined(separator: ","))" }
        #expect(glosses.sorted() == ["自动变速箱油||ATF|", "首件样品|first article|FA|"], "\(glosses)")
    }

    /// Trial63's solar forum glossed `組串的開路電壓（open-circuit voltage）` and got the whole
    /// phrase: any hyphenated modifier let the term reach back over 的.
    @Test("only a relational hyphenated modifier (rule-based, X-driven) reaches back over 的; a compound adjective (open-circuit) does not")
    func relationalModifiersOnly() throws {
        let glosses = try Self.proposals(["测电池的开路电压（open-circuit voltage）前先断开负载。", "再看电池的开路电压。", "用基于规则的过滤（rule-based filtering）先筛一遍。"])
            .filter { $0.kind == .gloss }.map(\.zh)
        #expect(glosses.sorted() == ["基于规则的过滤", "开路电压"], "\(glosses)")
        #expect(GlossMiner.hasRelationalModifier("data-driven design") && !GlossMiner.hasRelationalModifier("open-circuit voltage"))
    }

    /// Trial60 proposed 容易测 (easy to measure) among a soil lecture's terms.
    @Test("with jieba's word list: a word of propensity (容易, 难以) opens a predicate, at a string's start or inside it")
    func propensityOpensPredicate() throws {
        let zh = try Self.proposals(["这种土容易板结吗？", "很容易板结。黏土容易板结，沙土不容易板结。", "板结的土要深翻。"]).map(\.zh)
        #expect(!zh.contains { $0.contains("容易") }, "\(zh)")
        #expect(zh.contains("板结"), "\(zh)")
    }

    @Test("with jieba's word list: an adverb straight before a noun starts a term (长期|债券); before a verb or adjective it starts a phrase")
    func attributiveAdverbs() throws {
        let turns = [
            "养老金偏爱长期债券。长期债券的久期更长，利率一动，长期债券先跌。", "两国贸易看相对价格，相对价格变了，订单就走。谁掌握相对价格？",
            "这个方案比较稳妥，那个也比较稳妥。", "他们长期坚持锻炼，长期坚持才有效果。",
        ]
        let zh = try Self.proposals(turns).map(\.zh)
        #expect(zh.contains("长期债券") && zh.contains("相对价格"), "\(zh)")
        #expect(!zh.contains { $0.hasPrefix("比较") || $0.hasPrefix("长期坚持") }, "\(zh)")
    }

    @Test("with jieba's word list: a quoted adverb or numeral, a phrase holding a clause word, and a string that cuts a word in two are not proposed; compounds ending in 率 or 维 are")
    func functionWordsAndCutWords() throws {
        let turns = [
            "我们有一个“当然”评估，模型说“当然”太多了。当然，这很正常。", "我们要解决这个问题。先解决这个问题再说，解决这个问题很难。",
            "模型变得更好了，模型变得更快，模型变得便宜，模型变化不大。", "数百万人在用，数百万次调用。",
            "降维之后再聚类，降维很关键，降维要小心。", "波动率上升时，波动率会放大风险，波动率是核心。",
        ]
        let zh = try Self.proposals(turns).map(\.zh)
        for phrase in ["当然", "解决这个问题", "模型变", "数百万"] { #expect(!zh.contains(phrase), "\(phrase) in \(zh)") }
        #expect(zh.contains("降维") && zh.contains("波动率"), "\(zh)")
    }

    @Test("Latin names holding letters beyond ASCII or an ampersand are read whole; an acronym's plural is counted as the acronym")
    func latinNamesBeyondASCII() {
        let turns = [
            "咖啡馆在 Zürich 老城，另一家在 São Paulo。", "Zürich 的店更小，São Paulo 的店更吵。",
            "研发部门（R&D）预算涨了，R&D 的人也多了。", "We shipped three SKUs last year, and the SKU list keeps growing.",
            "新 SKU 上线前要过 Q&A 流程。",
        ]
        let candidates = Discoverer(glossary: nil).discover([Self.transcript(turns)])
        let names = Dictionary(candidates.map { ($0.en + $0.abbreviation, $0.count) }, uniquingKeysWith: max)
        #expect(names["Zürich"] == 2 && names["São Paulo"] == 2, "\(names)")
        #expect(names["R&D"] != nil && names["SKU"] == 3, "\(names)")
        for fragment in ["Z", "rich", "S", "Paulo", "R", "D", "SKUs", "Q"] { #expect(names[fragment] == nil, "\(fragment) in \(names)") }
        // A lower-case word with an accent used once is no name (naïve), as plain lower-case
        // words are not.
        let once = Discoverer(glossary: nil).discover([Self.transcript(["这个想法太naïve了，不过可以试试。", "试试看。"])])
        #expect(!once.contains { $0.en == "naïve" }, "\(once.map(\.en))")
        // Offsets are unchanged by the view: the names' bytes are the text's own.
        let text = Array("见 Zürich 和 AT&T，书由 Faber & Faber 出，藏于 Musée du Louvre。".utf8)
        #expect(Discoverer.latinNames(in: text).map { String(decoding: text[$0.range], as: UTF8.self) } == ["Zürich", "AT&T", "Faber & Faber", "Musée du Louvre"])
        // A slash between capitals too (a shipping article gave House B and Master B).
        let slashes = Array("分清 Master B/L 和 House B/L，按 km/h 算。".utf8)
        #expect(Discoverer.latinNames(in: slashes).map { String(decoding: slashes[$0.range], as: UTF8.self) } == ["Master B/L", "House B/L"])
        let longer = Array("藏于 Musée des Beaux-Arts 和 Museo del Prado。".utf8)
        #expect(Discoverer.latinNames(in: longer).map { String(decoding: longer[$0.range], as: UTF8.self) } == ["Musée des Beaux-Arts", "Museo del Prado"])
        // A capitalised word and the lower-case words after it, one run of English in Chinese
        // text, are one name (a trial's Varroa mite gave Varroa); in English text, or followed
        // by more English, they are not.
        let runs = Array("用 Kalman filter 估计，Kalman 很老。先看 Monte Carlo 和 Gaussian process regression，再说 We use Kalman filter here.".utf8)
        #expect(Discoverer.latinNames(in: runs).map { String(decoding: runs[$0.range], as: UTF8.self) }
            == ["Kalman filter", "Kalman", "Monte Carlo", "Gaussian process regression", "We", "Kalman"])
        // A grade is one digit of a series; a name with a longer number is no grade.
        let series = "ASL1 和 ASL-3 都有，SB 1047 和 SB 1 无关。"
        let count = { (needle: String) in series.components(separatedBy: needle).count - 1 }
        #expect(GlossMiner.isSeriesGrade("ASL1", recurrence: count) && !GlossMiner.isSeriesGrade("SB 1047", recurrence: count))
        // A proposed concept's id keeps the letters without their marks.
        #expect(GlossaryTSV.slug("Øresund Häring Łódź") == "oresund-haring-lodz")
    }

    @Test("a name made an adjective (Tetris-style) is the name, a number opening an English sentence is no part of a name, and a plural acronym ending a name is singular")
    func latinLemmas() {
        #expect(Discoverer.latinLemma("Tetris-style") == "Tetris" && Discoverer.latinLemma("SWE-bench") == "SWE-bench")
        #expect(Discoverer.latinLemma("Edge TPUs") == "Edge TPU" && Discoverer.latinLemma("iOS") == "iOS" && Discoverer.latinLemma("PhDs") == "PhDs")
        let turns = [
            "There is no Tetris-style scoring here. Three SDKs ship with it.", "我们没有 Tetris 那种计分，Tetris 只是参考。",
            "Two SDKs are deprecated, and the SDK docs say so.",
        ]
        let names = Dictionary(Discoverer(glossary: nil).discover([Self.transcript(turns)]).map { ($0.en + $0.abbreviation, $0.count) }, uniquingKeysWith: max)
        #expect(names["Tetris"] == 3 && names["SDK"] == 3, "\(names)")
        for wrong in ["Tetris-style", "Three SDK", "Two SDK", "Two SDKs", "SDKs"] { #expect(names[wrong] == nil, "\(wrong) in \(names)") }
    }

    @Test("with jieba's word list, terms written in two scripts with no space (X射线, 5G基站, 宪法AI, CT扫描) are proposed whole; a name's everyday verb, particle or class word, or an amount (70B), makes none")
    func mixedScriptTerms() throws {
        for quantity in ["70B", "1.5B", "128K", "2T", "100M"] { #expect(Discoverer.isQuantity(quantity), "\(quantity)") }
        for name in ["4K", "5G", "3D", "H100", "B2B", ".5B", "GPT"] { #expect(!Discoverer.isQuantity(name), "\(name)") }
        let turns = [
            "医院先拍X射线，再做**CT影像**。X射线便宜，CT影像贵。", "城里的5G基站越来越多，5G基站耗电大。",
            "他们提出宪法AI，宪法AI让模型自己批评自己。", "AGI带来变化，AGI带来机会。Notion的设计好，Notion的文档也好。",
            "我在Notion公司工作，Notion公司不大。", "先做CT扫描，CT扫描要十分钟。零件用3D打印，3D打印很快。",
            "GPT发布以后，大家说GPT发布得太早。70B模型太大，70B模型跑不动；128K上下文够长，128K上下文很贵。",
        ]
        let candidates = try Self.proposals(turns)
        let terms = Dictionary(candidates.filter { $0.kind == .term }.map { ($0.zh, $0.count) }, uniquingKeysWith: max)
        #expect(terms["X射线"] == 2 && terms["CT影像"] == 2 && terms["5G基站"] == 2 && terms["宪法AI"] == 2, "\(terms)")
        #expect(terms["CT扫描"] == 2 && terms["3D打印"] == 2, "\(terms)")
        for phrase in ["AGI带来", "Notion公司", "5G基站耗电", "GPT发布", "70B模型", "128K上下文"] { #expect(terms[phrase] == nil, "\(phrase) in \(terms)") }
        // Without the list there is no telling a noun from a verb: none are proposed.
        let without = Discoverer(glossary: nil).discover([Self.transcript(turns)]).map(\.zh)
        #expect(!without.contains("X射线") && !without.contains("AGI带来"), "\(without)")
    }

    @Test("with jieba's word list, a letter or numeral and its classifier take the words after it (M型矮星, II型糖尿病, A类人才); the Chinese after the classifier is no term of its own")
    func classifiedMixedScriptTerms() throws {
        let turns = [
            "M型矮星数量最多，M型矮星的耀斑很强。", "II型糖尿病比I型糖尿病常见，II型糖尿病和生活方式有关。",
            "他只招A类人才，A类人才会吸引A类人才。", "I型糖尿病要打胰岛素。",
        ]
        let candidates = try Self.proposals(turns)
        let terms = Dictionary(candidates.filter { $0.kind == .term }.map { ($0.zh, $0.count) }, uniquingKeysWith: max)
        #expect(terms["M型矮星"] == 2 && terms["II型糖尿病"] == 2 && terms["I型糖尿病"] == 2 && terms["A类人才"] == 3, "\(terms)")
        for fragment in ["型矮星", "型糖尿病", "类人才", "M型", "A类"] { #expect(terms[fragment] == nil, "\(fragment) in \(terms)") }
        // One space between the scripts, as many writers put one (T 细胞, 信使 RNA).
        let spaced = try Self.proposals(["活化的 T 细胞会增殖，T 细胞也会耗竭。", "疫苗用信使 RNA 编码抗原，信使 RNA 很不稳定。", "T 的含义是胸腺。"])
        let spacedTerms = Dictionary(spaced.filter { $0.kind == .term }.map { ($0.zh, $0.count) }, uniquingKeysWith: max)
        #expect(spacedTerms["T 细胞"] == 2 && spacedTerms["信使 RNA"] == 2, "\(spacedTerms)")
        #expect(spacedTerms["T 的"] == nil, "\(spacedTerms)")
    }

    @Test("with jieba's word list, two terms joined by a conjunction are a coordination, not a term; a word holding the character (调和) is no conjunction")
    func coordinations() throws {
        let turns = [
            "烘焙度和萃取率决定风味。烘焙度和萃取率要一起调。", "我们记录烘焙度和萃取率，再看烘焙度。",
            "调和平均数更稳，调和平均数不怕极端值。", "我们报告调和平均数。",
        ]
        let zh = try Self.proposals(turns).map(\.zh)
        #expect(!zh.contains("烘焙度和萃取率") && !zh.contains("度和萃取率"), "\(zh)")
        #expect(zh.contains("烘焙度") && zh.contains("调和平均数"), "\(zh)")
        // 去 as a prefix starts a term; 来 and 到 before a verb open a clause.
        let prefixed = try Self.proposals([
            "去中心化很难，去中心化交易所不少。", "我们讨论去中心化。", "我们来描述一下，来描述风险，再来描述收益。",
        ]).map(\.zh)
        #expect(prefixed.contains("去中心化") && !prefixed.contains("来描述"), "\(prefixed)")
    }

    @Test("with jieba's word list, two Chinese names the text gives one concept are one proposal; 就是 only between recurring terms")
    func chineseAppositions() throws {
        let turns = [
            "大模型就是大语言模型，大模型现在很火。", "大语言模型需要很多数据。阿司匹林，也就是乙酰水杨酸，是老药。",
            "阿司匹林很便宜，阿司匹林又称醋柳酸。", "问题就是数据不够，我觉得问题就是这样。", "模型，也就是奖励模型，给回答打分。",
            "掩膜版（reticle）又称光刻版，掩膜版很贵。", "这种材料叫光敏树脂（photopolymer），又稱「感光胶」，感光胶怕光。",
            "监管要打破刚性兑付（俗称“刚兑”），刚兑会慢慢消失。",
        ]
        let candidates = try Self.proposals(turns)
        let glosses = candidates.filter { $0.kind == .gloss }.map { ([$0.zh] + $0.variants).joined(separator: "=") }
        #expect(glosses.contains("大模型=大语言模型") || glosses.contains("大语言模型=大模型"), "\(glosses)")
        // Both other names of one term are variants of one proposal.
        #expect(glosses.contains("阿司匹林=乙酰水杨酸=醋柳酸"), "\(glosses)")
        // A bracketed gloss between the two names (before, the second name was lost).
        #expect(glosses.contains("掩膜版=光刻版"), "\(glosses)")
        // Another name in the bracket after the term, with its marker.
        #expect(glosses.contains("刚性兑付=刚兑"), "\(glosses)")
        // The other name in corner brackets, as Traditional text quotes it; both names on the
        // English gloss's row, though the text uses the other more.
        #expect(glosses.contains("光敏树脂=感光胶") && !glosses.contains("感光胶=光敏树脂"), "\(glosses)")
        #expect(candidates.contains { $0.zh == "光敏树脂" && $0.en == "photopolymer" && $0.variants == ["感光胶"] }, "\(glosses)")
        #expect(!glosses.contains { $0.contains("问题") || $0.contains("数据不够") || $0.contains("奖励模型") }, "\(glosses)")
        // The variant is no proposal of its own, and glossary rows carry it as a variant.
        #expect(!candidates.contains { $0.kind == .term && ($0.zh == "大语言模型" || $0.zh == "大模型") }, "\(candidates.map(\.zh))")
        let rows = DiscoveryListing.glossaryRows(candidates, limit: 50)
        #expect(rows.split(separator: "\n").contains { $0.contains("阿司匹林") && $0.contains("乙酰水杨酸") }, "\(rows)")
    }

    @Test("one Chinese name glossed twice, the English sides agreeing, is one proposal; so is a gloss of another's variant in the same English")
    func glossesOfOneConcept() throws {
        let candidates = try Self.proposals([
            "货物入库时用仓储管理系统（WMS）登记。", "| 术语 | 英文 |\n|---|---|\n| 仓储管理系统 | warehouse management system |\n| 越库 | cross-docking |",
            "冷藏车，又称冷藏运输车（refrigerated truck，RT），要定期检修。", "| 冷藏车 | refrigerated truck |\n| 越库 | cross-docking |", "冷藏车不够，冷藏车很贵。",
        ]).filter { $0.kind == .gloss }
        let rows = candidates.map { "\($0.zh)|\($0.en)|\($0.abbreviation)|\($0.variants.joined(separator: ","))" }
        #expect(rows.filter { $0.hasPrefix("仓储管理系统|") } == ["仓储管理系统|warehouse management system|WMS|"], "\(rows)")
        // The name used more leads; the bracket followed the other.
        #expect(rows.filter { $0.contains("refrigerated truck") } == ["冷藏车|refrigerated truck|RT|冷藏运输车"], "\(rows)")
        // An acronym spelled out in English first and glossed in Chinese later: the Chinese is
        // the concept's name, not only a variant, so a glossary row has its Chinese column.
        let englishFirst = try Self.proposals(["每周测一次 COD（chemical oxygen demand），偏高就减进水。", "COD 就是化学需氧量。", "COD 降下来了。"])
            .filter { $0.kind == .gloss }.map { "\($0.zh)|\($0.en)|\($0.abbreviation)|\($0.variants.joined(separator: ","))" }
        #expect(englishFirst == ["化学需氧量|chemical oxygen demand|COD|"], "\(englishFirst)")
    }

    @Test("a gloss counts the uses of whichever of its names the text uses most; renderings of one English name rank by their own uses")
    func glossCountsEveryName() throws {
        let candidates = try Self.proposals([
            "船上装了压载水处理系统（ballast water treatment system，BWTS）。", "BWTS 要年检，BWTS 的滤网常堵，换 BWTS 很贵。",
            "还有船体涂层（hull coating），船体涂层三年一换。", "所谓的船用压载水处理系统（BWTS）也叫压载水处理。",
        ]).filter { $0.kind == .gloss }
        let ranked = candidates.map { "\($0.zh)×\($0.count)" }
        #expect(ranked.first == "压载水处理系统×5", "\(ranked)")
        #expect(ranked.firstIndex(of: "压载水处理系统×5")! < (ranked.firstIndex(where: { $0.hasPrefix("船体涂层") }) ?? ranked.count), "\(ranked)")
        // An acronym's plural in the gloss is the gloss's, not a second proposal in the singular.
        let plural = try Self.proposals(["交易型开放式指数基金（Exchange Traded Funds，ETFs）费率低。", "ETFs 可以场内买，ETFs 跟踪指数。"])
        #expect(plural.map { $0.abbreviation } == ["ETFs"], "\(plural.map { [$0.zh, $0.en, $0.abbreviation] })")
    }

    @Test("after 简称 the full name is the term and the short one its variant, however often the text uses the short one; a gloss of the short one is the full one's")
    func shortFormsStayVariants() throws {
        let candidates = try Self.proposals([
            "局部放电，简称局放，英文是 partial discharge。", "局放很常见，局放检测很重要，局放要早发现。",
        ])
        let glosses = candidates.filter { $0.kind == .gloss }.map { "\($0.zh)|\($0.en)|\($0.variants.joined(separator: ","))" }
        #expect(glosses == ["局部放电|partial discharge|局放"], "\(glosses)")
        #expect(Discoverer.isShortForm("局放", of: "局部放电") && Discoverer.isShortForm("世卫", of: "世界卫生组织"))
        // Another name that is no short form keeps its own gloss (未来函数 ~ 前视偏差).
        #expect(!Discoverer.isShortForm("前视偏差", of: "未来函数") && !Discoverer.isShortForm("放电", of: "局部放电"))
        // The full name runs from the word holding the short form's first character, over a verb
        // inside it (推进|…, 整合), back to the nouns before; a place name takes no prefix (去).
        let names = try Self.proposals([
            "市里在推进汽车报废更新补贴，简称报废补贴。", "台北捷運公司推動電子票證整合服務，簡稱票整。", "周末我们去苏州丝绸博物馆，简称丝博，丝博很小。",
        ]).filter { $0.kind == .gloss }.map { "\($0.zh)|\($0.variants.joined(separator: ","))" }
        #expect(names.contains("汽车报废更新补贴|报废补贴") && names.contains("電子票證整合服務|票整") && names.contains("苏州丝绸博物馆|丝博"), "\(names)")
        // Not from a verb before it, however the short form sizes it; and a short form may be
        // the full name's end.
        let more = try Self.proposals([
            "污水先流入膜生物反应器，简称膜反应器，膜反应器要常洗。", "厂里建成园区能源管理平台，简称能源管理平台，能源管理平台很好用。",
        ]).filter { $0.kind == .gloss }.map { "\($0.zh)|\($0.variants.joined(separator: ","))" }
        #expect(more.contains("膜生物反应器|膜反应器") && more.contains("园区能源管理平台|能源管理平台"), "\(more)")
    }

    @Test("an abbreviation the glossary knows names its concept only when the text's expansion shares a word with the concept's English")
    func abbreviationHomonyms() {
        let known = try! Glossary(concepts: [
            Concept(id: "ai-safety-levels", category: "safety", zh: "AI安全级别", en: "AI Safety Levels", abbreviations: ["ASL"]),
            Concept(id: "responsible-scaling-policy", category: "policy", zh: "负责任扩展政策", en: "responsible scaling policy", abbreviations: ["RSP"]),
        ])
        let candidates = Discoverer(glossary: known).discover([Self.transcript([
            "美国手语（American Sign Language，ASL）和中国手语不同。", "他们的负责任扩展计划（Responsible Scaling Plan，RSP）很重要。",
        ])])
        let signLanguage = candidates.first { $0.en == "American Sign Language" }
        #expect(signLanguage != nil && signLanguage?.variantOf == nil, "\(candidates.map { ($0.zh, $0.en, $0.variantOf) })")
        #expect(signLanguage?.reason.contains("ai-safety-levels") == true)
        #expect(candidates.first { $0.en == "Responsible Scaling Plan" }?.variantOf == "responsible-scaling-policy", "\(candidates.map { ($0.zh, $0.en, $0.variantOf) })")
    }

    @Test("a recurring string one inner character from another is its variant, among proposals and against the glossary")
    func oneCharacterVariants() throws {
        let general = try Self.generalWords()
        let turns = [
            "自我博弈很重要。我们用自我博弈训练，自我博弈让模型变强。", "对，自博弈很常见。围棋里自博弈效果好，靠自我博弈。",
            "非对称很难。我们做非对称，非对称是关键。",
        ]
        let candidates = try Self.proposals(turns)
        let selfPlay = try #require(candidates.first { $0.zh == "自我博弈" }, "\(candidates.map(\.zh))")
        #expect(selfPlay.variants == ["自博弈"] && !candidates.contains { $0.zh == "自博弈" })
        let json = String(decoding: DiscoveryListing.json(candidates, limit: 10), as: UTF8.self)
        #expect(json.contains(#""variants":["自博弈"]"#), "\(json)")
        let known = try Glossary(concepts: [Concept(id: "self-play", category: "technique", zh: "自我博弈", en: "self-play")])
        let against = Discoverer(glossary: known, generalWords: general).discover([Self.transcript(Array(turns.dropFirst()))])
        #expect(against.first { $0.zh == "自博弈" }?.variantOf == "self-play", "\(against.map { ($0.zh, $0.variantOf) })")
        #expect(Discoverer.isOneInnerDeletion(Array("规模化定律".unicodeScalars), of: Array("规模定律".unicodeScalars)))
        #expect(!Discoverer.isOneInnerDeletion(Array("人工智能安全".unicodeScalars), of: Array("人工智能安".unicodeScalars)))
    }

    @Test("with jieba's word list: a string that starts inside a word (物医院 of 动物医院) and a surname with a title (周医生) are not proposed")
    func fragmentsAndPeople() throws {
        let turns = [
            "城东动物医院今天很忙，周医生先说说。", "周医生：好的，城东动物医院收治了幼犬。", "动物医院里幼犬最多，幼犬要打疫苗。",
        ]
        let zh = try Self.proposals(turns).map(\.zh)
        #expect(!zh.contains("物医院") && !zh.contains("周医生"), "\(zh)")
        // A function character inside a word of the list at the edge is no phrase edge (对象|池).
        let pools = try Self.proposals(["用对象池吧，对象池我写过。", "对象池可以复用。"]).map(\.zh)
        #expect(pools.contains("对象池"), "\(pools)")
        #expect(zh.contains("幼犬"), "\(zh)")
        // A department, a surname and a title, and a surname and 科长 (a helper's procurement
        // minutes proposed 检验科孙主任 and 周科长).
        let staff = try Self.proposals(["放射科吴主任说设备要换，放射科吴主任签了字。", "总务科郑科长也来了，郑科长管采购。", "放射科的设备最多。"]).map(\.zh)
        #expect(!staff.contains("放射科吴主任") && !staff.contains("郑科长") && !staff.contains("总务科郑科长"), "\(staff)")
        // A title and then a full name, the title one of the list or one it lacks (a trial's
        // wine interview proposed 酿酒师陈静).
        let guests = try Self.proposals([
            "今天请到调香师周岚和药剂师韩冬，还有修表师傅冯远。", "调香师周岚做了十年香水，药剂师韩冬管药房，修表师傅冯远修表。",
            "调香师周岚先讲前调，药剂师韩冬再讲，修表师傅冯远最后讲。",
        ]).map(\.zh)
        #expect(!guests.contains("调香师周岚") && !guests.contains("药剂师韩冬") && !guests.contains("修表师傅冯远"), "\(guests)")
    }

    @Test("with jieba's word list: strings after a digit (3|期临床) or starting with a lone derivational suffix (中|度|贫血) are fragments; a term's second Chinese name joins its English gloss")
    func fragmentsOfMixedAndSuffixedWords() throws {
        let turns = [
            "新药进入3期临床，3期临床要招很多人。", "轻度贫血的犬只多见，重度贫血要输血，中度贫血先观察。",
            "这种病叫犬细小病毒肠炎（canine parvovirus enteritis，CPV）。", "犬细小病毒肠炎，也就是过去常说的犬细小病毒病，传染很快。",
            "犬细小病毒肠炎要隔离，犬细小病毒肠炎死亡率高。",
        ]
        let proposals = try Self.proposals(turns)
        let zh = proposals.map(\.zh)
        #expect(!zh.contains("期临床") && !zh.contains("度贫血"), "\(zh)")
        let gloss = proposals.filter { $0.zh == "犬细小病毒肠炎" }
        #expect(gloss.count == 1 && gloss.first?.abbreviation == "CPV" && gloss.first?.variants == ["犬细小病毒病"], "\(proposals.map { ($0.zh, $0.en, $0.abbreviation, $0.variants) })")
        // Its parts used only inside it are no proposals of their own.
        #expect(!zh.contains("细小病毒肠炎") && !zh.contains("病毒肠炎"), "\(zh)")
    }

    /// Before, an English subtitle line gave the names "Under the Paris Agreement" and "These NDCs".
    @Test("a word that only opens English sentences is no part of the name after it; inside a sentence, names stay whole")
    func sentenceOpenersAreNoNames() {
        let text = Array("Under the Kyoto Protocol, targets were binding.\nThese NDCs are updated.\nThe Bitter Lesson is short. We read Under Armour reports.".utf8)
        let names = Discoverer.latinNames(in: text).map { String(decoding: text[$0.range], as: UTF8.self) }
        #expect(names.contains("Kyoto Protocol") && names.contains("NDCs") && names.contains("The Bitter Lesson"), "\(names)")
        #expect(!names.contains { $0.hasPrefix("Under the") || $0.hasPrefix("These") }, "\(names)")
        // Not opening a sentence, the word is part of a name.
        #expect(names.contains("Under Armour"), "\(names)")
    }

    /// A conveyancing Q&A (a helper's new-user trial) proposed 簽臨時買賣合約 beside its gloss.
    @Test("a one-character verb before a stated name makes no term of its own")
    func verbBeforeStatedNameIsNoTerm() throws {
        let general = try #require(Self.general, "jieba's dict.txt is missing: Scripts/install-deps installs python3-jieba")
        let turns = ["双方下周签正式租约（lease agreement）。", "签正式租约前要验房。", "签正式租约那天带上证件。"]
        let proposals = Discoverer(glossary: nil, generalWords: general).discover([Self.transcript(turns)])
        #expect(proposals.contains { $0.zh == "正式租约" && $0.en == "lease agreement" }, "\(proposals.map(\.zh))")
        #expect(!proposals.contains { $0.zh == "签正式租约" }, "\(proposals.map(\.zh))")
    }

    /// The same trial's woodworking subtitles gave 著木紋刨 (from 順著|木紋|刨 and 逆著|木紋|刨).
    @Test("a string starting with or holding an aspect particle (着, Traditional 著) is a verb phrase, no term")
    func aspectParticlesMakePhrases() throws {
        let general = try #require(Self.general, "jieba's dict.txt is missing: Scripts/install-deps installs python3-jieba")
        let turns = ["逆著木紋刨會起毛。", "順著木紋刨才光滑。", "木紋要先看。"]
        let proposals = Discoverer(glossary: nil, generalWords: general).discover([Self.transcript(turns)])
        #expect(!proposals.contains { $0.zh.hasPrefix("著") || $0.zh.contains("著木") }, "\(proposals.map(\.zh))")
    }

    /// Hospital-IT minutes in Taiwan's Traditional Chinese (a helper's new-user trial) gave the
    /// everyday 介面 (mainland 接口) as a term: jieba's list has the mainland's words.
    @Test("Taiwan's everyday words are judged by their mainland form, by OpenCC's tw2sp")
    func taiwanVocabulary() throws {
        let general = try #require(Self.general, "jieba's dict.txt is missing: Scripts/install-deps installs python3-jieba")
        try #require(ChineseConversion.isAvailable, "OpenCC's data is missing: Scripts/install-deps installs it")
        let turns = ["新介面上線了，介面很順。", "舊介面太慢，介面要改。", "資料庫索引要重建，資料庫索引很大。"]
        let proposals = Discoverer(glossary: nil, generalWords: general).discover([Self.transcript(turns)]).map(\.zh)
        #expect(!proposals.contains("介面") && proposals.contains("資料庫索引"), "\(proposals)")
    }

    /// A software interview (a helper's new-user trial) proposed 志明, the given name of the
    /// speaker 吳志明, as a term.
    @Test("a speaker's given name alone is no term")
    func speakersGivenName() throws {
        let general = try #require(Self.general, "jieba's dict.txt is missing: Scripts/install-deps installs python3-jieba")
        let units = ["今天请到工程师周嘉豪。", "嘉豪你好，先聊缓存雪崩。", "谢谢嘉豪，缓存雪崩就聊到这里。"].enumerated().map {
            TranscriptUnit(file: "t.md", index: $0.offset + 1, kind: .turn, speaker: $0.offset == 1 ? "周嘉豪" : "主持人", text: $0.element,
                lineStart: $0.offset + 1, lineEnd: $0.offset + 1)
        }
        let proposals = Discoverer(glossary: nil, generalWords: general).discover([Transcript(file: "t.md", format: .markdown, units: units, notices: [])])
        #expect(!proposals.contains { $0.zh == "嘉豪" } && proposals.contains { $0.zh == "缓存雪崩" }, "\(proposals.map(\.zh))")
        // A Latin-script speaker's first name too (a solar-farm chat proposed Kevin of Kevin Tan).
        let chat = ["Kevin 你把 inverter 的日志发一下。", "好，Kevin 马上发，Grafana 上也有。", "Grafana 那边我看过了。"].enumerated().map {
            TranscriptUnit(file: "c.txt", index: $0.offset + 1, kind: .turn, speaker: $0.offset == 1 ? "Kevin Tan" : "周海涛", text: $0.element,
                lineStart: $0.offset + 1, lineEnd: $0.offset + 1)
        }
        let names = Discoverer(glossary: nil, generalWords: general).discover([Transcript(file: "c.txt", format: .labeled, units: chat, notices: [])]).map(\.en)
        #expect(!names.contains("Kevin") && names.contains("Grafana"), "\(names)")
    }

    /// A woodworking subtitle file (a helper's new-user trial) gave the name "Today I".
    @Test("I in a contraction is the pronoun, no part of a name; a numeral I is")
    func pronounIIsNoName() {
        let text = Array("Today I'll plane the Hinoki board.\nNow I’m gluing it.\nWe cut a Type I joint.".utf8)
        let names = Discoverer.latinNames(in: text).map { String(decoding: text[$0.range], as: UTF8.self) }
        #expect(!names.contains { ($0.hasSuffix(" I") && $0 != "Type I") || $0 == "I" }, "\(names)")
        #expect(names.contains("Hinoki") && names.contains("Type I"), "\(names)")
    }

    @Test("a concept's renderings glossed alike are one proposal, ranked once, before the other concepts' names")
    func otherRenderingsFollow() {
        let turns = ["强大的人工智能（AGI）很快会来。", "超级有用的人工智能（AGI）也是 AGI。", "我们用 Sora 和 Gemini。Sora 很强，Gemini 也是。"]
        let ranked = Discoverer(glossary: nil).discover([Self.transcript(turns)])
        let renderings = ranked.indices.filter { ranked[$0].abbreviation == "AGI" && ranked[$0].kind == .gloss }
        let names = ranked.indices.filter { ["Sora", "Gemini"].contains(ranked[$0].en) }
        #expect(renderings.count == 1 && names.count == 2, "\(ranked.map { $0.zh + $0.en + $0.abbreviation })")
        #expect(renderings.first.map { ranked[$0].variants } == ["超级有用的人工智能"] && renderings.first! < names.min()!, "\(ranked.map { $0.zh + $0.en + $0.abbreviation })")
    }

    @Test("a versioned name written in another word order or with its family name is ranked as another rendering")
    func versionedNameForms() {
        let counts = ["Claude": 24, "Opus": 6, "Sonnet": 7]
        let forms = { (name: String) in Set(Discoverer.nameForms(name) { counts[$0] ?? 0 }) }
        #expect(!forms("Claude 3-5 Sonnet").isDisjoint(with: forms("Sonnet 3.5")))
        #expect(!forms("Claude Opus 3.0").isDisjoint(with: forms("Opus 3")))
        // Other versions, other models of a family, and names without a number stay apart.
        #expect(forms("Claude 3.5").isDisjoint(with: forms("Claude 3.5 Sonnet")))
        #expect(forms("Claude 4").isDisjoint(with: forms("Claude Opus 4")))
        #expect(forms("Opus 3").isDisjoint(with: forms("Opus 3.5")))
        #expect(forms("Golden Gate Claude").isEmpty)
        let turns = ["我们发布了 Sonnet 3.5，Sonnet 3.5 很受欢迎。", "后来大家也叫它 Claude 3-5 Sonnet，还有 Claude 这个名字和 Opus 3。", "Claude 很好，Claude 也快。"]
        let ranked = Discoverer(glossary: nil).discover([Self.transcript(turns)]).map(\.en)
        let sonnet = ranked.firstIndex(of: "Sonnet 3.5"), other = ranked.firstIndex(of: "Claude 3-5 Sonnet"), opus = ranked.firstIndex(of: "Opus 3")
        #expect(sonnet != nil && other != nil && opus != nil && other! > opus!, "\(ranked)")
    }

    @Test("a bilingual export's aligned lines give English–Chinese pairs that recur together")
    func alignedPairs() throws {
        let lines = [
            ("The reticle has to be perfectly clean.", "掩模版必须绝对干净。"),
            ("Any particle on the reticle prints on every die.", "掩模版上的任何颗粒都会印到每一个裸片上。"),
            ("So the pellicle protects the reticle?", "所以防尘薄膜保护掩模版？"),
            ("Yes, the pellicle sits a few millimetres above it.", "对，防尘薄膜悬在它上方几毫米。"),
            ("And the pellicle must survive the heat.", "而且防尘薄膜必须扛得住热量。"),
            ("Heat is the main problem for the reticle too.", "热量也是掩模版的主要问题。"),
        ]
        let text = lines.enumerated().map { "**\($0.offset % 2 == 0 ? "A" : "B")：** \($0.element.0)  \n\($0.element.1)\n" }.joined(separator: "\n")
        let transcript = try TranscriptReader.read(bytes: Array(text.utf8), file: "bilingual.md")
        let aligned = Discoverer(glossary: nil, generalWords: Self.general).discover([transcript]).filter { $0.kind == .aligned }
        #expect(Set(aligned.map { "\($0.zh)|\($0.en)" }) == ["掩模版|reticle", "防尘薄膜|pellicle"], "\(aligned.map(\.reason))")
        // The same Chinese without its English lines gives no pair.
        let chinese = try TranscriptReader.read(bytes: Array(lines.map { "**A：** \($0.1)\n" }.joined(separator: "\n").utf8), file: "zh.md")
        #expect(!Discoverer(glossary: nil).discover([chinese]).contains { $0.kind == .aligned })
        // Each line a turn of its own (`Host: …` / `主持人：…`), and each line a caption of its
        // own (no labels, no blank lines): the pairs are the same.
        let turns = lines.map { "Host: \($0.0)\n主持人：\($0.1)\n" }.joined(separator: "\n")
        let captions = lines.map { "\($0.0)\n\($0.1)\n" }.joined()
        // Pairs as paragraphs (a blank line between them), which the reader joins like a hard wrap.
        let paragraphs = lines.map { "\($0.0)\n\($0.1)\n" }.joined(separator: "\n")
        // Bilingual subtitles with the Chinese line on top of each cue, as those made in China
        // have it (a trial's knee-rehab lecture gave no pair).
        let cues = lines.enumerated().map { "\($0.offset + 1)\n00:00:0\($0.offset),000 --> 00:00:0\($0.offset),900\n\($0.element.1)\n\($0.element.0)\n" }
            .joined(separator: "\n")
        for (name, text) in [("turns.txt", turns), ("captions.txt", captions), ("paragraphs.md", paragraphs), ("chinese-first.srt", cues)] {
            let transcript = try TranscriptReader.read(bytes: Array(text.utf8), file: name)
            let pairs = Discoverer(glossary: nil, generalWords: Self.general).discover([transcript]).filter { $0.kind == .aligned }
            #expect(Set(pairs.map { "\($0.zh)|\($0.en)" }) == ["掩模版|reticle", "防尘薄膜|pellicle"], "\(name): \(pairs.map(\.reason))")
            // Counted in the pairs that hold both names, and in no pair of one cue's English
            // and the next cue's Chinese (a trial's sourdough cues counted 水合率 ×5 for 3).
            #expect(pairs.first { $0.zh == "掩模版" }?.count == 4, "\(name): \(pairs.map(\.reason))")
        }
    }

    /// A glacier lecture's subtitles (a helper's new-user trial) wrote "Ice cores" in one cue
    /// and "an ice core" in another, and 冰芯 went without its English.
    @Test("in aligned lines an English plural is its singular, shown as the text writes the singular")
    func alignedPlurals() throws {
        let lines = [
            ("Weld seams crack under load.", "焊缝在载荷下开裂。"), ("We grind every weld seam before painting.", "刷漆前我们打磨每条焊缝。"),
            ("A weld seam needs an inspection.", "焊缝需要检验。"), ("The inspector signs the sheet.", "检验员在表上签字。"),
            ("Then the frame goes to the paint shop.", "然后框架送去喷漆车间。"), ("The paint dries overnight.", "油漆要干一夜。"),
        ]
        let captions = lines.map { "\($0.0)\n\($0.1)\n" }.joined()
        let transcript = try TranscriptReader.read(bytes: Array(captions.utf8), file: "captions.txt")
        let pairs = Discoverer(glossary: nil, generalWords: Self.general).discover([transcript]).filter { $0.kind == .aligned }
        #expect(pairs.contains { $0.zh == "焊缝" && $0.en == "weld seam" && $0.count == 3 }, "\(pairs.map { "\($0.zh)|\($0.en)|\($0.count)" })")
        #expect(AlignedPairs.singular("boundaries") == "boundary" && AlignedPairs.singular("processes") == "process" && AlignedPairs.singular("glass") == "glass")
        #expect(AlignedPairs.singular("physics") == "physics" && AlignedPairs.singular("branches") == "branch" && AlignedPairs.singular("gas") == "gas")
    }

    /// A kiln class's bilingual cues never paired 长石 with feldspar (each said in three cues):
    /// general Chinese uses 长石 a few times per million words, so it was taken for an
    /// everyday word although its English is rare.
    @Test("aligned lines pair a word general Chinese uses now and then with a rare English name, not with an everyday one")
    func alignedRareEnglish() throws {
        let english = try #require(EnglishWords.load(), "wordfreq's small_en.msgpack.gz is missing: Scripts/install-deps installs wordfreq")
        let lines = [
            ("The most important part of a glaze is feldspar.", "釉料里最重要的是长石。"), ("Feldspar makes the glaze melt in the kiln.", "长石让釉料在窑里熔化。"),
            ("The fire is strong today.", "今天火力很强。"), ("Feldspar and silica together set the hardness.", "长石和二氧化硅一起决定硬度。"),
            ("Check the color after the firing.", "烧完以后检查颜色。"), ("The color of the glaze changes in the fire.", "釉料的颜色在火里会变。"),
        ]
        let captions = lines.enumerated().map { "\($0.offset + 1)\n00:00:0\($0.offset),000 --> 00:00:0\($0.offset),900\n\($0.element.1)\n\($0.element.0)\n" }
            .joined(separator: "\n")
        let transcript = try TranscriptReader.read(bytes: Array(captions.utf8), file: "kiln.srt")
        let pairs = Discoverer(glossary: nil, generalWords: Self.general, englishWords: english).discover([transcript]).filter { $0.kind == .aligned }
        let found = Set(pairs.map { "\($0.zh)|\($0.en)" })
        #expect(found.contains("长石|feldspar"), "\(found)")
        // 颜色 (color) is as common in Chinese as 长石 is rare in English: no pair.
        #expect(!found.contains { $0.hasPrefix("颜色") }, "\(found)")
    }

    /// A trial's sailing interview gave 风换舷 for tack (迎风换舷) and 拉索 for two English names;
    /// the evaluation set's 挂单方 (maker) and 吃单方 (taker) were both 单方: the shorter string
    /// seemed used alone, but its other uses were inside a sibling name (顺风换舷, 吃单方).
    @Test("two names sharing a head keep their own first words: uses inside a sibling name are no uses alone")
    func siblingNames() throws {
        let lexicon = try #require(Self.general?.lexicon, "jieba's dict.txt is missing: Scripts/install-deps installs python3-jieba")
        let turns = [
            "先练正手击球（forehand），正手击球稳定了再练反手击球（backhand）。", "反手击球要转肩。很多人正手击球还行，反手击球就乱了。",
            "击球点要在身体前面，和击球节奏一样重要。",
        ]
        let expected: Set = ["正手击球|forehand", "反手击球|backhand"]
        // Counted in the text itself (one part), and in the corpus's n-grams.
        let stated = Set(GlossMiner.glosses(in: turns.joined(separator: "\n"), lexicon: lexicon).map { "\($0.zh)|\($0.en)" })
        #expect(stated == expected)
        let proposals = Discoverer(glossary: nil, generalWords: Self.general).discover([Self.transcript(turns)]).filter { $0.kind == .gloss }
        #expect(Set(proposals.map { "\($0.zh)|\($0.en)" }) == expected, "\(proposals.map { "\($0.zh)|\($0.en)" })")
        // An everyday verb before the term still governs it where the text uses the term
        // after other verbs too (聊聊|隐形矫治器 beside 认识隐形矫治器).
        let governed = GlossMiner.glosses(in: "今天聊聊隐形矫治器（clear aligner）。先认识隐形矫治器，再说隐形矫治器的价格。", lexicon: lexicon)
        #expect(governed.map(\.zh) == ["隐形矫治器"])
    }

    /// Two trials' interviews gave one Chinese name two English ones: 驗光儀 for autorefractor
    /// and phoropter (自動 and 綜合 are everyday modifiers), 拉索 for outhaul and cunningham.
    @Test("a Chinese name glossed by two unrelated English names was cut to a shared head: each takes in the words before it")
    func headSharedByTwoGlosses() {
        let turns = [
            "我們先用自動驗光儀（autorefractor）量一次，再用綜合驗光儀（phoropter）細調。", "自動驗光儀快，綜合驗光儀準。驗光儀要每年校正。",
            "帆要拉平，主要靠后拉索（outhaul）和下拉索（cunningham）。", "风大了就收紧拉索。",
        ]
        let glosses = Discoverer(glossary: nil, generalWords: Self.general).discover([Self.transcript(turns)]).filter { $0.kind == .gloss }
        let pairs = Set(glosses.map { "\($0.zh)|\($0.en)" })
        #expect(pairs == ["自動驗光儀|autorefractor", "綜合驗光儀|phoropter", "后拉索|outhaul", "下拉索|cunningham"], "\(pairs)")
    }

    /// A closing trial's bonsai forum read `小弟新手一枚 ^^` and `上個月…` as `^^上個月`.
    /// A closing trial's pencil forum proposed QQ from `不會戳破嗎QQ` and `會生鏽QQ`.
    @Test("a forum line ending in an emoticon keeps its line break; QQ ending a line or sentence is an emoticon, elsewhere a name")
    func emoticonEndsLine() throws {
        let transcript = try TranscriptReader.read(
            bytes: Array("樓主：小弟新手一枚 ^^\n上個月買了一盆黑松。\n右邊比較少QQ\n另外樹幹有傷。\n\n網友：先收藏這串 XDD\n明年二月再換盆。\n".utf8), file: "t.txt")
        #expect(transcript.units.map(\.text) == ["樓主：小弟新手一枚 ^^\n上個月買了一盆黑松。右邊比較少QQ\n另外樹幹有傷。", "網友：先收藏這串 XDD\n明年二月再換盆。"])
        let once = try Self.proposals(["黑松右邊比較少QQ", "黑松換盆要早，黑松要曬太陽。"]).map(\.abbreviation)
        #expect(!once.contains("QQ"), "\(once)")
        let lineEnds = try Self.proposals(["固定導管放口袋不會戳破嗎QQ\n黑松換盆要早。", "裡面的彈簧會生鏽QQ。黑松要曬太陽。"]).map(\.abbreviation)
        #expect(!lineEnds.contains("QQ"), "\(lineEnds)")
        let twice = try Self.proposals(["加我QQ聊黑松，黑松換盆要早。", "我的QQ號在簽名檔，黑松要曬太陽。"]).map(\.abbreviation)
        #expect(twice.contains("QQ"), "\(twice)")
    }

    @Test("Latin words are not joined across the lines of a table of contents")
    func tableOfContents() throws {
        let transcript = try TranscriptReader.read(
            bytes: Array("目录\n\n05:07 押注 AGI\n08:01 AI 与人类的分工\n12:30 谁来监管 AGI\n".utf8), file: "t.txt")
        #expect(transcript.units.map(\.text).contains("05:07 押注 AGI\n08:01 AI 与人类的分工\n12:30 谁来监管 AGI"))
        let candidates = Discoverer(glossary: nil).discover([transcript])
        #expect(!candidates.contains { $0.en.contains("AGI 08") || $0.abbreviation.contains("AGI 08") })
        #expect(candidates.first { $0.abbreviation == "AGI" }?.count == 2)
    }

    /// A trial's bilingual sourdough cues never proposed 酸面种 (sourdough starter): 种 was read
    /// as the measure word of 三种 and 这种.
    @Test("a noun and the suffix 种 (seed, starter) is a term; a quantity and 种 is not")
    func seedSuffix() {
        let turns = ["老面种每天都要喂，老面种也可以放冰箱。", "三种面粉都能喂老面种。", "这种酵母种比较稳定，酵母种要先活化。", "酵母种活化以后再用这种办法。"]
        let proposals = Discoverer(glossary: nil, generalWords: Self.general).discover([Self.transcript(turns)]).map(\.zh)
        #expect(proposals.contains("老面种") && proposals.contains("酵母种"), "\(proposals)")
        #expect(!proposals.contains { $0.hasSuffix("三种") || $0.hasSuffix("这种") }, "\(proposals)")
    }

    /// A trial's tunnelling interview never proposed 二次注浆 or 盾尾: 二次 was read as a
    /// quantity and 盾 (a measure word for guilders in jieba's list) as a quantity's tail.
    @Test("二 and a measure word, and a rare measure word that is mostly a noun, start terms; quantities do not")
    func ordinalAndNounMeasures() {
        let turns = ["二次回路要单独接线，二次回路的端子每年紧固。", "株高每周量一次，株高过了一米就打顶。", "两次检查都没过，两次检查隔了一周。", "一盘磁带录满了，一盘磁带九十分钟。"]
        let proposals = Discoverer(glossary: nil, generalWords: Self.general).discover([Self.transcript(turns)]).map(\.zh)
        #expect(proposals.contains("二次回路") && proposals.contains("株高"), "\(proposals)")
        #expect(!proposals.contains { $0.hasPrefix("两次") || $0.hasPrefix("次检查") || $0.hasPrefix("盘磁带") }, "\(proposals)")
    }

    @Test("recurring terms rank before everyday phrases, and fragments of terms are not listed")
    func chineseTerms() {
        let turns = [
            "我们可能会用合成数据做后训练，稀疏自编码器可能会帮助机制可解释性。",
            "合成数据很便宜。后训练需要时间。稀疏自编码器可能会找到特征。",
            "机制可解释性依赖稀疏自编码器，合成数据也可能会有用，后训练更是如此。",
            "所以机制可解释性可能会成功。",
        ]
        let candidates = Discoverer(glossary: nil).discover([Self.transcript(turns)]).filter { $0.kind == .term }
        let ranked = candidates.map(\.zh)
        for term in ["合成数据", "后训练", "稀疏自编码器", "机制可解释性"] {
            #expect(ranked.contains(term), "\(term) missing from \(ranked)")
        }
        #expect(!ranked.contains("可能会"))
        #expect(!ranked.contains("可解释性") && !ranked.contains("自编码器") && !ranked.contains("解释性"))
        let phraseRanks = ranked.indices.filter { ranked[$0].contains("可能") }
        let termRanks = ["合成数据", "后训练", "稀疏自编码器", "机制可解释性"].compactMap { ranked.firstIndex(of: $0) }
        #expect(phraseRanks.allSatisfy { phrase in termRanks.allSatisfy { $0 < phrase } })
    }
}

@Suite(
    "Discovery on the shared transcript",
    .enabled(if: TestPaths.hasSharedCorpus, "../shared/corpus is absent (only developers and CI have it); skipping"))
struct SharedCorpusDiscoveryTests {
    @Test("without a glossary: every stated gloss with the right extent, no aside as a pair")
    func statedGlosses() throws {
        let result = try CLI.run(["discover", "--no-glossary", "--format", "json", "--top", "5000", TestPaths.sharedTranscript])
        #expect(result.status == 0, "\(result.stderr)")
        let candidates = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        // A gloss is found under any Chinese name of a proposal: renderings glossed alike are
        // one proposal's names.
        let rows = candidates.filter { $0["kind"] as? String == "gloss" }
        let glosses = Set(rows.flatMap { row -> [String] in
            let names = [row["zh"] as? String ?? ""] + (row["variants"] as? [String] ?? [])
            return names.flatMap { zh in
                ["\(zh)|\(row["en"] as? String ?? "")|\(row["abbreviation"] as? String ?? "")", "\(zh)||\(row["abbreviation"] as? String ?? "")"]
            }
        })
        let expected: Set<String> = [
            "负责任扩展计划|responsible scaling plan|RSP", "电脑使用|computer use|", "来自人类反馈的强化学习||RLHF",
            "强化学习与人类反馈||RLHF", "化学、生物、放射性和核||CBRN", "责任性系统原则||RSP", "责任共享计划||RSP",
            "充满爱意的恩典机器|machines of loving grace|", "传闻数据|Anecdotal data|", "诗歌|Sonnet|", "俳句|Haiku|",
            "国立卫生研究院||NIH", "罗伯特·索洛|Robert Solo|", "泰勒·考恩|Tyler Cowen|", "人工智能安全级别标准||ASL",
        ]
        #expect(expected.subtracting(glosses).isEmpty, "missing: \(expected.subtracting(glosses))")
        for aside in ["你采访过他", "旧版本的Sonnet曾经这样做过", "最初版本", "或者其他平台", "积极方面", "触发多个触发器的级别"] {
            #expect(!glosses.contains { $0.contains(aside) }, "\(aside)")
        }
        #expect(Set(candidates.map { $0.keys.sorted() }.flatMap { $0 }).isSuperset(of: ["zh", "en", "kind", "score", "count", "file", "line", "variant_of"]))
    }
}
