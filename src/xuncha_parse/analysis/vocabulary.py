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

#: (canonical, variants): ``不深入`` = ``不深不透`` = ``不够深入`` = ``不透彻``
VARIANTS: tuple[tuple[str, str], ...] = (
    ("不深入", r"不深不透|不够深入|不深入|不透彻|不够透彻|不深不细|学用脱节|浅尝辄止"),
    ("不到位", r"不够到位|不到位|不力|不够有力|不够有效|不扎实|不严不实|落而不实|不够扎实|不彻底|有差距|有欠缺|存在差距"),
    ("不规范", r"不够规范|不规范|不严格|不够严格|不严肃|缺乏规范性|不严|宽松软|失之于宽"),
    ("不足", r"重视不够|重视不足|不够重视|力度不足|力度不够|不充分|不够充分|存在短板|短板弱项|存在弱项|薄弱|不足|不够"),
    ("选人用人", r"干部选拔任用|选人用人|干部任用|干部选任|干部职级晋升|干部任免|党务干部任免"),
    ("理论学习", r"理论学习|理论武装|学习贯彻|中心组学习|第一议题"),
    ("财务管理", r"财务管理|资金管理|财务支出|财务审核|经费管理"),
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


#: each type: code, the canonical wording, and the words that name it (after VARIANTS): ``监督责任`` is not ``主体责任``
FINDING_TYPES: tuple[FindingType, ...] = (
    #: ``落实全面从严治党监督责任不到位``
    _type("supervision_duty", "监督责任落实不到位", r"监督责任|监督职责|监督首责"),
    #: ``落实管党治党政治责任不到位`` (a VARIANT of 主体责任)
    _type("principal_duty", "主体责任落实不到位", r"主体责任|党建工作责任制|党风廉政建设责任制|一岗双责"),
    #: ``意识形态工作责任制落实不到位``
    _type("ideology", "意识形态工作责任制落实不到位", r"意识形态|网络阵地|宣传阵地"),
    #: ``违反中央八项规定精神仍然存在``, ``四风问题整治不彻底``
    _type("eight_rules", "落实中央八项规定精神不到位", r"八项规定|四风|公务接待|公务用车|公车|超标准|违规吃喝|违规发放"),
    #: ``形式主义依然存在``
    _type("formalism", "形式主义官僚主义问题仍然存在", r"形式主义|官僚主义|文山会海|走形式|走过场"),
    #: ``工作作风不严不实``
    _type("work_style", "工作作风不扎实", r"工作作风|作风建设|作风漂浮|作风不实"),
    #: ``干部选拔任用工作不规范`` (选人用人 after VARIANTS)
    _type("personnel", "选人用人不规范", r"选人用人|干部考察|干部档案|职级|轮岗交流|干部交流|干部队伍"),
    #: ``“三会一课”制度没有落实``
    _type("organisation_life", "组织生活制度落实不到位", r"三会一课|组织生活|主题党日|民主评议|民主生活会|党内政治生活"),
    #: ``民主集中制执行不规范``, ``议事决策制度缺失``
    _type("democratic_centralism", "民主集中制执行不规范", r"民主集中制|三重一大|议事决策|议事规则|议事范围|集体决策"),
    #: ``财务管理不规范`` (资金管理 after VARIANTS); ``财经纪律`` is a type of its own
    _type("finance", "财务管理不规范", r"财务管理|财务制度|报销|会计|账目|入账|固定资产|国有资产|资产管理|党费"),
    #: ``严守财经纪律不到位``
    _type("financial_discipline", "财经纪律执行不严格", r"财经纪律|小金库|违规支出|套取"),
    #: ``政府采购不规范``
    _type("procurement", "政府采购不规范", r"政府采购|采购|招投标|招标"),
    #: ``廉政风险排查不到位``, ``日常廉政教育不深不透``
    _type("integrity_risk", "廉政风险防控不到位", r"廉政风险|廉政教育|廉洁教育|警示教育|廉政"),
    #: ``保密工作抓得不严不实``, ``档案安全管理制度执行不严格``
    _type("secrecy_records", "保密和档案管理不规范", r"保密|档案|机要"),
    #: ``消防安全责任意识淡薄``
    _type("safety", "安全生产责任落实不到位", r"消防|安全生产|安全隐患"),
    #: ``因私出国境证照管理有漏洞``
    _type("travel_documents", "因私出国（境）证照管理不规范", r"出国|出境|证照"),
    #: ``党支部换届选举工作不严肃``
    _type("branch_elections", "党组织换届选举不规范", r"换届"),
    #: ``党员发展工作不规范``
    _type("member_recruitment", "发展党员工作不规范", r"发展党员|党员发展"),
    #: ``基层党建工作存在薄弱环节``, ``支部堡垒建设还不过硬``
    _type("grassroots_party", "基层党组织建设不到位", r"基层党建|基层党组织|支部建设|堡垒|党组织建设|党建品牌|党建台账|机关党建"),
    #: ``学习贯彻习近平新时代中国特色社会主义思想不深不透`` (学习贯彻 -> 理论学习 after VARIANTS)
    _type("theory_study", "理论学习不深入", r"理论学习|习近平新时代中国特色社会主义思想|重要讲话|重要指示|党的[十XＸ二三四五六七八九]{1,3}大精神"),
    #: ``全面从严治党工作重视不够``, ``工委专题研究全面从严治党不到位``
    _type("strict_governance", "全面从严治党责任落实不到位", r"全面从严治党|管党治党|压力传导"),
    #: ``调查研究不深入``
    _type("research", "调查研究不深入", r"调查研究|调研"),
    #: ``制度建设缺乏规范性``, ``内控制度不够细化``
    _type("institutions", "制度建设不健全", r"制度建设|内控|内部控制|制度缺失|制度不健全"),
    #: ``担当作为意识不强``
    _type("initiative", "担当作为不够", r"担当作为|担当|不作为|慢作为|惯性思维"),
)
