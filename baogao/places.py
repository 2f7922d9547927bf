"""Chinese place names → province and level, from the division table shipped by `cpca`.

The table is cpca's `resources/adcodes.csv` (adcode,name,longitude,latitude; 2017-era
divisions). It is read as a plain CSV — importing cpca would pull in pandas — once, on first
use. A 12-digit adcode reads PPCCXX000000: PP0000… is a province-level unit, PPCC00… a
prefecture-level one (市/州/盟/地区), anything else a county-level one (县/区/县级市/旗).

Which spellings count as a mention of a place (the rules `_names` applies):
- the full name always (阿坝藏族羌族自治州, 松桃苗族自治县, 赤峰市);
- provinces also by their stem (四川, 内蒙古, 广西), which are distinctive;
- autonomous units also by stem + 州/县/旗 (阿坝州, 松桃县, 鄂伦春旗);
- prefectures by their bare stem only when it has 3+ characters (石家庄, 呼和浩特) or is in a
  short whitelist of distinctive 2-character stems (阿坝, 凉山): most 2-character stems are
  words or are named for other reasons (延安精神, 长治久安, 大理石, 文山会海);
- counties never by bare stem (井冈山精神, 普陀 is in two provinces), but also by the names they
  took after the table (海安县 became 海安市 in 2018: stem + 市 or 区, see `_later_names`), and by a
  name the table lacks that its city writes with its level word and a body of it (成都市郫都区委);
- one-character stems (城区, 郊区, 矿区, 和县, 代县, 成县 …) are common words or word
  fragments (县委和县政府, 完成县级): they count only when qualified by the parent name that
  immediately precedes them (阳泉市城区, 马鞍山市和县), or — for the one-character counties —
  when they open a clause and their government or party committee follows (寿县人民政府督查室,
  歙县委: a signature or a letterhead; after any word with the level word again, 落实黟县县委), or where a group goes to do
  its work (深入代县，…; 赴和县开展调研). The same qualified spelling resolves names that exist
  in several provinces (通州区: 北京市通州区 vs 江苏 南通市通州区).
Three-character county names and X城市 names count only where a word can start (沿海城市 is
not 海城市; after a verb of going or lying there a county's, 深入秭归县, 地处来凤县, but not before 城 or 域: 深入南部县城,
and no district's: 前往港口区域), or after
a verb of following before the county's committee or government (落实霍邱县委).
A name that stays ambiguous is returned with province None.
"""

from __future__ import annotations

import bisect
import csv
import functools
import importlib.metadata
import re
from dataclasses import dataclass

LEVEL_PROVINCE, LEVEL_CITY, LEVEL_COUNTY = "省", "市", "县"

# The 55 minority nationalities, as they appear inside autonomous-unit names (with or without
# 族: 新疆维吾尔自治区, 伊犁哈萨克自治州, 鄂温克族自治旗). Stripped to get the short name.
_ETHNIC = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 "
    "拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 "
    "塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各"
).split()
_ETHNIC_TOKENS = sorted(
    [e + "族" for e in _ETHNIC] + [e for e in _ETHNIC if len(e) >= 2], key=len, reverse=True
)
_PROVINCE_SHORT = {  # autonomous regions and SARs: the stem is not a suffix strip
    "内蒙古自治区": "内蒙古",
    "广西壮族自治区": "广西",
    "西藏自治区": "西藏",
    "宁夏回族自治区": "宁夏",
    "新疆维吾尔自治区": "新疆",
    "香港特别行政区": "香港",
    "澳门特别行政区": "澳门",
}
# Two-character stems of autonomous prefectures that are not ordinary words and name only that
# prefecture (so 阿坝 alone counts). Left out on purpose: 大理(石), 文山(会海), 玉树(临风),
# 海西 (also 海峡西岸), 海南 (the province), 红河/怒江 (rivers).
_BARE_PREFECTURE_STEMS = frozenset(
    "阿坝 甘孜 凉山 延边 恩施 湘西 黔南 楚雄 德宏 迪庆 临夏 甘南 昌吉 伊犁 果洛 黄南 海北".split()
)
# Rows of the table that are groupings, not places.
_NOT_PLACES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
_NOT_PLACES_IN = ("北京时间",)  # words that open with a place's name and name no place
# Districts whose name is also a common word (为老城区“减压”: a town's old quarter; 城东区块): they count only
# with their city (洛阳市老城区, 西宁市城东区).
_WORDS_NAMING_DISTRICTS = frozenset({"老城区", "城东区", "城西区", "城北区"})

# Provincial government-service platforms: these name no place but belong to one province.
# Only brands whose province is certain are listed.
PLATFORMS = {
    "浙政钉": "浙江省",
    "浙里办": "浙江省",
    "粤省事": "广东省",
    "粤政易": "广东省",
    "粤商通": "广东省",
    "湘易办": "湖南省",
    "赣服通": "江西省",
    "赣政通": "江西省",
    "皖事通": "安徽省",
    "闽政通": "福建省",
    "渝快办": "重庆市",
    "渝快政": "重庆市",
    "随申办": "上海市",
    "鄂汇办": "湖北省",
    "苏服办": "江苏省",
    "蒙速办": "内蒙古自治区",
    "豫事办": "河南省",
    "豫快办": "河南省",  # its "互联网+督查" platform
    "秦务员": "陕西省",
    "冀时办": "河北省",
    "爱山东": "山东省",
    "辽事通": "辽宁省",
    "吉事办": "吉林省",
    "贵人服务": "贵州省",
    "甘快办": "甘肃省",
    "天府通办": "四川省",
    "三晋通": "山西省",
    "津心办": "天津市",
    "海易办": "海南省",
    "智桂通": "广西壮族自治区",
    "一部手机办事通": "云南省",
}
_PLATFORM_RE = re.compile("|".join(sorted(map(re.escape, PLATFORMS), key=len, reverse=True)))


@dataclass(frozen=True)
class Place:
    """One place mention found in a text."""

    name: str  # full official name, or the text as written when it is ambiguous
    province: str | None  # full province-level name (四川省, 北京市, 内蒙古自治区); None if ambiguous
    level: str | None  # 省 / 市 / 县 (LEVEL_*); None if the name is ambiguous across levels
    start: int
    end: int


@dataclass(frozen=True)
class _Unit:
    name: str
    province: str
    level: str


def find_places(text: str) -> list[Place]:
    """Place mentions in `text`, left to right, longest spelling first at each position.

    About 0.5 µs per character once the table is loaded (~0.2 s, on the first call): meant for
    titles and openings rather than whole archives.
    """
    pattern, table, guarded = _index()
    found: list[Place] = []
    persons: set[str] = set()
    for m in _mentions(pattern, text):
        if m.group() in guarded and not _at_word_start(text, m.start(), m.end(), found):
            continue
        if text.startswith(_NOT_PLACES_IN, m.start()) or text.startswith("代表团", m.end()):
            continue  # (北京时间; 参加江苏代表团审议: a delegation, named by its province)
        if m.group()[-1] not in _LEVEL_WORDS and _TOWN_AFTER.match(text, m.end()) and not pattern.match(text, m.end()):
            continue  # 衢江区湖南镇, 越秀区北京街道, 山东村: a town, street or village so named (not 河南镇平县, 江苏镇江)
        if m.group()[-1] not in _LEVEL_WORDS and m.start() > 0:
            # 镇党委书记王安徽主持…, then 王安徽指出: a person's given name, not the province
            person = text[m.start() - 1] + m.group()
            if person in persons or _PERSON_BEFORE.search(text, max(0, m.start() - 4), m.start()):
                persons.add(person)
                continue
        units = table.get(m.group()) or (_one_character_counties()[m.group()],)
        provinces = {u.province for u in units}
        levels = {u.level for u in units}
        found.append(
            Place(
                name=units[0].name if len(units) == 1 else m.group(),
                province=provinces.pop() if len(provinces) == 1 else None,
                level=levels.pop() if len(levels) == 1 else None,
                start=m.start(),
                end=m.end(),
            )
        )
        unlisted = _UNLISTED_COUNTY.match(text, m.end()) if found[-1].level == LEVEL_CITY else None
        if unlisted and not pattern.match(text, m.end()):
            # 成都市郫都区委: a county its city names with its level word, which the table of 2017 lacks (郫县 until 2016)
            found.append(Place(unlisted.group(1), found[-1].province, LEVEL_COUNTY, m.end(), unlisted.end(1)))
    return found


# A county-level name after its city, with its level word and one of its bodies (成都市郫都区委第一督查组, 达州市达川区人民政府);
# not a word for all of them or part of them (各区, 辖区, 城区, 市区), nor a zone (天府新区, 高新区) or an area of one
# (平潭综合实验区海坛片区管理局: the area of a former town)
_UNLISTED_COUNTY = re.compile(r"((?![各全本该每辖城市郊])[\u4e00-\u9fff]{1,3}?(?<![新片])[区县])"
                              r"(?=委|人民政府|政府|人大|政协|纪委|[\u4e00-\u9fff]{1,6}?局)")


def leading_places_end(name: str) -> int:
    """Where the places a name opens with end (元谋县 in 元谋县人力资源和社会保障局, 广州市越秀区 in
    广州市越秀区北京街道办事处): 0 when it opens with none."""
    end = 0
    for place in find_places(name):
        if place.start != end:
            break
        end = place.end
    return end


def _mentions(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """The table's names, and the one-character counties where they open a clause before their
    government (寿县人民政府): left to right, the table's match kept where the two overlap."""
    named = list(pattern.finditer(text))
    if "县" not in text:
        return named
    # (the table's matches do not overlap, so the last one starting before a county's end is the one it may overlap)
    starts = [m.start() for m in named]
    extra = [
        m for m in _one_character_county_pattern().finditer(text)
        if not (i := bisect.bisect_left(starts, m.end())) or named[i - 1].end() <= m.start()
    ]
    return sorted(named + extra, key=lambda m: m.start()) if extra else named


@functools.lru_cache(maxsize=1)
def _one_character_counties() -> dict[str, _Unit]:
    """寿县, 歙县, 和县 …: the counties of a one-character stem, each name in one province only."""
    counties: dict[str, list[_Unit]] = {}
    for unit in _units().values():
        if unit.level == LEVEL_COUNTY and unit.name.endswith("县") and len(_stem(unit.name)[0]) == 1:
            counties.setdefault(unit.name, []).append(unit)
    return {name: units[0] for name, units in counties.items() if len(units) == 1}


@functools.lru_cache(maxsize=1)
def _one_character_county_pattern() -> re.Pattern[str]:
    # not after a Han character (完成县级, 各县) but a verb of going there, and only before 人民政府 / 政府 / 委 / 人大 /
    # 政协 (县委, 县政府 …), also written with the level word again (荣县县委办, 寿县县政府), or before
    # one of the county's bureaus (勉县林业局), centres (攸县政务服务中心), towns' governments (岷县城关镇人民政府) or
    # committees (寿县安全生产委员会, 寿县安委办, 寿县纪委; not 和县乡两级…委员会 nor 代县长召开县安委会): the one place such
    # a short name cannot be part of another word
    names = "|".join(sorted(_one_character_counties()))
    # (after a word too when the level word is written again, 落实黟县县委…: no word ends in 黟县县)
    return re.compile(
        rf"(?<![\u4e00-\u9fff])(?:{names})(?=县?(?:(?:人民)?政府|委|人大|政协)|[\u4e00-\u9fff]{{1,6}}?局(?![面势限])"
        rf"|(?![乡镇村级域直城])[\u4e00-\u9fff]{{1,6}}?中心|(?![乡镇村级域直])[\u4e00-\u9fff]{{1,4}}?[镇乡](?:人民政府|政府|党委)"
        rf"|(?![乡镇村级域直城])(?:(?![的之长在与及对向是了为把被将召开主持参加出席省市县区])[\u4e00-\u9fff]){{1,8}}?委(?:员会|会|办)?(?![托屈婉]))"
        rf"|(?:{names})(?=县(?:(?:人民)?政府|委))"
        # (where a group goes, and what it does there: 深入代县，就…调研督导; 赴和县开展调研)
        rf"|(?:(?<=深入)|(?<=来到)|(?<=走进)|(?<=前往)|(?<=赴))(?:{names})(?=[^\u4e00-\u9fff]|开展|调研|督查|督导|检查|考察|视察|指导)"
    )


# A post and a common surname right before a bare place stem: the stem is a given name (书记王安徽, 主任李江西).
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金廖贾夏韦付方白邹孟熊秦邱尹薛闫段雷侯史陶黎贺顾毛郝龚邵万钱严覃戴莫孔汤"
)
_PERSON_BEFORE = re.compile(rf"(?:书记|[县市区镇乡省]长|主任|主席|局长|部长|委员|同志)[{_SURNAMES}]$")
_LEVEL_WORDS = "省市县区州盟旗"
# (a bare stem before a town's level word, or a river bank's: 藉河南岸; not 镇街, 村民, 路网, 社区工作者)
_TOWN_AFTER = re.compile(r"镇(?!街|江)|乡(?!村|镇)|村(?!镇|级|民)|街道|社区(?!工作)|路(?!径|线|上|网)|大街|大道|岸")
# Characters after which a word may begin: function words, and the level words that end a
# parent place name (全省…, 市…区).
_BEFORE_WORD = frozenset("在和与及的对向于至到从自赴由经为把将被给是即或同跟比据按了以等各全省市县区州盟旗乡镇")
# …and the verbs of going or lying somewhere, after which a county is named (深入秭归县; whole verbs, not their last
# characters: 处于洪区 is 处于 a flood area). Only a county (县, 旗): a district's name is often an area's word (前往港口区域,
# 走进新城区), and not before 城 or 域 (深入南部县城, 东部县域)
_GOING_TO = re.compile(r"(?:深入|进入|走进|莅临|前往|赶往|抵达|地处|调研)$")
_COUNTY_END = ("县", "旗")
_HAN_CHAR = re.compile("[\u4e00-\u9fff]")
# (or a day in figures: 9月25日沙雅县纪委…; not 第3日, 次日, 每日)
_YEAR_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d\d\s?年度?$|(?<!\d)\d{1,2}\s?月\s?\d{1,2}\s?[日号]$")
_BODY_OF_PLACE = re.compile(r"(?:人民)?政府|委|人大|政协")
_FOLLOWING = re.compile(r"(?:落实|贯彻|按照|依照|遵照|学习|传达)$")
# The party and the youth league name their committee of a place before it: 中共盱眙县委, 共青团宁乡市委; so does the
# political consultative conference (政协双峰县委员会).
PARTY_PREFIXES = ("中共", "中国共产党", "共青团", "政协", "中国人民政治协商会议")


def _at_word_start(text: str, start: int, end: int, found: list[Place]) -> bool:
    """Whether a name of the easily confused kind (see _index), text[start:end], starts a word:
    沿海城市 does not name 海城市, 中南部县城 not 南部县, but 、安义县, 西藏定日县 and 深入秭归县 do."""
    if start == 0 or (found and found[-1].end == start) or any(
            text.startswith(prefix, start - len(prefix)) for prefix in PARTY_PREFIXES):
        return True  # (中共盱眙县委, 共青团宁乡市委: the party's and the league's committees of a place)
    if _FOLLOWING.search(text, max(0, start - 2), start) and _BODY_OF_PLACE.match(text, start + 3):
        return True  # (落实霍邱县委…, 按照江北区人民政府…: a county's committee or government followed; not 会同县人大)
    if _YEAR_BEFORE.search(text, max(0, start - 8), start):
        return True  # (2022年临泽县政协…, 2023年度红安县…, 9月25日沙雅县…: a date written in figures ends a word)
    prev = text[start - 1]
    going = (_GOING_TO.search(text, max(0, start - 2), start) and text[start:end].endswith(_COUNTY_END)
             and not text.startswith(("城", "域"), end))
    return not _HAN_CHAR.match(prev) or prev in _BEFORE_WORD or bool(going)


def find_platforms(text: str) -> list[str]:
    """Provinces of the provincial service platforms named in `text`, one per mention."""
    return [PLATFORMS[m.group()] for m in _PLATFORM_RE.finditer(text)]


# A county's own news outlet is named by the county's bare stem (蕲春广播电视台记者…, 连江新闻网讯;
# 某某县融媒体中心 is named in full and found by find_places): its reports are of that county. Only
# in a dateline or byline (讯, 记者, 报道 after it): a bare stem elsewhere may be a word.
# (建始网讯; 靖州新闻网·红网靖州站6月15日讯: the dateline may name a partner site and the day before 讯;
# 今日竹山网消息: a site named 今日 and its county's stem, 消息 for 讯; 中国奉节网讯: or 中国, as 重庆's counties name theirs)
_OUTLET = re.compile(
    r"(?:今日|中国)?([\u4e00-\u9fff]{2,3}?)(?:(?:新闻网|融媒体中心|广播电视台)(?=[^，。；\s]{0,12}?(?:讯|消息)|[^，。；\s]{0,4}记者|报道)"
    r"|网(?=讯|消息))"
)


# A city's daily or evening paper is named by the city's bare stem (太原日报, 郑州晚报): a credit or a source naming it
# at a news item's end (…参加会议。(丁洁、王春宇)太原日报; 来源：清远日报; 清远日报 刘海军, its reporter after a space) says
# where the item is from. Only there, standing alone after a credit's mark or a line's start: a paper named inside a text
# may be another's (据人民日报报道; 会议传达学习了杭州日报头版文章; 被人民日报、长沙晚报等报道), and most national papers'
# names are no city's.
_CITY_PAPER_AT_END = re.compile(r"(?:^|(?<=[\s\u3000(（)）:：|]))([\u4e00-\u9fff]{2,4})(?:日报|晚报)"
                                r"(?:[\s\u3000]+[\u4e00-\u9fff]{2,4})?[)）\s\u3000]*$")
_PAPER_CREDIT_CHARS = 40


def city_paper_province(text: str) -> str | None:
    """The province of the city whose daily or evening paper `text`'s last line ends on (its credit or source)."""
    last = text.rstrip().rsplit("\n", 1)[-1]
    m = _CITY_PAPER_AT_END.search(last, max(0, len(last) - _PAPER_CREDIT_CHARS))
    if not m:
        return None
    places = find_places(m.group(1) + "市")
    if places and places[0].start == 0 and places[0].end == len(m.group(1)) + 1 and places[0].level == LEVEL_CITY:
        return places[0].province
    return None


def county_stem_province(stem: str) -> str | None:
    """The province of the one county-level unit whose stem `stem` is (江阴 → 江苏省), None when none or several."""
    return _county_stems().get(stem)


def find_outlets(text: str) -> list[str]:
    """Provinces of the county news outlets named in `text` by a stem that names one county only."""
    stems = _county_stems()
    return [stems[m.group(1)] for m in _OUTLET.finditer(text) if m.group(1) in stems]


@functools.lru_cache(maxsize=1)
def _county_stems() -> dict[str, str]:
    """Stem → province of the county-level units whose stem (2+ characters) no other unit or
    province shares (蕲春 → 湖北省; not 新华, a district of four cities)."""
    by_stem: dict[str, set[str]] = {}
    for unit in _units().values():
        stem = _stem(unit.name)[0]
        by_stem.setdefault(stem, set()).add(unit.province if unit.level == LEVEL_COUNTY else "")
    return {stem: provinces.pop() for stem, provinces in by_stem.items()
            if len(stem) >= 2 and len(provinces) == 1 and "" not in provinces}


@functools.lru_cache(maxsize=1)
def _units() -> dict[str, _Unit]:
    """adcode → unit, for every row of the table that is a place."""
    path = importlib.metadata.distribution("cpca").locate_file("cpca/resources/adcodes.csv")
    with open(str(path), encoding="utf-8", newline="") as f:
        names = {r["adcode"]: r["name"].strip() for r in csv.DictReader(f)}
    units = {}
    for code, name in names.items():
        province = names.get(code[:2] + "0" * 10)
        if name in _NOT_PLACES or len(code) != 12 or province is None:
            continue
        if code[2:] == "0" * 10:
            level = LEVEL_PROVINCE
        elif code[4:] == "0" * 8:
            level = LEVEL_CITY
        else:
            level = LEVEL_COUNTY
        units[code] = _Unit(name, province, level)
    return units


def _stem(name: str) -> tuple[str, str]:
    """(stem, kind suffix) of a full name: 阿坝藏族羌族自治州 → (阿坝, 州), 赤峰市 → (赤峰, 市)."""
    if name in _PROVINCE_SHORT:
        return _PROVINCE_SHORT[name], ""
    for suffix, kind in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            stripped = True
            while stripped:  # strip trailing nationalities, keeping at least two characters
                stripped = False
                for token in _ETHNIC_TOKENS:
                    if stem.endswith(token) and len(stem) - len(token) >= 2:
                        stem, stripped = stem[: -len(token)], True
                        break
            return stem, kind
    for suffix in ("特别行政区", "地区", "省", "市", "县", "区", "旗", "盟"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], suffix
    return name, ""


def _names(unit: _Unit, province_stems: frozenset[str]) -> set[str]:
    """Spellings of one unit that may stand alone in a text (see the module docstring)."""
    stem, kind = _stem(unit.name)
    if len(stem) < 2:  # 城区, 和县: only qualified by the parent name, see _index
        return set()
    names = {unit.name}
    if unit.level == LEVEL_PROVINCE:
        names.add(stem)
    elif kind in ("州", "县", "旗") and unit.name != stem + kind:
        if stem not in province_stems:  # 河南蒙古族自治县 ↛ 河南县 (河南县域 is about 河南省)
            names.add(stem + kind)
    if unit.level == LEVEL_CITY and (len(stem) >= 3 or stem in _BARE_PREFECTURE_STEMS):
        names.add(stem)
    return names


# Names a county-level unit takes when it is made a city or a district (撤县设市, 撤县设区, 撤市设区:
# 海安县 → 海安市 in 2018, 南康市 → 南康区): the table is of 2017, the reports of every year since.
# Each is the unit's stem with the new kind, counted only when no unit of the table is so named
# (长沙县 → 长沙市 is the prefecture); found, it is named as written, in the unit's province.
_LATER_KINDS = {"县": ("市", "区"), "市": ("区",)}
# Spellings so made that are ordinary words: 大城市 (大城县), 平原区 (平原县), 滨海区, 五指山区, 庐山区.
# (会同 is also a verb: 督查室将会同市人大… — and 会同县 was never renamed)
_WORDS_NOT_RENAMED = frozenset({"大城市", "平原区", "滨海区", "五指山区", "庐山区", "会同市", "会同区"})


def _later_names(unit: _Unit) -> tuple[str, ...]:
    stem, kind = _stem(unit.name)
    if unit.level != LEVEL_COUNTY or len(stem) < 2 or unit.name != stem + kind:  # not 自治县 (kept as is)
        return ()
    return tuple(stem + later for later in _LATER_KINDS.get(kind, ()))


# Units of prefecture rank the table has not: a zone set up over a county and run by its province (平潭综合实验区, over
# 平潭县 since 2012, its 管委会 of 正厅 rank), named in full only (its bodies write 区 for it: a bare 区 is any district's).
_ZONES_OF_RANK = (_Unit("平潭综合实验区", "福建省", LEVEL_CITY),)


@functools.lru_cache(maxsize=1)
def _index() -> tuple[re.Pattern[str], dict[str, tuple[_Unit, ...]], frozenset[str]]:
    by_code = _units()
    province_stems = frozenset(
        _stem(u.name)[0] for u in by_code.values() if u.level == LEVEL_PROVINCE
    )
    table: dict[str, list[_Unit]] = {}
    for unit in by_code.values():
        for name in _names(unit, province_stems):
            table.setdefault(name, []).append(unit)
    for unit in _ZONES_OF_RANK:
        table.setdefault(unit.name, []).append(unit)
    renamed: dict[str, list[_Unit]] = {}
    for unit in by_code.values():
        for name in _later_names(unit):
            if name not in table and name not in _WORDS_NOT_RENAMED:
                renamed.setdefault(name, []).append(_Unit(name, unit.province, unit.level))
    table |= renamed
    # Parent-qualified spellings (阳泉市城区, 北京市通州区) for one-character stems and for
    # names that are in more than one province. The parent is the prefecture, or the
    # province for districts of 直辖市 and counties ruled directly by a province.
    for code, unit in by_code.items():
        if unit.level != LEVEL_COUNTY:
            continue
        short = len(_stem(unit.name)[0]) < 2
        spread = {u.province for u in table.get(unit.name, ())}
        if not short and len(spread) <= 1 and unit.name not in _WORDS_NAMING_DISTRICTS:
            continue
        parent = by_code.get(code[:4] + "0" * 8) or by_code.get(code[:2] + "0" * 10)
        if parent is None:
            continue
        own = {unit.name} | ({_stem(unit.name)[0] + "县"} if unit.name.endswith("自治县") else set())
        prefixes = {parent.name}
        if parent.level == LEVEL_PROVINCE:  # 北京通州区 as well as 北京市通州区
            prefixes.add(_stem(parent.name)[0])
        for prefix in prefixes:
            for name in own:
                table.setdefault(prefix + name, []).append(unit)
    frozen = {name: tuple(dict.fromkeys(units_)) for name, units_ in table.items() if name not in _WORDS_NAMING_DISTRICTS}
    # Names whose two-character stem often ends another word: the county names of three
    # characters (南部县 in 中南部县城, 浮山县 in 罗浮山县) and every X城市 (海城市 in 沿海城市,
    # 应城市 in 适应城市). They count only where a word can start (_at_word_start).
    guarded = frozenset(
        name
        for name, units_ in frozen.items()
        if name.endswith("城市") or (len(name) == 3 and all(u.level == LEVEL_COUNTY for u in units_))
    )
    return re.compile(_trie_pattern(frozen)), frozen, guarded


def _trie_pattern(words) -> str:
    """One regex for many literal words that matches the longest word at each position.

    The pattern is trie-shaped, and where a node has many branches they are split by
    character range behind `(?=[lo-hi])` guards, so the engine tries a few dozen branches per
    text position instead of the ~2000 possible first characters of a place name.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branches(alts: list[tuple[str, str]]) -> str:
        if len(alts) == 1:
            return alts[0][1]
        if len(alts) <= _FANOUT:
            return "(?:" + "|".join(body for _, body in alts) + ")"
        size = -(-len(alts) // _FANOUT)
        groups = [alts[i : i + size] for i in range(0, len(alts), size)]
        return "(?:" + "|".join(
            f"(?=[{re.escape(g[0][0])}-{re.escape(g[-1][0])}]){branches(g)}" for g in groups
        ) + ")"

    def build(node: dict) -> str:
        alts = [(ch, re.escape(ch) + build(child)) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = branches(alts)
        if "" in node:  # a word ends here: the longer continuations are optional, tried first
            return f"(?:{body})?"
        return body

    return build(trie)


_FANOUT = 4
