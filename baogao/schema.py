"""The one front-matter schema: every report page, sidecar and catalog entry follows it.

`FIELDS` is the one table of report metadata: each field's check and where it goes (catalog.json,
search results, a search filter, the metadata panel) with its label. `baogao.catalog`, the search
index (`baogao.search.index`: rows, filters, the manifest's names and labels) and the panel
template (through `baogao.site.panel_fields`) read these flags; a new field is a line here and
its rule in `baogao.enrich`. Used at conversion (validation) and when those are written.

Errors name the file and the field, in the style of Material's plugins:
`Error reading metadata 'year' of 'reports/x.txt': expected a year, got '二〇二x'`.
"""

from __future__ import annotations

import datetime
import re
import reprlib
from dataclasses import dataclass
from typing import Any, Callable, Literal

# (工作计划: 计划, 要点, 打算; 方案: 实施方案, 工作方案, 预案; 纪要: 会议纪要 — the kinds an office files
# beside its summaries and reports, each a browsing page of its own)
NEWS_ITEM = "工作动态"  # a news item of a unit's work (baogao.enrich reads it where no document type is named)
DOC_TYPES = ("工作总结", "工作计划", "情况汇报", "调研报告", "政府工作报告", "讲话", "纪要", "通知", "通报", "方案", "办法",
             "意见", "请示", "决议", NEWS_ITEM, "其他")
# types that name no report: a title inferred as its office + one of them would tell no two reports apart
NAMELESS_TYPES = (NEWS_ITEM, "其他")
LEVELS = ("中央", "省", "市", "县", "乡")
YEAR_SOURCES = ("title", "filename", "text", "properties", "sidecar")  # properties: the file's creation date
TITLE_SOURCES = ("text", "fields", "filename", "inferred", "sidecar")  # fields: a 信息公开 table's 文件名称
# The marking of a classified text (GB/T 9704: 密级 and 保密期限, 秘密★1年), least secret first.
SECRET_LEVELS = ("公开", "内部", "秘密", "机密", "绝密")
MIN_YEAR, MAX_YEAR = 1949, 2100


# A value shown in an error stays short even when a sidecar's YAML aliases make it huge.
_SHORT_REPR = reprlib.Repr()
_SHORT_REPR.maxlevel, _SHORT_REPR.maxlist, _SHORT_REPR.maxdict, _SHORT_REPR.maxstring = 2, 4, 4, 60


class SchemaError(ValueError):
    """A metadata value does not fit the schema."""


def _str(value: Any) -> str | None:
    if isinstance(value, str) and value.strip() and "\n" not in value:
        return None
    return "expected one line of text"


def _year(value: Any) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool) and MIN_YEAR <= value <= MAX_YEAR:
        return None
    if isinstance(value, str) and value.strip().isdecimal():  # year: "2023" in a sidecar: the quotes make it text
        return f"expected a year ({MIN_YEAR}–{MAX_YEAR}) written as a number, without quotes"
    return f"expected a year ({MIN_YEAR}–{MAX_YEAR})"


def _date(value: Any) -> str | None:
    try:
        ok = isinstance(value, str) and MIN_YEAR <= datetime.date.fromisoformat(value).year <= MAX_YEAR
    except ValueError:
        ok = False
    return None if ok else f"expected a date (YYYY-MM-DD, {MIN_YEAR}–{MAX_YEAR})"


def _one_of(choices: tuple[str, ...]) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        return None if value in choices else f"expected one of {', '.join(choices)}"

    return check


def _count(value: Any) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return None
    return "expected a whole number ≥ 0"


def _bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else "expected true or false"


def _str_list(value: Any) -> str | None:
    if isinstance(value, list) and all(_str(item) is None for item in value):
        return None
    return "expected a list of names"


def _counts(value: Any) -> str | None:
    if isinstance(value, dict) and all(isinstance(k, str) and _count(v) is None for k, v in value.items()):
        return None
    return "expected a mapping of counts"


def _sha256(value: Any) -> str | None:
    ok = isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)
    return None if ok else "expected a SHA-256 hex digest"


PanelShow = Literal["", "always", "known"]


@dataclass(frozen=True)
class Field:
    """One metadata field, and everywhere it goes: declared once here, so that a new field takes
    this table and `baogao.enrich` only. The catalog, the search index's result rows and
    filters, and the metadata panel are derived from these flags."""

    name: str
    check: Callable[[Any], str | None]
    required: bool = True  # False: the value may be null (unknown)
    sidecar: bool = False  # may be set by hand in reports/NAME.meta.yml
    label: str = ""  # what readers see it called (panel, search filters)
    catalog: bool = False  # in catalog.json
    result: bool = False  # in each search result (the index's document rows, `baogao search --json`)
    facet: str = ""  # a filter of the search page: its URL parameter
    panel: PanelShow = ""  # in a report page's metadata panel: always (不详 when unknown) or when known
    # in the panel's folded part (FILE_INFO): about the file, not the report (encoding, source,
    # and what else describes the original file); the rest of the panel shows unfolded
    file_info: bool = False


# Order here is the order in the front matter, in catalog.json, in search results and the panel.
FIELDS = (
    Field("id", _str, catalog=True),
    Field("title", _str, sidecar=True, catalog=True),
    Field("title_source", _one_of(TITLE_SOURCES)),
    Field("title_inferred", _bool),
    # what lists show: the title completed (baogao.titles)
    Field("display_title", _str, catalog=True),
    Field("year", _year, required=False, sidecar=True, label="年份", catalog=True, result=True, facet="year",
          panel="always"),
    Field("year_source", _one_of(YEAR_SOURCES), required=False),
    # no year known: the earliest it can be (events); results show it as 2012年以后
    Field("year_min", _year, required=False, catalog=True, result=True),
    # 成文日期 when the text gives it (its date line); orders a year's reports and tells apart
    # reports that lists would otherwise show under one title (catalog.distinct_titles)
    Field("date", _date, required=False, label="成文日期", catalog=True, panel="known"),
    Field("org", _str, required=False, sidecar=True, label="发文单位", catalog=True, result=True, panel="always"),
    Field("level", _one_of(LEVELS), required=False, sidecar=True, label="层级", catalog=True, result=True,
          facet="level", panel="always"),
    Field("region", _str, required=False, sidecar=True, label="地区", catalog=True, result=True, facet="region",
          panel="always"),
    Field("doc_type", _one_of(DOC_TYPES), sidecar=True, label="文种", catalog=True, result=True, facet="type",
          panel="always"),
    Field("secret_level", _one_of(SECRET_LEVELS), required=False, sidecar=True, label="密级", catalog=True,
          result=True, facet="secret", panel="known"),
    Field("themes", _str_list, sidecar=True, label="主题", catalog=True, facet="theme"),  # shown as chips
    Field("keywords", _str_list, label="关键词", catalog=True, panel="known"),
    Field("chars", _count, label="字数", catalog=True, panel="always"),
    Field("redactions", _count, label="脱敏标记", catalog=True, panel="known"),
    Field("removed", _counts),
    Field("source", _str, label="源文件", catalog=True, panel="always", file_info=True),
    # the reader that made the text (baogao.readers: txt, docx, pdf, office, ofd), shown with the
    # download link of the original
    Field("reader", _str, label="读取方式", catalog=True, panel="always"),
    Field("encoding", _str, required=False, label="编码", catalog=True, panel="known", file_info=True),  # .txt only
    # the original file in the site, for download (not for .txt: the page is its text)
    Field("original", _str, required=False, catalog=True),
    Field("sha256", _sha256, catalog=True),
)
FIELD_BY_NAME = {field.name: field for field in FIELDS}
SIDECAR_FIELDS = tuple(field.name for field in FIELDS if field.sidecar)
CATALOG_FIELDS = tuple(field.name for field in FIELDS if field.catalog)
RESULT_FIELDS = tuple(field for field in FIELDS if field.result)
FACET_FIELDS = tuple(field for field in FIELDS if field.facet)
PANEL_FIELDS = tuple(field for field in FIELDS if field.panel)
FILE_INFO = "文件信息"  # the label of the panel's folded part (the fields flagged file_info)


def check_value(name: str, value: Any, where: str) -> None:
    """Raise SchemaError naming `where` (a file) and the field when `value` does not fit."""
    field = FIELD_BY_NAME.get(name)
    if field is None:
        raise SchemaError(f"Error reading metadata '{name}' of '{where}': unknown field")
    if value is None and not field.required:
        return
    problem = field.check(value)
    if problem:
        raise SchemaError(f"Error reading metadata '{name}' of '{where}': {problem}, got {_SHORT_REPR.repr(value)}")


def validate(meta: dict[str, Any], where: str) -> dict[str, Any]:
    """Check a complete front matter and return it in schema order."""
    missing = [field.name for field in FIELDS if field.name not in meta]
    if missing:
        raise SchemaError(f"Error reading metadata of '{where}': missing {', '.join(missing)}")
    for name, value in meta.items():
        check_value(name, value, where)
    return {field.name: meta[field.name] for field in FIELDS}


# A hand-written value is one short line: a 3.5-million-character title would grow every list.
SIDECAR_MAX_CHARS = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


# Characters a hand-typed value has no use for and that would mislead a reader where it is shown (lists, <title>,
# the panel): the bidirectional overrides and isolates (U+202E turns a title's text around), invisible spaces and
# marks (U+200B hides inside a name), lone surrogates (YAML's "\uD800": no UTF-8 file can hold them; the build ended
# in a traceback) and noncharacters. Not the joiners and marks that scripts need (U+200C/U+200D, U+200E/U+200F in
# Uyghur, U+180E in Mongolian: offices of minority regions write them).
_HIDDEN = re.compile(r"[\u00ad\u200b\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def _sidecar_text(value: Any) -> str | None:
    for text in value if isinstance(value, list) else [value]:
        if not isinstance(text, str):
            continue
        if len(text) > SIDECAR_MAX_CHARS:
            return f"expected at most {SIDECAR_MAX_CHARS} characters, got {len(text)}"
        if _CONTROL.search(text):
            return "expected text without control characters"
        if hidden := hidden_character(text):
            return f"expected text without invisible or invalid characters, got U+{ord(hidden):04X}"
    return None


def hidden_character(text: str) -> str | None:
    """The first character of `text` a hand-written value may not hold (`_HIDDEN`, the noncharacters beyond the
    first plane: U+1FFFE …), or None; themes.yml's names are checked so too."""
    found = _HIDDEN.search(text)
    if found:
        return found.group()
    return next((c for c in text if ord(c) > 0xFFFF and ord(c) & 0xFFFE == 0xFFFE), None)


def validate_sidecar(data: Any, where: str) -> dict[str, Any]:
    """Check a hand-written sidecar: a mapping of some SIDECAR_FIELDS."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SchemaError(f"Error reading '{where}': expected a mapping of field: value, got {type(data).__name__}")
    for name, value in data.items():
        if name not in SIDECAR_FIELDS:
            raise SchemaError(
                f"Error reading metadata '{name}' of '{where}': not a correctable field "
                f"(correctable: {', '.join(SIDECAR_FIELDS)})"
            )
        check_value(name, value, where)
        problem = _sidecar_text(value)
        if problem:
            raise SchemaError(f"Error reading metadata '{name}' of '{where}': {problem}")
    return dict(data)
