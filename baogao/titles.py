"""Titles: the one place for the rules that name a report.

A report has two titles:
- `title`, as the report gives it: its title line (parse), else its file name when that reads
  as a title, else one inferred from its metadata and opening (`infer_title`, after enrich);
- `display_title`, what every list shows (`display_title`, after the sidecar is applied): the
  title completed so that reports can be told apart — the year in front when the title has
  none, the place or office when it names neither, the subtitle after ——.

`title_source` says where `title` came from: text, filename, inferred or sidecar.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from baogao.gongwen import unspaced
from baogao.places import PARTY_PREFIXES, find_places, leading_places_end
from baogao.search.variants import to_simplified
from baogao.schema import NAMELESS_TYPES

_HAN = re.compile(r"[\u4e00-\u9fff]")
_LEVEL_WORDS = "省市县区乡镇"
# Legal-database id suffix of exported file names: …办法(FBM-CLI.11.1535062)
_DATABASE_ID = re.compile(r"\s*[(（]FBM-[^)）]*[)）]$")
# The suffix of the document a text was saved from (2023年县政府办工作总结.docx.txt), or of the file a title line
# names (a file's name pasted over its text): no part of its name
FILE_SUFFIX = re.compile(r"\.(?:docx?|wps|wpt|dotx?|rtf|pdf|ofd|txt)$", re.I)
_ORDERING_PREFIX = re.compile(r"^\d+[_\-\s]+")  # 001_ / 2026_ ordering prefixes
# The day a file was saved, in front of its name (20231220红安县…, 2023.12.20 红安县…); the year stays evidence (enrich)
_DATE_STAMP = re.compile(r"^(?:(?:19|20)\d\d([.\-_/])\d{1,2}\1\d{1,2}|(?:19|20)\d{6})(?!\d)[_\-\s.]*")
# An attachment's label in front of its title (附件1：…, 附件2-…, 附件一、…; not 附件一览表)
_ATTACHMENT_LABEL = re.compile(r"^附\s*件\s*(?:\d{1,3}\s*[：:、.．\-—_]?|[一二三四五六七八九十]{1,3}\s*[：:、.．\-—_]|[：:、.．\-—_])\s*(?=\S)")
_ASCII_TAGS = re.compile(r"(?:[_\s]+[A-Za-z0-9.\-]+)+$")  # …__GBK_LF, …_v2, … final
# A space between two Chinese characters in a file name is a line break of the title it was
# copied from (社会保险及 待遇落实情况调研报告): Chinese titles have no spaces inside words.
_BROKEN_BETWEEN_HAN = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_INFERRED_MAX_LEN = 30
# 现就做好2018年汛期防汛值班工作通知如下: what a notice is about, as its title would say it
# (关于做好2018年汛期防汛值班工作的通知); not 现将有关事项通知如下, which says nothing.
# (…放假及有关事项: matters joined to the subject by 及 or 和 stay in it)
_NOTICE_SUBJECT = re.compile(r"现[就将]([^，。；：,;:]{4,40}?(?<![及和与、暨并]))(?:的?(?:有关|相关)事项)?(?:通知|通报)如下")
_NOTICES = ("通知", "通报")
_ANY_MATTERS = re.compile(r"(?:有关|相关)(?:事项|工作|要求|情况)")
_SHORT_CLAUSE = 8  # a subject's clause this short says too little alone
# 《xx市人民政府办公室关于开展"提质效促落实强本领促发展"能力提升行动的通知》: the campaign a
# report answers; its name makes an inferred title specific.
_CAMPAIGN = re.compile(r"《[^》]{0,60}?关于(?:开展|深入开展|组织开展)([^》]{4,40}?)(?:活动)?的(?:通知|实施方案|方案)》")


_CLAUSE_BREAK = re.compile(r"[，。；：,;:！？!?\n]")
# A web page that runs a headline into its text on one line (…组工信息工作 一是构建网络。): the
# first item after a space starts the text, not the title.
_RUN_IN_ITEM = re.compile(r"\s+(?:一是|一要|其一|一、|[（(]一[）)]|1[、.．])")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
# Public institutions that write and sign their own reports (县人民医院, 七里坪镇中心学校, 仁怀市档案馆,
# 县供电公司, 中国人民银行红安县支行, 县人民法院): the words that end their names.
INSTITUTIONS = (r"医院|卫生院|保健院|学校|中学(?!生)|小学(?!生)|幼儿园|档案馆|图书馆|博物馆|纪念馆|文化馆|(?<!分)公司|执法大队|交警大队"
                r"|调查(?:总)?队|支行|人民法院|人民检察院")
# A speech's speaker on a line of his own, post and name set apart: his body (if named), post and
# name (县长 刘某某, 南阳市副市长  赵某某, 县委常委、县委办主任 李四). Parse sets such a line apart from
# the title; enrich reads the body from it.
HEADS_OF_GOVERNMENT = ("省长", "市长", "县长", "区长", "州长", "旗长", "乡长", "镇长")
# A character that stands for a withheld name, number or day (××镇, XX县, 张**, 2015年9月xx日), as a model text or a
# copy handed round writes it (baogao.enrich counts the marks themselves).
PLACEHOLDER = "×xXｘＸ*＊"
# (a name of 2–4 characters, set out letter by letter to align in some papers: 刘  杰, 杨  文  涛)
PERSON_NAME = rf"[\u4e00-\u9fff某{PLACEHOLDER}](?:[ \u3000]{{0,4}}[\u4e00-\u9fff某{PLACEHOLDER}]){{1,3}}"
SPEAKER = re.compile(rf"^(?P<body>\S{{0,24}}?)(?:党组书记、|党委书记、)?(?:常务)?副?"
                     rf"(?P<post>{'|'.join(HEADS_OF_GOVERNMENT)}|书记|局长|厅长|主任|部长|主席|组长|委员|秘书长|常委)"
                     rf"[\s\u3000]+{PERSON_NAME}$")
# Words that open a report's first clause by saying when (近日，…; 今年以来，…): read past by
# an inferred title here and by enrich's search for the clause's subject.
OPENING_TIME_WORDS = ("近日", "日前", "近期", "目前", "当前", "前不久", "今天", "今日", "昨天", "昨日",
                      "新年伊始", "年初", "年底", "岁末年初", "今年以来", "今年初以来", "年初以来", "今年初", "近年来", "最近",
                      "一年来", "节后", "节前", "春节过后", "春节前后", "节日期间", "连日来", "入夏以来",
                      "入冬以来", "入汛以来", "开春以来")
# A news item's dateline (本报讯(记者刘婧)6月22日, 本报讯 记者姜明助、通讯员陈琳报道:,
# (蕲春广播电视台记者朱卫红报道)6月14日, 建始网讯(融媒体记者万雪芬)5月21日, (中国乡镇网安徽讯),
# 新华社北京2月9日电): who wrote it and when, read past by an inferred title and by enrich's
# search for the opening's subject.
_CREDIT = r"[（(](?:特约)?(?:记者|通讯员)[^）)\n]{1,30}[）)]"  # (记者 孙欣), (特约通讯员 程舒平)
NEWS_DATELINE = re.compile(
    r"^\s*(?:[（(][^）)\n]{1,20}讯[）)]|[（(][^）)\n]{1,30}?报道[）)]"
    rf"|{_CREDIT}"  # (记者 张金尧)5月27日, the paper's name left out
    # 本报讯, 长城网8月24日讯, 靖州新闻网·红网靖州站6月15日讯, 大众网东营10月28日讯, then who wrote it (a site may be
    # named 在线: 枞阳在线消息)
    r"|(?:本[报刊网台]|[^\s，,。（(]{1,20}?(?:网|台|报|社|融媒|站|在线)[\u4e00-\u9fff]{0,4}?)"
    r"(?:\d{1,2}\s?月\s?\d{1,2}\s?日)?讯\s*(?:[（(][^）)\n]{1,30}[）)]"
    r"|(?:特约)?(?:记者|通讯员)[^，,。：:\n]{1,30}?报道)?"
    r"|[^\s，,。（(]{2,10}?报道(?=\s*\d{1,2}\s?月\s?\d{1,2}\s?[日号])"  # 云上恩施报道 10月13日
    r"|[^\s，,。（(]{2,8}?讯(?=\s*\d{1,2}\s?月\s?\d{1,2}\s?[日号])"  # 亮点黔西南讯10月20日 (a site's name, then the day)
    r"|(?:特约)?(?:记者|通讯员)[^，,。：:\n]{1,30}?报道(?=\s*[：:])"  # 通讯员王晨曦 刘爽报道:11月27日, (no paper named)
    r"|[\u4e00-\u9fff]{2,4}报道(?=[：:])"  # 刘慧珈报道: (a name alone)
    rf"|[^\s，,。（(]{{0,10}}?报道\s*{_CREDIT}"  # 报道(记者 孙欣)
    r"|[^\s，,。（(]{2,6}?讯(?=[ \u3000])"  # 海都讯 (a space after it: 通讯保障 is a word)
    r"|[^\s，,。（(]{1,20}?(?:网|台|报|社|融媒|在线)消息(?=[ \u3000])"  # 荆楚网消息 7月23日…, 今日竹山网消息 (消息 alone is a word)
    rf"|[^\s，,。（(]{{2,10}}?讯\s*{_CREDIT}"  # 健康中国人讯(通讯员 程舒平): any source, then its byline
    r"|[^\s，,。]{0,12}?\d{1,2}\s?月\s?\d{1,2}\s?日电\s*(?:[（(][^）)\n]{1,30}[）)])?"  # …电(记者王研)
    # 近日，记者从仁怀市档案馆获悉，: where the reporter heard it, not what happened
    r"|(?:近日|日前)?[，,]?\s*记者(?:近日|日前)?从[^，,。\n]{2,30}?(?:获悉|了解到|得知))"
    r"\s*(?:\d{1,2}\s?月\s?\d{1,2}\s?[日号](?:上午|下午|晚上)?)?\s*[，,：:]?\s*"
)
# A clause that only says when (新年伊始, 10月22日下午, 2025年7月9日至17日, 自2015年3月起, 从6月4日开始, 清明节期间, 当前正值春节过后…之际,
# 机关作风整顿工作开展以来): it names nothing. One pattern for the inferred title, which reads past
# such a clause, and for enrich's search for the subject after it.
WHEN = (
    rf"(?:{'|'.join(OPENING_TIME_WORDS)}"
    r"|[自从]?(?:(?:\d{4}|[〇○零一二三四五六七八九]{4})\s?年度?|今年|去年)?(?:上半年|下半年|全年|第?[一二三四]季度)?"
    r"(?:[\d一二三四五六七八九十]{1,3}(?:[至到—\-~～][\d一二三四五六七八九十]{1,3})?\s?月(?:初|上旬|中旬|下旬|底|末)?)?"
    r"(?:[\d一二三四五六七八九十]{1,3}\s?[日号])?(?:上午|下午|晚上|早上|中午|凌晨|晚|早)?"
    r"(?:[至到—\-~～](?:[\d一二三四五六七八九十]{1,3}月)?[\d一二三四五六七八九十]{1,3}[日号]?)?"
    r"(?:上午|下午|晚上|早上|中午|凌晨|晚|早)?(?:\s?\d{1,2}\s?[:：]\s?\d{2}|\d{1,2}\s?[时点](?:\d{1,2}分|半)?)?"  # (上午9:00, 下午3时)
    r"(?:起|开始|以来)?"  # (从6月4日开始)
    r"|(?:今天|今日|昨天|昨日)[（(][^）)\n]{1,12}[）)](?:上午|下午|晚上|早上|中午)?"  # 今天(12月20日)上午
    r"|自?[^，,。；\n]{1,20}?(?:期间|以来|之际|将至|来临|过后|前夕|以后|之后|结束后|第一个工作日|首个工作日))"
)
_TIME_ONLY = re.compile(rf"^{WHEN}$")
# …and one that says in what circumstances (在区委、区政府的正确领导下, 在市人大常委会会议召开之前): the subject follows it
# (在…收心会上; 在汤家汇镇三楼会议室: where, before the deed)
_CIRCUMSTANCE = re.compile(r"^在[^，,。；\n]{2,40}?(?:之下|下|之前|前|期间|之际|之中|会上|会议室|会议中心|礼堂|大厅)$")
# An item that opens on what someone says (“你们单位一共23人……”这是6月4日，…的情形。): a scene, not what the item tells;
# a quoted term is no scene (“两节”将至，…)
SCENE = re.compile(r"\s*[“\"「][^”\"」\n]*[。！？…?!][”\"」]")
THIS_IS = re.compile(r"^这(?:是|就是)")
# a document's formula, which names no matter (特制定本制度, 现将有关事项通知如下)
_CAMPAIGN_NAMED = re.compile(r"《[^》]*(?:通知|方案|意见|决定|计划|要点)》")
_FORMULA = re.compile(r"制定本(?:制度|办法|细则|规定|规则|方案|预案)|如下")


# A clause that says what for (为进一步加强作风建设，…): the subject and its deed come after it.
PURPOSE_LEAD = re.compile(
    r"为(?:了|进一步|全面|切实|加强|提升|提高|推进|推动|深入|促进|确保|做好|贯彻|积极|有效|认真|扎实|充分|更好|更|持续"
    r"|严防|防止|保证|倡导|迎接|维护|适应"
    r"|巩固|营造|强化|落实|规范|保障|全力|着力|大力|深化|严格|不断|加快|统筹|完善|压实|坚决|及时|准确|科学)"
)
# A clause that says on what grounds (根据《…通知》，…; 按照县委的安排部署，…): the subject comes after it.
_BASIS_LEAD = re.compile(r"(?:根据|按照|依据)")
_ITEM_NUMBER = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十]{1,3})[、.．]\s*(?=\D)|^[（(][\d一二三四五六七八九十]{1,3}[）)]\s*")
_SHORT_NAME = re.compile(r"办公[室厅]$")
_LED_BY = re.compile(r"^由(?=[^，,。；]{2,40}?(?:牵头|组成|负责|主持|带队|组织))")
_DAY_RUN_ON = re.compile(r"^(?:\d{4}\s?年\s?)?\d{1,2}\s?月\s?\d{1,2}\s?[日号](?:上午|下午|晚上|早上|中午|凌晨)?(?=[\u4e00-\u9fff])")
# A clause that opens with a town by its form (中厂镇以…, 棠溪镇三步走): a subject, not a deed.
_TOWN_OPENS = re.compile(r"^[\u4e00-\u9fff]{2,5}?(?:(?<!乡)镇|乡|街道|街办)(?![村镇])")  # not 深入各乡镇


def file_stem(source_name: str) -> str:
    """The file name without suffix and legal-database id."""
    return _DATABASE_ID.sub("", FILE_SUFFIX.sub("", PurePath(source_name).stem))


def title_from_filename(source_name: str) -> str:
    """The file name as a title when it reads like one (Chinese, not a hash or a number)."""
    stem = _ATTACHMENT_LABEL.sub("", _ASCII_TAGS.sub("", _ORDERING_PREFIX.sub("", _DATE_STAMP.sub("", file_stem(source_name)))))
    stem = _BROKEN_BETWEEN_HAN.sub("", stem.replace("_", " ")).strip()
    if len(_HAN.findall(stem)) < 4 or len(_HAN.findall(stem)) < len(stem) / 2 or _DEFAULT_NAME.match(stem):
        return ""
    return stem


# The names programs give a new or copied file (新建文本文档, 新建 Microsoft Word 文档 (2), 微信图片_2023…,
# …的副本): no title
_DEFAULT_NAME = re.compile(r"^(?:新建\s*(?:文本文档|Microsoft\s*Word\s*文档|DOCX?\s*文档|WPS\s*文字文档|文件夹)|微信图片|微信文件|"
                           r"未命名(?:文档)?|无标题(?:文档)?|文档\s*\d*|副本)[\s\d()（）._-]*(?:的?副本)?[\s\d()（）]*$", re.I)


def infer_title(org: str | None, doc_type: str | None, opening: str) -> str:
    """A title for a report that has none, from its office, type and opening (runs after enrich).

    A notice or bulletin: office + 关于…的通知 when its formula says what it is about (现就…通知如下),
    else the opening clause (office + 通知 tells no two notices apart).
    Office + the campaign its opening answers + type (县政府办公室"提质效促落实强本领促发展"
    能力提升行动工作总结); office (or its 领导班子, when the opening speaks of it) + type; else
    the opening clause.
    """
    kind = doc_type if doc_type and doc_type not in NAMELESS_TYPES else ""
    if kind in _NOTICES:  # office + 通知 would say nothing: what its formula names, else its opening
        subject = _NOTICE_SUBJECT.search(opening)
        if subject and not _ANY_MATTERS.fullmatch(subject.group(1)):
            return f"{org or ''}关于{subject.group(1)}的{kind}"
    elif org and kind:
        campaign = _CAMPAIGN.search(opening[:300])
        if campaign:
            return f"{org}{campaign.group(1)}{kind}"
        # 县政府办公室领导班子团结带领…: the leadership team's report, not the office's
        team = "领导班子" if f"{org}领导班子" in opening[:200] else ""
        return f"{org}{team}{kind}"
    opening = NEWS_DATELINE.sub("", opening, count=1)
    at = 0
    while scene := SCENE.match(opening, at):  # (one question after another: “…?”“…?”)
        at = scene.end()
    if at:  # past the words of a scene, to what the item tells (…”这是6月4日，新田县联合督查组在审计局突击督查时的情形。)
        rest = opening[at:].lstrip("…，,。 \u3000")
        rest = rest.split("\n", 1)[1] if not rest.split("\n", 1)[0].strip() and "\n" in rest else rest
        opening = THIS_IS.sub("", rest.lstrip()) or opening
    clauses = [c.strip() for c in _CLAUSE_BREAK.split(opening) if c.strip()]
    # 7月9日至17日，县委督查办组成两个督查组…: the clause after the time it opens with (and after its circumstances)
    first_sentence = len([c for c in _CLAUSE_BREAK.split(_SENTENCE_END.split(opening, maxsplit=1)[0]) if c.strip()])
    while len(clauses) > 1 and (_TIME_ONLY.match(clauses[0]) or _CIRCUMSTANCE.match(clauses[0])):
        clauses.pop(0)
        first_sentence -= 1
    if not clauses:
        return "无标题"
    clause = _RUN_IN_ITEM.split(clauses[0], maxsplit=1)[0]
    if PURPOSE_LEAD.match(clause) or _BASIS_LEAD.match(clause):
        # 为进一步提升信息员素质，…，棠溪镇三步走; 根据县委的安排部署，7月13日，县委第一巡察组巡察…: the
        # clause of the subject, or the one after the time the main clause opens with
        # (…，2026年1月6日下午召开了…推进会: or the clause that runs on from its day)
        k = next((k for k, c in enumerate(clauses)
                  if k and (opens_with_subject(c, org) or (_TIME_ONLY.match(clauses[k - 1]) and not _TIME_ONLY.match(c))
                            or _runs_on_from_its_day(c))), 0)
        if not k and _BASIS_LEAD.match(clause) and not _CAMPAIGN_NAMED.search(clause):
            # no subject found after grounds (按照…要求，局纪委与督查二科联合对…): the clause its sentence goes on to, not
            # a formula (根据…，特制定本制度); grounds that name the notice or plan of a campaign (根据《关于开展能力提升
            # 行动的通知》要求) or a purpose (为做好…工作) name the matter themselves and stay (not a law's name: 根据《保密法》)
            k = next((k for k in range(1, first_sentence) if not (_TIME_ONLY.match(clauses[k]) or _CIRCUMSTANCE.match(clauses[k])
                                                                  or PURPOSE_LEAD.match(clauses[k]) or _BASIS_LEAD.match(clauses[k]))), 0)
            k = 0 if k and _FORMULA.search(clauses[k]) else k
        if not k:  # no subject found: the first clause of the next sentence that says more than when
            k = next((k for k in range(max(1, first_sentence), len(clauses)) if not _TIME_ONLY.match(clauses[k])), 0)
        clause = clauses[k]
        if k and len(clause) < _SHORT_CLAUSE and k + 1 < len(clauses):  # 棠溪镇三步走，推动…培训再上新台阶
            clause += "，" + clauses[k + 1]
    clause = _tidy(clause)
    # a clause cut short says so (州环保第三督导组来建始调研督导…整改…, not …整改工)
    return clause if len(clause) <= _INFERRED_MAX_LEN else clause[: _INFERRED_MAX_LEN - 1] + "…"


def _runs_on_from_its_day(clause: str) -> bool:
    """A clause that opens with its day and goes on to say what was done (2026年1月6日下午召开了…推进会), not a time alone
    (3月9日至10日, 4月11日上午)."""
    day = _DAY_RUN_ON.match(clause)
    if not day or _TIME_ONLY.match(clause):
        return False
    return len(clause) - day.end() >= _SHORT_CLAUSE and not re.match(r"\s?(?:至|到|[—－\-~～])", clause[day.end():])  # (a span)


def _tidy(clause: str) -> str:
    """A clause made a title: without the number of the item it opens (1、镇党政综合办公室统一负责…), the day it
    runs on from (7月4日下午建三江管局纪检监察局…) or the 由 before the bodies that lead (由县纪委监委、县委巡察办牵头),
    a space a line break left between two characters (在县政 府三楼), or the opening quote of a
    quotation its first clause cuts (“某某乡镇领导‘走读’挨通报了, …”)."""
    clause = _BROKEN_BETWEEN_HAN.sub("", _ITEM_NUMBER.sub("", clause, count=1))
    past_day = _DAY_RUN_ON.sub("", clause, count=1)
    clause = past_day if len(past_day) >= _SHORT_CLAUSE else clause
    clause = _LED_BY.sub("", clause, count=1)
    if clause[:1] in "“\"" and not re.search("[”\"]", clause[1:]):
        clause = clause[1:]
    return clause or "无标题"


def opens_with_subject(clause: str, org: str | None = None) -> bool:
    """Whether a clause opens with its subject: the report's office, a town by its form, or a
    place the table knows (阳明区加大…)."""
    if org and clause.startswith((org, org.lstrip(_LEVEL_WORDS) or org, _SHORT_NAME.sub("办", org))):
        return True  # 区政府办公室 writes itself 区政府办 too
    if _TOWN_OPENS.match(clause) or _LEVEL_BODY.match(clause):  # (a body its level names: 市纪委监委部署开展…)
        return True
    places = find_places(clause[:12])
    return bool(places) and places[0].start == 0


# A web title's separator left at its end or start when the site's name beside it was not copied (…座谈会 |)
_STRAY_SEPARATOR = re.compile(r"^[\s|｜]*[|｜]\s*|\s*[|｜][\s|｜]*$")


def display_title(title: str, subtitle: str, year: int | None, org: str | None, region: str | None,
                  bulletin: tuple[str, str] = ("", ""), post: str = "", traditional: bool = False) -> str:
    """The title every list shows: `title`, completed when it is generic, plus its subtitle.

    A title without a year gets it in front (1998年国务院政府工作报告, 2019年关于南昌市…调研报告).
    A generic title (政府工作报告, 2026年政府工作报告, 县政府办公室工作总结), which says only
    what kind of document it is, also gets its owner's place or office after the year:
    2026年广东省政府工作报告; so does a speech at a meeting of the whole area (在全县…上的讲话) when its
    speaker's body is known with its place. A subtitle is joined with ——. An item of a bulletin (`bulletin`:
    its name and issue) is shown under them, the year in the issue: 《政务信息》2023年第12期：我县召开…
    (its headline alone, 我县召开全县政务信息工作会议, is the same in every county's bulletin). A personal
    report gets the `post` its opening names (`personal_post`) with the office's place: 2023年堌阳镇党委书记述职报告.
    """
    if traditional:  # a text in traditional characters is read folded, as enrich reads it (政府工作報告 is generic too)
        folded = to_simplified(title)
        shown = display_title(folded, to_simplified(subtitle), year, org, region, bulletin, post)
        # shown as written when only its year is put before it, else folded throughout, as its org is (紅安縣… with 红安
        # put in would mix the two)
        return shown.replace(folded, title, 1) if re.fullmatch(rf"(?:\d{{4}}年)?{re.escape(folded)}", shown) else shown
    name, issue = bulletin
    title = _STRAY_SEPARATOR.sub("", title) or title  # (a title of separators alone stays as it is)
    title = FILE_SUFFIX.sub("", _ATTACHMENT_LABEL.sub("", title)) or title  # 附件1：…工作总结.doc: the title it labels
    title = unspaced(title)  # 政 府 工 作 报 告, set out letter by letter over a page: 政府工作报告
    shown = _issued_by(_we_named(_placed(title, org), org), org)
    lead = _LEADING_YEAR.match(ascii_digits(shown))
    # 在全县…会议上的讲话: every county's speech of the kind is titled alike; whose it is tells them apart
    # (a town's 表态发言 at it by its town: 石门镇, 铁炉乡党委)
    town = _LOCAL_PLACE.match(org or "")
    speech = bool(_AREA_SPEECH.match(_LEADING_YEAR.sub("", shown))) and bool(
        _place_end(org or "") or town and org and org[0] not in _LEVEL_WORDS)
    if post and is_personal_report(shown):
        head, rest = (shown[: lead.end()], shown[lead.end():]) if lead else ("", shown)
        shown = head + _post_placed(post, org) + rest  # (the post names its office: no owner besides)
    elif (_is_generic(shown, org) or speech) and not _names_owner(shown, org):
        head, rest = (shown[: lead.end()], shown[lead.end():]) if lead else ("", shown)
        shown = head + _owner(org, region, title) + rest
    # (the plan's year is the next one; a subtitle that names the year names it for the title)
    if (year and not lead and not _ANY_YEAR.search(_PLAN_AFTER.sub("", ascii_digits(title))) and not _ANY_YEAR.search(ascii_digits(subtitle))
            and not _names_year_bare(title, year)):
        if name and not _ANY_YEAR.search(ascii_digits(issue)):
            issue = f"{year}年{issue}"
        elif not name:
            shown = f"{year}年{shown}"
    number = MEETING_NUMBER.match(subtitle.strip())
    if number:  # a minutes' number in brackets, its year in front: 2023年…常务会议纪要（第15次）
        numbered_in = number.group("year") or number.group("year_")
        if numbered_in and not _ANY_YEAR.search(ascii_digits(shown)):
            shown = f"{numbered_in}年{shown}"
        shown = f"{shown}（{number.group('number')}）"
    elif subtitle and subtitle not in shown:
        shown = f"{shown}——{subtitle}"
    if not name:
        return shown
    shown = "" if shown == name else shown  # (an issue of several items is titled by its bulletin: 《防汛工作简报》2023年第5期)
    if name.endswith("纪要"):  # a series of minutes (县长办公会议纪要 / 第12期): numbered as a meeting's are
        if shown.endswith(name):  # (named with its issuer: 罗田县人民政府常务会议纪要（2023年第15期）)
            return f"{shown}（{issue}）"
        return f"{name}（{issue}）：{shown}" if shown else f"{name}（{issue}）"
    return f"《{name}》{issue}：{shown}" if shown else f"《{name}》{issue}"  # (an issue of several items: its own title)


def _names_year_bare(title: str, year: int) -> bool:
    """Whether `title` names `year` as a bare number (关于对2014造林绿化开展督查的通知), not a count (2000万元, 2015个)."""
    return bool(re.search(rf"(?<!\d){year}(?![\d.．%万千百亿元个件名人户家项次期条届座所台套吨亩米])", ascii_digits(title)))


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_FULLWIDTH_DIGIT = re.compile("[０-９]")


def ascii_digits(s: str) -> str:
    """`s` with its full-width digits as ASCII ones, for its years to be read (关于２０２３年第三季度…): one for one,
    so a match's positions hold in `s` (enrich reads whole texts so: searched before translated); and a year in
    Chinese numerals typed with a letter O or a digit for its 〇 (`typed_zeros`)."""
    return typed_zeros(s.translate(_FULLWIDTH_DIGITS) if _FULLWIDTH_DIGIT.search(s) else s)


# A year in Chinese numerals whose 〇 may be typed as a letter O or a digit 0 (二O二三年, 二0二三年, 二Ｏ二三年); it is one
# when one of 一…九 stands among its four characters (`typed_zeros`; a pattern that opens on a class is scanned fast)
_TYPED_ZERO_YEAR = re.compile(r"[〇○零一二三四五六七八九OoＯｏ0０]{4}(?=\s?年)")
_NUMERAL_ONE_TO_NINE = re.compile("[一二三四五六七八九]")
_AS_LING = str.maketrans("OoＯｏ0０", "〇〇〇〇〇〇")


def typed_zeros(s: str) -> str:
    """`s` with the typed zeros of its years in Chinese numerals as 〇 (二O二三年 → 二〇二三年), one for one."""
    def as_ling(m: re.Match[str]) -> str:
        return m.group().translate(_AS_LING) if _NUMERAL_ONE_TO_NINE.search(m.group()) else m.group()

    return _TYPED_ZERO_YEAR.sub(as_ling, s) if "年" in s else s


# (or a bare year set apart by a space: 2024 县政府办公室工作总结, a cover's year line above the title)
_LEADING_YEAR = re.compile(r"^(?:(?:(?:1[89]|20)\d\d|[〇○零一二三四五六七八九]{4})\s?年度?|(?:1[89]|20)\d\d )")
_ANY_YEAR = re.compile(r"(?:1[89]|20)\d\d\s?学?年|[〇○零一二三四五六七八九]{4}年|[（(](?:1[89]|20)\d\d[）)]")  # 2013学年 too
# a minutes' number: 第12次, with its year 〔2023〕第15次, 2023年第15次
MEETING_NUMBER = re.compile(
    r"^[（(]?(?:[〔\[［（(]\s?(?P<year>\d{4})\s?[〕\]］）)]|(?P<year_>\d{4})\s?年)?\s?(?P<number>第\s?[\d一二三四五六七八九十百]+\s?次)[）)]?$"
)
_AREA_SPEECH = re.compile(r"^在(?:\d{4}\s?年度?)?全[省市县区州旗乡镇].{0,60}?上的(?:总结|主持|表态|交流)?(?:讲话|发言|致辞|主持词)$")
# (and the papers every office writes each year besides: 工作要点, 实施方案, 汇报材料, 表态发言, 对照检查材料)
_GENERIC_KIND = re.compile(r"(?:(?:人民)?政府)?(?:工作)?(?:报告|总结|汇报|情况汇报|调研报告|调查报告|计划|要点|思路|安排|打算"
                           r"|(?:实施|工作|整改)?方案|(?:应急)?预案|(?:汇报|交流|经验交流|典型|发言|对照检查|检查)?材料|(?:汇报|发言)?提纲"
                           r"|(?:表态)?发言|台账|情况)$")
# 工作总结和2024年工作计划: a plan joined to the summary does not make the title specific.
_PLAN_AFTER = re.compile(r"(?:和|及|暨|与)(?:(?:1[89]|20)\d\d\s?年度?)?(?:工作)?(?:计划|打算|思路|安排|要点)$")
# 县委办 / 县政府办: how offices call each other (the name is 县委办公室, 县政府办公室)
SHORT_OFFICE = r"((?<=[省市县区州旗])委|政府)办"
_OFFICE_NAME = re.compile(SHORT_OFFICE + "公室$")
# a place below the county table (its name redacted too: ××镇)
_LOCAL_PLACE = re.compile(rf"^(?:[\u4e00-\u9fff]{{2,8}}?|[{PLACEHOLDER}]{{1,3}})(?:镇|乡|街道|村|社区)")
_LEVEL_BODY = re.compile(r"[省市县区乡镇][\u4e00-\u9fff]{0,8}?(?:委|办|局|联|会|部|院|所|队|团|中心)")
# What a 公文 title wraps its topic in: 关于 …(年度)…工作(开展)情况的 (kind).
_FILLER = re.compile(r"^关于|(?:(?:1[89]|20)\d\d|[〇○零一二三四五六七八九]{4})\s?年度?"
                     r"|上半年|下半年|第[一二三四]季度|全年|有关|开展|落实|工作|情况|的$")
_GENERIC_MAX_HAN = 4  # besides owner, year and kind: 领导班子 (市政府办公室领导班子工作总结)
# …or a line of work every office has, no body in it (党风廉政建设, 镇域经济发展; not 市场监管局, an office's short name)
_GENERIC_WORK_MAX_HAN = 6
_BODY_END = re.compile(r"[局委办厅部院所站队室]|(?:联合|协|商)会")  # (not 民主生活会, a meeting)


def _is_generic(title: str, org: str | None) -> bool:
    """Whether the title is its owner, a year and a document kind, and little else."""
    rest = _PLAN_AFTER.sub("", _LEADING_YEAR.sub("", ascii_digits(title)))
    kind = _GENERIC_KIND.search(rest)
    if not kind:
        return False
    rest = _FILLER.sub("", rest[: kind.start()])  # 关于2023年度督查工作开展情况的报告: its topic is 督查
    for owner in _owner_names(org):
        rest = rest.replace(owner, "")
    for place in reversed(find_places(rest)):
        rest = rest[: place.start] + rest[place.end:]
    topic = len(_HAN.findall(rest))
    return topic <= _GENERIC_MAX_HAN or topic <= _GENERIC_WORK_MAX_HAN and not _BODY_END.search(rest)


# a level's character that starts a word (市场监管局, 县级公立医院, 市民, 区域): no level word standing for a place
# (县民政局, 县城管局 are the county's 民政局 and 城管局)
LEVEL_IN_WORD = re.compile(r"^(?:市[场民]|[省市县区乡镇](?:级|域|属|直|内|外))")


# A county the place table lacks, as an office's name opens with it (平安县人民政府: renamed since, or a model text's):
# two or three characters, none a word that stands for a place (全县, 本县, 各县)
_UNLISTED_COUNTY = re.compile(rf"^(?:(?![全各本我该每此其{_LEVEL_WORDS}州旗])[\u4e00-\u9fff]){{2,3}}[县旗](?=[\u4e00-\u9fff])")


def _place_end(org: str) -> int:
    """Where the places an office's name opens with end (see leading_places_end), a county the table lacks too."""
    unlisted = _UNLISTED_COUNTY.match(org)
    return leading_places_end(org) or (unlisted.end() if unlisted else 0)


def _placed(title: str, org: str | None) -> str:
    """The title with its owner's place before the name it opens with, when the title names no
    place: 县政府办2023年工作总结 by 萧县人民政府办公室 → 萧县政府办…, 县应急管理局… by 庐江县应急管理局 →
    庐江县应急管理局…, a generic 虬津镇2023年工作总结 by 永修县虬津镇人民政府 → 永修县虬津镇… (every county has a
    县政府办, and the office known, its title should say which; 县人社局 of 元谋县 → 元谋县人社局)."""
    town = _LOCAL_PLACE.match(org or "")  # (a town the table lacks: 镇人民政府… of 堌阳镇人民政府 → 堌阳镇人民政府…)
    end = _place_end(org or "") or (town.end() if town and org and org[0] not in _LEVEL_WORDS else 0)
    lead = _LEADING_YEAR.match(ascii_digits(title))
    head, body = (title[: lead.end()], title[lead.end():]) if lead else ("", title)
    if not org or not end or find_places(body):
        return title
    place, rest = org[:end], org[end:]
    forms = {rest, rest.replace("人民", "")}
    forms |= {form.replace("办公室", "办") for form in forms}
    if place[-1] in _LEVEL_WORDS and body[:1] == place[-1] and not LEVEL_IN_WORD.match(body) and (
            any(f and body.startswith(f, 1) for f in forms) or _LEVEL_BODY.match(body)):
        return head + place + body[1:]  # 县政府办 of 萧县: 萧县政府办; 县人社局 of 元谋县: 元谋县人社局
    town = _LOCAL_PLACE.match(rest)
    if town and body.startswith(town.group()) and _is_generic(title, org):
        return head + place + body  # 虬津镇 of 永修县: 永修县虬津镇 (a news headline, 泗张镇:严督…, says whose)
    return title


# A 公文's title without its issuer: its matter (关于…的通知) or its kind alone (通知; not 政府工作报告, a generic title
# `_owner` completes)
_DOCUMENT_KINDS = ("通知", "通报", "意见", "决定", "请示", "批复", "办法", "方案", "纪要")
_WITHOUT_ISSUER = re.compile(r"^关于|^(?:" + "|".join(_DOCUMENT_KINDS) + ")$")


def _issued_by(title: str, org: str | None) -> str:
    """The title with its issuer before it, as a 公文's title names it (发文机关 + 事由 + 文种), when it opens
    with its matter or is its kind alone and names no place: 关于建立汛期值班制度的通知 by 桐乡市水利局 →
    桐乡市水利局关于建立汛期值班制度的通知 (every office sends such a notice; the issuer says whose). An issuer
    known only by its level word (县水利局: which county?) says nothing more, and is not put in."""
    lead = _LEADING_YEAR.match(ascii_digits(title))
    head, body = (title[: lead.end()], title[lead.end():]) if lead else ("", title)
    # (中共罗田县委督查室, 中共…县委办公室、…县人民政府办公室: a party body's place follows 中共; of bodies signing together, the first's)
    first = (org or "").split("、", 1)[0]
    names = (first, first.removeprefix(next((p for p in PARTY_PREFIXES if first.startswith(p)), "")))
    if (not org or not _WITHOUT_ISSUER.match(body) or find_places(body) or _WE.search(body)
            or not any(_place_end(name) or _LOCAL_PLACE.match(name) for name in names)):
        return title  # (关于我县… that `_we_named` left: the office is not of that place, and would contradict it)
    return head + org + body


# 我县, 我市, 我镇 …: the writer's own place (not 我市场监管局, our 市场监管局; nor 我区域)
_WE = re.compile(r"我([省市县区州盟旗乡镇])(?![场域])")


def _we_named(title: str, org: str | None) -> str:
    """The title with the place its 我县, 我市, 我镇 … stand for, as its office's name gives it (关于我县农村人居环境整治
    情况的调研报告 by 罗田县政协办公室 → 关于罗田县…, 我镇 of 永修县虬津镇人民政府 → 永修县虬津镇…): put in its stead, not
    before it (罗田县关于我县… says the place twice, and 罗田县我县召开… is no Chinese), as another office would
    title it; the same words in every county's title tell none apart. Left as written when the office's name
    opens with no place of that level (县政协, 黄冈市人民政府办公室 for 我县)."""
    if not org or not _WE.search(title):
        return title
    ends, end = [], 0  # where each place the name opens with ends: 永修县 | 虬津镇
    for place in find_places(org):
        if place.start != end:
            break
        end = place.end
        ends.append(end)
    unlisted = _UNLISTED_COUNTY.match(org)
    if not ends and unlisted:
        end = unlisted.end()
        ends.append(end)
    town = _LOCAL_PLACE.match(org[end:])
    if town and (end or org[0] not in _LEVEL_WORDS):
        ends.append(end + town.end())

    def named(we: re.Match[str]) -> str:
        return next((org[:end] for end in reversed(ends) if org[end - 1] == we.group(1)), we.group())

    return _WE.sub(named, title)


# A personal report on one's post (述职报告, 2023年度述职述廉报告, 个人工作总结): its title names no one, so
# every such report in an archive reads alike; the post its opening says the writer holds tells them apart.
_PERSONAL_REPORT = re.compile(r"(?:年度)?(?:个人)?(?:年度)?(?:述[职德廉责学法]){1,4}报告|(?:年度)?个人(?:年度)?(?:工作)?总结")
_POST_WORD = r"(?:书记|常委|委员|秘书长|[镇乡县区市]长|局长|主任|部长|主席|所长|站长|院长|校长|队长|科长|股长|组长|馆长|行长|会长|社长|庭长)"
_ONE_POST = rf"[\u4e00-\u9fff]{{0,20}}?{_POST_WORD}"
# 我自2021年任堌阳镇党委书记以来, 本人现任红安县七里坪镇镇长，…, 本人任城关镇党委副书记、镇长以来, 作为县委办公室主任，…:
# the post (several joined by 、), in the clause where the writer says he holds it (not 我县, 我局: a body speaking)
_POST_HELD = re.compile(
    # (past the name the writer gives first: 我叫李红梅，现任…; 本人李红梅，2021年3月起任…)
    r"(?:(?:本人|我)(?![们县市区镇乡局办委会省院所站校中单部科股])[^，。；：！？,;:\n]{0,16}?(?:[，,][^，。；：！？,;:\n]{0,12}?)?"
    r"(?:任命为|现任|担任|出任|调任|(?<![责信主放曾])任)|作为(?:一名)?)"
    rf"(?P<post>{_ONE_POST}(?:、{_ONE_POST})*)(?=一职|职务|以来|期间|[，。；,;\s])"
)
_POST_OPENING_CHARS = 300
# …or, as it is most often set, a byline under the title: the post and the writer's name (县政府办公室副主任  刘芳),
# perhaps in brackets (（红星镇党委书记 陈某）)
POST_BYLINE = re.compile(rf"^(?:[（(](?=[^（()）]+[）)]$))?(?:述职人[：:]\s*)?(?P<post>{_ONE_POST}(?:、{_ONE_POST})*)[ \u3000]+{PERSON_NAME}[）)]?$")
_BYLINE_LINES = 4  # the lines under the title a byline stands among (a date line, a cover's label)
_HELD_BEFORE = re.compile(r"曾|至\s?\d{4}\s?年")
_DUTY_WORDS = ("分管", "主管", "协管")


def is_personal_report(title: str) -> bool:
    return bool(_PERSONAL_REPORT.fullmatch(_LEADING_YEAR.sub("", "".join(ascii_digits(title).split()))))


def personal_post(title: str, opening: str) -> str:
    """The post a personal report is about when its title does not name it (述职报告, whose byline says
    县政府办公室副主任  刘芳 → 县政府办公室副主任, or whose opening says 我自2021年任堌阳镇党委书记以来 →
    堌阳镇党委书记), as the text writes it; "" for any other report, or
    a post not named by its place or level (本人担任主任以来: of what, the text must say)."""
    if not is_personal_report(title):
        return ""
    bylines = (POST_BYLINE.match(line.strip()) for line in opening.split("\n", _BYLINE_LINES)[:_BYLINE_LINES])
    m = next(filter(None, bylines), None) or _POST_HELD.search(opening[:_POST_OPENING_CHARS])
    # a post held before (本人2019年至2022年任…, 曾任…) is not the one reported on; 分管副镇长 names duties, not a town
    if not m or _HELD_BEFORE.search(m.group()) or m.group("post").startswith(_DUTY_WORDS):
        return ""
    post = m.group("post")
    named = (_place_end(post) or _LOCAL_PLACE.match(post) or post.startswith("中共")
             or (post[0] in _LEVEL_WORDS and not LEVEL_IN_WORD.match(post)))
    return post if named else ""


def _post_placed(post: str, org: str | None) -> str:
    """A post with its office's place when the post names none (县财政局副局长 of 永修县财政局 → 永修县财政局副局长,
    七里坪镇镇长 of 红安县七里坪镇人民政府 → 红安县七里坪镇镇长)."""
    end = _place_end(org or "")
    if not org or not end or _place_end(post):
        return post
    place = org[:end]
    if post[0] == place[-1] and not LEVEL_IN_WORD.match(post):
        return place + post[1:]
    town = _LOCAL_PLACE.match(org[end:])
    return place + post if town and post.startswith(town.group()) else post


def _owner_names(org: str | None) -> list[str]:
    """The ways a title may name the office: 县行政审批服务局办公室, 行政审批服务局办公室, 国务院."""
    if not org:
        return []
    unplaced = _strip_place(org)
    names = [org, unplaced]
    if org[0] in _LEVEL_WORDS:  # 县行政审批服务局办公室 is written 行政审批服务局办公室 in its own title
        names.append(org[1:])
    elif unplaced != org:  # 浏阳市委办公室 is written 县委办公室 (市委办公室) in its own title, by its level word
        names += [level + unplaced for level in _LEVEL_WORDS]
    names += [_OFFICE_NAME.sub(r"\1办", name) for name in names]  # 县委办公室 calls itself 县委办
    return sorted({n for n in names if len(n) >= 2}, key=len, reverse=True)


def _names_owner(title: str, org: str | None) -> bool:
    """Whether the title already says whose report it is: a place, the office itself, or a
    body of a level the office is not known of (县妇联2023年工作总结: no province before it)."""
    town = _LOCAL_PLACE.match(org or "")  # 七里坪镇人民政府, 红旗村村民委员会: named by 七里坪镇, 红旗村
    # (and by the town alone, its county not read before it: 城关镇 of 某县城关镇人民政府)
    alone = re.sub(rf"^.*[{_LEVEL_WORDS}州旗](?=.{{2}})", "", town.group()) if town else ""
    return (bool(find_places(ascii_digits(title))) or any(name in title for name in _owner_names(org))
            or (not org and bool(_LEVEL_BODY.match(_LEADING_YEAR.sub("", title))))
            or bool(town and (town.group() in title or alone in title)))


def _owner(org: str | None, region: str | None, title: str) -> str:
    """Whose report: a government's place (广东省人民政府 → 广东省), else the office; with no office
    known, the province only for its 政府工作报告 (a county's 汇报 is not the province's)."""
    if org:
        government = re.fullmatch(r"([^、]+?)(?:人民)?政府", org)  # (not the last of bodies signing together)
        return government.group(1) if government else org
    return region if region and region != "全国" and "政府工作报告" in title else ""


def _strip_place(org: str) -> str:
    places = find_places(org)
    return org[places[0].end:] if places and places[0].start == 0 else org
