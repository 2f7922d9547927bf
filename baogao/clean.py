"""Stage 2, clean: drop what is not report text, and count every kind of removal.

Runs on decoded text. Removes the stray NUL bytes that decode lets through, paywall markers
(`##paidbegin##`), zero-width characters, legal-database header lines (【法宝引证码】, 原文链接)
and the toolbar/breadcrumb lines that web pages leave in copied text. Indentation (ASCII or
full-width spaces) is stripped; the words of a line are never touched.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter

from baogao.model import Cleaned

# Markers such as ##paidbegin## / ##paidend## that paywalled sites put into the text.
_MARKER = re.compile(r"##[A-Za-z][A-Za-z0-9_]*##")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Everything str.strip() treats as white space, plus the full-width space (already included).
# (原文链接 with an address: a 原文链接 that names a title is a repost's credit, the text's own, parse reads it)
_HEADER_LINE = re.compile(r"^(?:【法宝引证码】.*|原文链接[:：]\s*(?:https?://|www\.)\S+)$", re.IGNORECASE)

# Lines that only a web page's chrome produces. Each is short; the length cap keeps a real
# sentence that happens to start with 来源 or 编辑 from ever matching.
_CLUTTER_MAX_LEN = 30
_STRONG_CLUTTER = re.compile(
    r"""^(?:
        【?字[号体][:：].*                       # 【字号：大 中 小】
      | (?:您的|当前)位置[:：].*                  # breadcrumbs
      | 分享(?:到[:：]?|[:：]).{0,8}              # 分享到: / 分享到微信 / 分享：
      | 打印本页 | 关闭窗口 | 打印此页 | 返回顶部 | 【?关闭】? | 【?打印】?
      | 发[布表]时间[:：].* | 阅读量[:：].* | 浏览次数[:：].* | 点击数[:：].*
      | \d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}(?::\d{2})?  # 2026-01-31 07:00:44
      | \d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}时\d{1,2}分
      | 相关(?:报道|文档|附件|链接|阅读|新闻)[:：>》]*
      | 点击(?:上方|下方)?\s*(?:蓝字|“[^”]{1,16}”)\s*(?:一键)?关注(?:我们)? | 阅读原文 | (?:分享\s*)?收藏\s*点赞\s*在看 | 往期推荐  # a WeChat
      | 长按(?:识别)?(?:二维码|图片)(?:关注(?:我们)?)?                          # post's
      | (?:上一篇|下一篇)[:：].{0,24}                # another page's title
    )$""",
    re.VERBOSE,
)
# Chrome at any length: a line of nothing but page labels, one of them a page's own (信息来源：… 发布时间：…
# 点击数：867; not a study's 来源：县统计局 作者：张三), a WeChat post's byline (原创 府山街道 柯城府山发布 2023-12-28 18:05 发表于浙江).
_LONG_CLUTTER = re.compile(
    r"""^(?:
        (?=.*(?:发[布表](?:时间|日期)|点击数?|浏览(?:次数|量)?|阅读量?|访问量?)[:：]  # (a web page's own label among them,
           |.*(?:信息来源|来\s*源)[:：](?=.*(?:时间|日期)[:：]\s*(?:19|20)\d\d-\d{1,2}-\d{1,2}))    # or its source and day in figures:
        (?:[\s|｜【\[]*(?:信息来源|来\s*源|发[布表](?:时间|日期|者|人)|作\s*者|(?:责任)?编辑|点击数?|浏览(?:次数|量)?|阅读量?|访问量?
                    |时间|日期)[:：]\s*\S{0,24}                                  # (时间：… beside them is the page's, 来源：… | 浏览：120)
           (?:\s\d{1,2}:\d{2}(?::\d{2})?)?){2,}                               # (a day's hour: 2023-05-16 10:22)
      | 原创\s.{0,40}?\d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}(?:\s*发表于\S{0,8})?
      | \d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}(?::\d{2})?(?:[\s|｜]+(?:信息来源|来\s*源|作\s*者|(?:责任)?编辑)[:：]\s*\S{0,24})+  # its hour and source
    )\s*$""",
    re.VERBOSE,
)
_LONG_CLUTTER_MAX_LEN = 100
# …and a breadcrumb of crumbs joined by > (沂水县人民政府网　>　乡镇动态　>　许家湖镇, with or without 当前位置)
# as the text's first line or beside other chrome (申请 > 审核 > 办结 under 二、办理流程 is a guide's text)
# (two crumbs when the first is the site's home page: 首页 > 乡镇动态)
# (a crumb holds no <: 红安县<b>2023年</b>工作总结 is a title's markup, whose > are a tag's)
_BREADCRUMB = re.compile(r"^(?=(?:网站)?首页\s*[>»]|[^>»]*[>»][^>»]*[>»])"
                         r"[^\s<>»：:。，,；;！？!?]{1,16}(?:\s*[>»]\s*[^\s<>»：:。，,；;！？!?]{1,16})+$")
# A page's source, editor, author and time: chrome on a web page, but lines of the document in
# minutes (时间：2023-10-13 上午9:00), a table's note (来源：县统计局) or a study's byline (作者：…):
# removed only from a text that shows a web page's chrome elsewhere (_STRONG_CLUTTER), and only where a
# page puts them (_drop_page_chrome): a 公示's 作者：张三 under its item, a 招聘公告's 编辑：2名, are its text.
_PAGE_LABEL = re.compile(
    r"""^(?:
        [（(]?来\s*源[:：].{0,20}?[）)]?          # 来源：青海日报 / （来源：青海日报）
      | (?:责任)?编辑[:：].{0,12}                 # 责任编辑：李某
      | 作者[:：].{0,12}
      | 时间[:：]\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?  # (a day and its hour: not 2024-03-05至2024-03-10)
    )$""",
    re.VERBOSE,
)
_SUBTITLE_DASHES = ("——", "――", "--")
# Toolbar words that are clutter only beside strong clutter (大/中/小 of a font-size widget).
_WEAK_CLUTTER = frozenset(
    "下载 打印 全屏 收藏 加大 还原 减小 大 中 小 【 】 [ ] | 首页 × 分享 纠错 "
    "微信 微博 QQ QQ空间 QQ好友 朋友圈 新浪微博".split()
)
# …and a WeChat post's counters and comment box at its end (赞31, 在看8, 写留言); not 阅读 10万+ or 转发 1200,
# which a media centre's report may list as its own figures
_WEAK_COUNTER = re.compile(r"^(?:赞|在看|点赞)\d+$|^写?留言$")
_BREADCRUMB_SEPARATORS = frozenset("> >> » / →".split())
_WEAK_CLUTTER |= _BREADCRUMB_SEPARATORS
# A label left alone on its line (来源： / 责任编辑：) whose value is on the next line.
_BARE_LABEL = re.compile(r"^[（(]?(?:来\s*源|(?:责任)?编辑|发[布表]时间|作者)[:：]$")
_SHORT_VALUE_MAX_LEN = 15
_SENTENCE_PUNCT = re.compile(r"[。，；！？,;!?]")


def clean(text: str) -> Cleaned:
    """Clean decoded text into stripped, non-empty lines. A line ends wherever str.splitlines ends one:
    LF and CR, and the separators some editors write instead (U+2028/U+2029 from web editors, Word's
    manual line break U+000B, U+000C, U+0085): white space, which the fidelity check ignores (baogao.check)."""
    removed: Counter[str] = Counter()
    removed["nul_bytes"] = text.count("\x00")
    text = text.replace("\x00", "")
    text, removed["markers"] = _MARKER.subn("", text)
    text, removed["zero_width"] = _ZERO_WIDTH.subn("", text)

    lines = [line.strip() for line in text.splitlines()]
    kept: list[str] = []
    for line in lines:
        if not line:
            continue
        if _HEADER_LINE.match(line):
            removed["header_lines"] += 1
            continue
        kept.append(line)

    posted = next(filter(None, map(_posted, kept)), "")
    kept, dropped = _drop_page_chrome(kept)
    removed["clutter_lines"] = len(dropped)
    source = next(filter(None, map(_page_source, dropped)), "")
    return Cleaned(lines=tuple(kept), removed={k: v for k, v in sorted(removed.items()) if v}, posted=posted, source=source)


# A web page's label of the day it was posted, alone or among its other labels (信息来源：县政府办 发布时间：2023-05-16
# 10:22:01 点击数：867, 【发布日期：2021-11-03】); not a sentence that names a day to publish on.
_LABELLED_DAY = r"\s*[:：]\s*((?:19|20)\d\d)\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})(?!\d)"
_POSTED = re.compile(r"(?:^|[\s【\[|｜])发[布表](?:时间|日期)" + _LABELLED_DAY)
_PAGE_TIME = re.compile(r"(?:^|[\s|｜])(?:时间|日期)" + _LABELLED_DAY)  # (only in a line of page labels: _posted)
# …and a WeChat post's byline (原创 府山街道 柯城府山发布 2023-12-28 18:05 发表于浙江)
_WECHAT_POSTED = re.compile(r"原创\s.{0,40}?((?:19|20)\d\d)-(\d\d)-(\d\d)\s+\d{2}:\d{2}")
# …or the hour it was posted at, before its labels (2023-04-12 09:30　来源：荆门日报)
_STAMPED = re.compile(r"^((?:19|20)\d\d)-(\d\d)-(\d\d)\s+\d{2}:\d{2}")


def _posted(line: str) -> str:
    """The day a page label or a WeChat post's byline on `line` says the page was posted (ISO 8601), or "" (时间：…
    only among a page's labels: a 纪要's 时间：2023年5月10日 is its meeting's)."""
    if len(line) > _LONG_CLUTTER_MAX_LEN:
        return ""
    m = _POSTED.search(line) or _WECHAT_POSTED.match(line) or (_PAGE_TIME.search(line) or _STAMPED.match(line) if _LONG_CLUTTER.match(line) else None)
    try:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat() if m else ""
    except ValueError:  # 2月30日
        return ""


# The body a page's label names as its source (来源：宣恩县人社局　发布时间：…, 信息来源：县政府办 | 浏览：120)
# (the next label may follow with no space: 来源：宣恩县人社局发布时间：…)
_SOURCE_LABEL = re.compile(r"(?:信息来源|来\s*源)[:：]\s*([^\s|｜【】\[\]()（）:：]{2,24}?)"
                           r"(?=发布|作者|时间|日期|浏览|点击|编辑|字号|[\s|｜【】\[\]()（）:：]|$)")


def _page_source(line: str) -> str:
    """What a dropped line of page labels names as the page's source, or ""."""
    m = _SOURCE_LABEL.search(line)
    return m.group(1) if m else ""


def _drop_page_chrome(lines: list[str]) -> tuple[list[str], list[str]]:
    """Remove strong clutter lines anywhere, weak ones inside a run that holds strong ones, and a
    page's labels (来源：… / 责任编辑：…) in such a run or where a page puts them: above its title or
    right under it, and at its end: (the lines kept, the lines removed)."""
    strong = [(len(line) <= _CLUTTER_MAX_LEN and bool(_STRONG_CLUTTER.match(line)))
              or (len(line) <= _LONG_CLUTTER_MAX_LEN and bool(_LONG_CLUTTER.match(line))) for line in lines]
    # a breadcrumb: the text's first line, or beside a line of chrome (当前位置： / …)
    strong = [s or (bool(_BREADCRUMB.match(line)) and (i == 0 or strong[i - 1] or (i + 1 < len(lines) and strong[i + 1])))
              for i, (s, line) in enumerate(zip(strong, lines))]
    web_page = any(strong)
    label = [web_page and len(line) <= _CLUTTER_MAX_LEN and bool(_PAGE_LABEL.match(line)) for line in lines]
    weak = [line in _WEAK_CLUTTER or bool(_WEAK_COUNTER.match(line)) for line in lines]
    for i, line in enumerate(lines):
        short_value = len(line) <= _SHORT_VALUE_MAX_LEN and not _SENTENCE_PUNCT.search(line)
        if not short_value or i == 0:
            continue
        if web_page and _BARE_LABEL.match(lines[i - 1]):
            label[i] = True  # the value of 来源： on its own line
        # a crumb between breadcrumb separators: 首页 > 政务信息 > 宁夏要闻
        next_line = lines[i + 1] if i + 1 < len(lines) else ""
        if lines[i - 1] in _BREADCRUMB_SEPARATORS or next_line in _BREADCRUMB_SEPARATORS:
            weak[i] = True
        elif weak[i - 1] and line == lines[i - 1]:
            weak[i] = True  # the last crumb again, as the channel's heading (云南要闻 / 云南要闻)
    chrome = [s or w or lab for s, w, lab in zip(strong, weak, label)]
    title = next((i for i, c in enumerate(chrome) if not c), len(lines))
    # (or under its ——subtitle: ——2026年2月3日在上海市第十六届人民代表大会第四次会议上 / 来源：解放日报)
    under = title + 2 if title + 1 < len(lines) and lines[title + 1].startswith(_SUBTITLE_DASHES) else title + 1
    drop = list(strong)
    start = 0
    while start < len(lines):
        if not chrome[start]:
            start += 1
            continue
        end = start
        while end < len(lines) and chrome[end]:
            end += 1
        # (at its end, or over its footer with a line that is no sentence between: 责任编辑：/ 李莎莎 /
        # 扫一扫在手机打开当前页 / 相关附件>>; labels elsewhere are the text's: a 公示's 作者：张三 / 编辑：李四
        # under each of its items, or over its closing sentence and the page's 打印本页)
        footer = end == len(lines) or (end + 1 < len(lines) and strong[end + 1] and not _SENTENCE_PUNCT.search(lines[end]))
        if any(strong[start:end]) or (any(label[start:end]) and (start <= under or footer)):
            drop[start:end] = [True] * (end - start)
        start = end
    return [line for line, gone in zip(lines, drop) if not gone], [line for line, gone in zip(lines, drop) if gone]
