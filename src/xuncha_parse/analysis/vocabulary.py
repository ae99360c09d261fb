"""The vocabulary of the analysis, as data: what a title's normalisation strips, and the finding types.

Nothing here runs a match; ``normalize`` and ``findings`` import the constants. Every pattern is
linear (bounded repetitions over single character classes), as in ``grammar.py``.
"""
from __future__ import annotations

import re
from typing import NamedTuple

# --------------------------------------------------------------------------
# Normalisation: what is not part of a problem's wording
# --------------------------------------------------------------------------

#: punctuation, spaces and quote marks of any width: ``“第一议题”制度、`` -> ``第一议题制度``
PUNCTUATION = re.compile(r"[\s\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
                         r"!-/:-@\[-`{-~\u2010-\u205e·•‘’“”]+")
#: an enumerating opener and the hedges that open a finding: ``一是``, ``二是``, ``部分``, ``有的``, ``个别``
OPENERS = re.compile(r"^(?:[一二三四五六七八九十]{1,3}是|其[一二三四五六七八九十]{1,2}|\d{1,2}是)"
                     r"|部分|有的|个别|一些|少数|有些")
#: hedges inside the wording that change no finding: ``存在``, ``仍然``, ``还``, ``依然``: ``形式主义依然存在``
HEDGES = re.compile(r"仍然|依然|仍|还|依旧|较为|比较|相对")
#: the parts of a unit's name that are left out of its key: ``中共``, ``党组``, ``党委``, ``机关党委``
UNIT_AFFIXES = re.compile(r"^中共|^中国共产党|机关党委$|党组$|党委$|党总支$|党支部$|党工委$|机关$")
#: ``委员会`` is written out or shortened: ``政协清远市委员会`` -> ``政协清远市委``
UNIT_COMMITTEE = re.compile(r"委员会")
#: aliases of one unit: the long name -> the short one the key keeps (``中国人民政治协商会议`` -> ``政协``)
UNIT_ALIASES = (
    ("中国人民政治协商会议", "政协"),
    ("人民代表大会常务委员会", "人大常委会"),
    ("人大常委会机关", "人大常委会"),
    ("人民政府", "政府"),
    ("人民法院", "法院"),
    ("人民检察院", "检察院"),
)
#: a place prefix of a unit name, kept apart so ``市政协`` and ``清远市政协`` can meet: ``霍林郭勒市``, ``潮州市湘桥区``
PLACE_PREFIX = re.compile(r"^(?:(?:(?!委)[\u4e00-\u9fff]){1,7}?(?:自治州|地区|省|市|区|县|旗|盟)){1,3}(?=[\u4e00-\u9fff]{2})")
#: what says a notice reports a look-back round or a special inspection: ``巡察“回头看”``, ``专项巡察``
LOOKBACK = re.compile(r"回头看")
SPECIAL = re.compile(r"专项")

# --------------------------------------------------------------------------
# Variants of wording: applied before the finding level matches (canonical first)
# --------------------------------------------------------------------------

#: (canonical, variants): ``不深入`` = ``不深不透`` = ``不够深入`` = ``不透彻``; words that name a finding's
#: object are left to FINDING_TYPES (``专项资金管理`` must stay itself, not become ``专项财务管理``)
VARIANTS: tuple[tuple[str, str], ...] = (
    ("不深入", r"不深不透|不够深入|不深入|不透彻|不够透彻|不深不细|学用脱节|浅尝辄止"),
    ("不到位", r"不够到位|不到位|不力|不够有力|不够有效|不扎实|不严不实|落而不实|不够扎实|不彻底|有差距|有欠缺|存在差距"),
    ("不规范", r"不够规范|不规范|不严格|不够严格|不严肃|缺乏规范性|不严|宽松软|失之于宽"),
    ("不足", r"重视不够|重视不足|不够重视|力度不足|力度不够|不充分|不够充分|存在短板|短板弱项|存在弱项|不足|不够"),
    ("选人用人", r"干部选拔任用|选人用人|干部任用|干部选任|干部职级晋升|干部任免|党务干部任免"),
    ("理论学习", r"理论学习|理论武装|学习贯彻|中心组学习"),
    ("主体责任", r"管党治党政治责任|管党治党主体责任|全面从严治党主体责任|主体责任"),
)

# --------------------------------------------------------------------------
# Finding types: tried in this order (the more specific first); the first that matches names it
# --------------------------------------------------------------------------


class FindingType(NamedTuple):
    code: str
    canonical: str
    pattern: re.Pattern[str]


def _type(code: str, canonical: str, pattern: str) -> FindingType:
    return FindingType(code, canonical, re.compile(pattern))


#: each type: code, the canonical wording (an example it matches: a test checks every one), and the words
#: that name it (after VARIANTS). The order is the
#: dispatch: a rectification, safety or ideology ``主体责任`` is named before the party's own, ``人事档案``
#: before other ``档案``, ``科研经费`` and ``专项资金`` before ``财务管理``, a named object before an umbrella
FINDING_TYPES: tuple[FindingType, ...] = (
    # rectification of earlier findings: ``审计整改主体责任落实不到位``, ``部分巡察整改事项存在“虚假整改”现象``
    _type("audit_rectification", "审计整改不到位", r"审计整改|审计指出|审计发现|审计反馈"),
    _type("environment", "生态环境保护责任落实不到位", r"生态环境|环保|环境保护|污染防治|环境整治"),
    _type("inspection_rectification", "巡视巡察整改不到位",
          r"巡视整改|巡察整改|虚假整改|表面整改|敷衍整改|整改走过场|巡视反馈|巡察反馈|上一?轮巡[视察]|整改销号"),
    #: ``消防安全管理制度执行不严格`` before ``安全生产主体责任落实不够到位``
    _type("fire_safety", "消防安全管理不到位", r"消防"),
    _type("safety", "安全生产责任落实不到位", r"安全生产|安全隐患|安全事故|安全监管|安全检查|危化品|隐患排查"),
    #: ``意识形态工作责任制落实不到位``
    _type("ideology", "意识形态工作责任制落实不到位", r"意识形态|网络阵地|宣传阵地|舆情|舆论|网络安全|新闻宣传|宣传思想"),
    #: ``落实“第一议题”制度不到位`` (apart from theory study)
    _type("first_topic", "“第一议题”制度落实不严", r"第一议题"),
    #: ``贯彻落实党中央决策部署不到位`` (doing, not learning)
    _type("decisions", "贯彻落实上级决策部署不到位", r"决策部署|重大决策|贯彻落实(?:党中央|中央|省委|市委|县委|区委|上级)|上级部署|政令畅通|打折扣|搞变通"),
    _type("report_system", "重大事项请示报告制度执行不到位", r"请示报告"),
    _type("soe_preconsult", "党委前置研究讨论重大经营管理事项不到位", r"前置研究|前置程序|前置事项"),
    _type("leadership_role", "党组织领导作用发挥不充分", r"领导作用|把方向|管大局|保落实|领导核心"),
    _type("moral_education", "落实立德树人根本任务不够有力", r"立德树人|思想政治教育|思想政治工作|三全育人|思政"),
    #: ``学习贯彻习近平新时代中国特色社会主义思想不深不透`` (学习贯彻 -> 理论学习 after VARIANTS)
    _type("theory_study", "理论学习不深入",
          r"理论学习|创新理论|学懂弄通|政治理论|主题教育|学习教育|读书班|习近平新时代中国特色社会主义思想|重要讲话|重要指示|重要论述|"
          r"党的[十XＸ二三四五六七八九]{1,3}大精神|全会精神"),
    # strict governance, supervision, integrity
    #: ``履行监督第一职责不够``, ``派驻纪检监察组监督作用发挥不充分``
    _type("supervision_duty", "监督责任落实不到位", r"监督责任|监督职责|监督第一职责|监督首责|纪检监察组|纪检组|派驻纪检|执纪问责|监督执纪|纪委监督|纪检监督"),
    _type("one_post_two_duties", "班子成员“一岗双责”落实不到位", r"一岗双责"),
    #: ``落实全面从严治党主体责任不够有力``, ``专题研究全面从严治党工作不多``
    _type("principal_duty", "全面从严治党主体责任落实不到位",
          r"主体责任|党建工作责任制|党风廉政建设责任制|全面从严治党|管党治党|压力传导|两张皮|第一责任人"),
    #: ``医务人员廉洁从业教育管理不严``, ``行风建设抓得不紧``
    _type("medical_ethics", "医德医风建设不到位", r"医德医风|行风|医务人员|医疗服务|红包|回扣"),
    _type("integrity_education", "廉洁教育不深入", r"廉政教育|廉洁教育|警示教育|廉洁文化|纪律教育|廉洁从业|以案促改|以案为鉴"),
    _type("integrity_risk", "廉政风险防控不到位", r"廉政风险|风险防控|风险点|廉洁风险"),
    #: ``党员干部日常监督管理不严``
    _type("cadre_supervision", "干部日常监督管理宽松软", r"日常监督|监督管理(?!局)|管理监督|教育管理|干部监督|宽松软|谈心谈话|提醒谈话|函询"),
    _type("travel_documents", "因私出国（境）证照管理不规范", r"出国|出境|证照|护照"),
    # organisation, cadres, party branches
    #: ``干部档案“三龄二历一身份”审核不严``
    _type("personnel_files", "干部人事档案管理不规范", r"人事档案|干部档案|三龄二历"),
    _type("young_cadres", "年轻干部培养和干部梯队建设不足", r"年轻干部|干部梯队|梯队建设|后备干部|干部储备"),
    _type("rotation", "干部轮岗交流不足", r"轮岗|干部交流"),
    _type("party_workers", "党务干部队伍建设薄弱", r"党务干部|党务工作者|党务工作人员|专职党务"),
    #: ``干部选拔任用工作不规范`` (选人用人 after VARIANTS)
    _type("personnel", "选人用人不规范", r"选人用人|干部考察|任用条例|职级|动议|选拔|干部队伍|提拔|任前公示|试用期|超职数|干部任免|用人导向"),
    _type("member_recruitment", "发展党员工作不规范", r"发展党员|党员发展"),
    _type("party_dues", "党费收缴管理不规范", r"党费"),
    #: ``“三会一课”制度没有落实``
    _type("three_meetings", "“三会一课”制度落实不到位", r"三会一课|主题党日"),
    _type("life_meetings", "民主生活会、组织生活会质量不高", r"民主生活会|组织生活|批评和自我批评|批评与自我批评|党内政治生活|民主评议"),
    #: ``基层党建工作存在薄弱环节``, ``支部堡垒建设还不过硬``
    _type("grassroots_party", "基层党组织建设薄弱",
          r"基层党建|基层党组织|支部建设|软弱涣散|标准化规范化|党建基础|堡垒|党组织建设|党建品牌|党建台账|机关党建|党支部|党员管理|党员教育|流动党员|组织关系|组织力|党建工作"),
    _type("branch_elections", "党组织换届选举不规范", r"换届"),
    # decision rules, office management
    #: ``议事决策制度缺失``
    _type("collective_decision", "“三重一大”集体决策制度执行不到位", r"三重一大|议事决策|议事规则|集体决策|集体研究|集体讨论|议事范围|大额资金|重大事项决策"),
    _type("democratic_centralism", "民主集中制执行不到位", r"民主集中制|一言堂|个人说了算"),
    _type("internal_control", "内部控制制度不健全", r"内控|内部控制"),
    _type("secrecy", "保密工作不到位", r"保密|涉密|机要|密件|泄密"),
    _type("records", "文书档案管理不规范", r"档案|归档|文书材料"),
    _type("documents", "公文处理不规范", r"公文|发文|行文|文件审核|文件办理|收文"),
    #: ``委员提案办理质量不高``, ``协商成果未跟踪督办``
    _type("proposals", "提案办理跟踪不到位", r"提案|协商成果"),
    _type("follow_up", "督查督办工作不到位", r"督查督办|督办|督查|跟踪问效"),
    #: ``存在上班迟到早退现象``
    _type("attendance", "考勤管理不严格", r"考勤|迟到早退|上班纪律|请销假|脱岗"),
    # work style, eight rules
    _type("official_cars", "公务用车管理不规范", r"公务用车|公车|车辆使用|车辆管理|私车公养|派车|用车"),
    _type("reception", "公务接待不规范", r"公务接待|接待|陪餐|宴请"),
    _type("office_space", "办公用房管理不规范", r"办公用房|办公室面积|办公面积"),
    _type("allowances", "违规发放津补贴", r"津补贴|津贴|补贴|奖金|福利|评先奖励|违规发放|加班费|绩效奖励"),
    #: ``违反中央八项规定精神仍然存在``
    _type("eight_rules", "违反中央八项规定精神问题仍然存在", r"八项规定|四风|违规吃喝|违规收送|奢靡"),
    #: ``形式主义依然存在``
    _type("formalism", "形式主义官僚主义问题仍然存在", r"形式主义|官僚主义|文山会海|走过场|走形式|痕迹管理|过度留痕|填表报数|督查检查考核过多"),
    #: ``工作作风不严不实``
    _type("work_style", "工作作风不严不实", r"工作作风|作风建设|作风漂浮|作风不实|纪律松弛|工作纪律|作风纪律"),
    _type("initiative", "担当作为不够", r"担当|作为不够|精气神|干事创业|不作为|慢作为|乱作为|惯性思维|推诿扯皮|躺平|不敢为|不愿为"),
    _type("research", "调查研究不深入", r"调查研究|调研|大兴调查"),
    # finance, assets, procurement, projects
    #: ``严守财经纪律不到位``, ``违规列支``
    _type("financial_discipline", "财经纪律执行不严", r"财经纪律|违规列支|小金库|套取|虚列|超范围|超标准|虚报冒领|白条"),
    _type("research_funds", "科研经费管理不规范", r"科研经费|科研项目经费"),
    _type("special_funds", "专项资金管理不规范", r"专项资金|专项经费|资金闲置|资金使用效益"),
    _type("medical_supplies", "药品耗材管理不规范", r"药品|耗材"),
    #: ``政府采购不规范``
    _type("procurement", "政府采购不规范", r"采购|询价|供应商|比选"),
    _type("investment", "投资决策和投资风险管控不到位", r"投资"),
    _type("projects", "工程项目管理不规范", r"工程|招投标|招标|项目建设|建设项目|施工|竣工|工程款|变更签证"),
    _type("rural_assets", "农村集体“三资”管理不规范", r"三资|集体资产|集体资金|村集体|村级"),
    _type("state_assets", "国有资产管理不规范", r"国有资产|固定资产|资产管理|资产处置|资产出租|入账|账实不符|资产闲置|资产清查"),
    _type("credit", "信贷风险管控不严", r"信贷|贷款|授信"),
    #: ``财务管理不规范``, ``资金管理存在漏洞``
    _type("finance", "财务管理不规范", r"财务|报销|会计|账目|资金管理|经费管理|票据|现金管理|公款|预算|决算|往来款"),
    # people, safety, development
    _type("petitions", "信访工作不到位", r"信访|来信来访|矛盾纠纷"),
    _type("business_environment", "优化营商环境工作不到位", r"营商环境|涉企|惠企|企业服务|审批服务|政务服务|服务企业|一网通办"),
    _type("people", "解决群众急难愁盼问题不够有力", r"急难愁盼|群众身边|最后一公里|民生|为民办实事|群众利益|服务群众|群众诉求"),
    _type("rural_revival", "巩固脱贫成果推进乡村振兴不扎实", r"乡村振兴|脱贫|返贫|三农|产业振兴|人居环境"),
    _type("institutions", "制度建设不健全", r"制度建设|制度缺失|制度不健全"),
)
