"""fields/contacts.py: contact channels and their owners, as fixture tables (text -> type, value, normalized)."""
import pytest

from xuncha_parse.api import parse_to_dict
from xuncha_parse.fields.contacts import find_contacts
from xuncha_parse.layout.text import Source, split_lines


def piece_of(text: str):
    source = Source(text)
    return split_lines(source)[0].piece, source


CONTACTS = [
    ("联系电话：0475-7923888", [("phone", "0475-7923888", "+86-475-7923888")]),
    ("联系电话:0475-7923888", [("phone", "0475-7923888", "+86-475-7923888")]),
    ("电话0763-3360554", [("phone", "0763-3360554", "+86-763-3360554")]),
    ("电话：010-12345678", [("phone", "010-12345678", "+86-10-12345678")]),
    ("电话：(0763)3360554", [("phone", "(0763)3360554", "+86-763-3360554")]),
    ("电话：0763 3360554", [("phone", "0763 3360554", "+86-763-3360554")]),
    ("联系电话：07633360554", [("phone", "07633360554", "+86-763-3360554")]),
    ("联系电话：19604750533", [("phone", "19604750533", "+86-19604750533")]),
    ("手机：196-0475-0533", [("phone", "196-0475-0533", "+86-19604750533")]),
    ("手机：196 0475 0533", [("phone", "196 0475 0533", "+86-19604750533")]),
    ("举报电话：12388", [("phone", "12388", "12388")]),
    ("联系电话：0731-8888 6666", [("phone", "0731-8888 6666", "+86-731-88886666")]),
    ("联系电话：0731-8888-6666", [("phone", "0731-8888-6666", "+86-731-88886666")]),
    ("电子邮箱：157259369@qq.com", [("email", "157259369@qq.com", "157259369@qq.com")]),
    ("电子邮箱：QYSZX_brsk@GDQY.gov.cn", [("email", "QYSZX_brsk@GDQY.gov.cn", "qyszx_brsk@gdqy.gov.cn")]),
    ("邮箱:czxqxcb@126.com（来信注明）", [("email", "czxqxcb@126.com", "czxqxcb@126.com")]),
    ("邮政编码：521000", [("postcode", "521000", "521000")]),
    ("邮政编码511500", [("postcode", "511500", "511500")]),
    ("邮编：511500", [("postcode", "511500", "511500")]),
    ("邮政信箱：湘桥区党政办公大楼4楼区政协办公室（409室）、邮政编码：521000",
     [("mailbox", "湘桥区党政办公大楼4楼区政协办公室（409室）", None), ("postcode", "521000", "521000")]),
    ("邮政信箱：清远市清城区人民二路18号市政协办公楼1号楼3楼，邮政编码511500",
     [("mailbox", "清远市清城区人民二路18号市政协办公楼1号楼3楼", None), ("postcode", "511500", "511500")]),
    ("来信地址：某某市某某路1号；", [("address", "某某市某某路1号", None)]),
    ("来信地址：某某市人民路1号（市政府大院内）；", [("address", "某某市人民路1号（市政府大院内）", None)]),
    ("来信请寄：某某区政务中心3楼财政局办公室（邮编：211500）",
     [("address", "某某区政务中心3楼财政局办公室", None), ("postcode", "211500", "211500")]),
    ("网址：http://www.qy.gov.cn", [("website", "http://www.qy.gov.cn", "http://www.qy.gov.cn")]),
    ("版权所有 政协枣庄市委员会 | 违法和不良信息举报电话:0632-8269086", []),
    ("共有26项制度，3名干部", []),
    # a box forwarded to a team keeps only the box; a sentence naming the channel is no box
    ("邮政信箱：宁川市3108邮箱转市委第四巡察组收（邮编：528600）",
     [("mailbox", "宁川市3108邮箱", None), ("postcode", "528600", "528600")]),
    ("各巡察组信访电话、邮政信箱公布如下：", []),
    ("巡察组设值班电话、邮政信箱和电子邮箱", []),
    # a table's cell naming a postal box without a label
    ("通信地址 | 宁川县C31207邮政专用信箱县委第三巡察组收 |", [("mailbox", "宁川县C31207邮政专用信箱县委第三巡察组收", None)]),
    # an address is a channel of the contract's `address` type, whether letters go there or visitors (来访) or a
    # suggestion box stands there: OUTPUT.md lists it beside phone, e-mail and box
    ("接待信访地址：宁川路12号二楼会议室，", [("address", "宁川路12号二楼会议室", None)]),
    ("意见箱设置地址：县法院办案楼一楼大厅；", [("address", "县法院办案楼一楼大厅", None)]),
    ("通信地址：宁川县府前路8号县委巡察办；", [("address", "宁川县府前路8号县委巡察办", None)]),
    # a box named whole in quotes, with no label; never the words after the quote as a box
    ("也可写信通过“宁川市5号邮政信箱”向我们反映。", [("mailbox", "宁川市5号邮政信箱", None)]),
    # the label's own words before the box are not the box
    ("邮政信箱地址为宁川县府前路8号县委巡察办", [("mailbox", "宁川县府前路8号县委巡察办", None)]),
    # a 、 between two places of one address is part of the box; before another channel it ends it
    ("邮政信箱地址为东坪镇、西坪乡人民政府巡察联络室，电子信箱为xc2@163.com",
     [("mailbox", "东坪镇、西坪乡人民政府巡察联络室", None), ("email", "xc2@163.com", "xc2@163.com")]),
    # a local number without its area code, after a phone's label (not a year, not a count)
    ("联系电话:6238415(工作日9:00-17:00)", [("phone", "6238415", "6238415")]),
    ("举报电话：88126650；", [("phone", "88126650", "88126650")]),
    ("2023年共受理来电2386次", []),
    ("全年接听热线电话3100000余次", []),
]


@pytest.mark.parametrize("text,expected", CONTACTS)
def test_contacts(text, expected):
    piece, source = piece_of(text)
    assert [(c["type"], c["value"], c["normalized"]) for c in find_contacts([piece], source)] == expected


@pytest.mark.parametrize("text,owners", [
    ("请及时向我们反映，联系电话：0475-7923888。也可向市纪委监委派驻霍林郭勒市政协机关纪检监察组反映，联系电话：19604750533。",
     [None, "市纪委监委派驻霍林郭勒市政协机关纪检监察组"]),
    ("如有意见请向我们反映（电话：0768-2100022）。也可径向区委巡察办反映，电子邮箱：czxqxcb@126.com",
     [None, "区委巡察办"]),
    ("也可直接向县委巡察办反映，电话：0768-2100023", ["县委巡察办"]),
])
def test_contact_owners(text, owners):
    piece, source = piece_of(text)
    assert [c["owner"] for c in find_contacts([piece], source)] == owners


def test_enough_cases():
    assert len(CONTACTS) >= 20


#: the last line of a notice whose problems are headings with what was done after them → the phones it gives
CLOSING_LINES = {
    "an invitation to give opinions": ("公示期间,群众如有意见,可向镇纪委反映,电话:0736-2851406。", ["0736-2851406"]),
    "an invitation to supervise": ("欢迎群众监督,监督电话:0736-2851407。", ["0736-2851407"]),
}


@pytest.mark.parametrize("name", sorted(CLOSING_LINES))
def test_a_closing_line_after_the_last_problem_gives_its_channels(name):
    line, phones = CLOSING_LINES[name]
    text = ("县委第一巡察组对上湾村党支部开展了常规巡察。现将整改情况公示如下:\n"
            "①村务公开不及时。已按月公开。\n②低保评议未召开村民代表会议。已重新评议。\n" + line + "\n")
    assert [c["value"] for c in parse_to_dict(text)["contacts"]] == phones
