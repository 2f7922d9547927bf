"""Word's list numbers as Word shows them: a counter in a number format (OOXML `w:numFmt`).

Used by the .docx reader (`baogao.readers.docx`) to write the automatic numbers of headings
and lists ("一、", "（一）", "1.", "①") into the text, as Word renders them. Only the formats
are here; counting and `w:lvlText` ("（%1）") are the reader's.
"""

from __future__ import annotations

from collections.abc import Callable

_CN_DIGITS = "零一二三四五六七八九"
_CN_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_CN_UNITS = ("", "十", "百", "千")
_CN_LEGAL_UNITS = ("", "拾", "佰", "仟")
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PARENTHESIZED = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULL_STOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def chinese_counting(n: int, digits: str = _CN_DIGITS, units: tuple[str, ...] = _CN_UNITS) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (Word's chineseCounting)."""
    if n <= 0 or n >= 10_000:
        return str(n)
    parts: list[str] = []
    zero = False
    for power in (3, 2, 1, 0):
        digit = n // 10**power % 10
        if digit == 0:
            zero = bool(parts)
            continue
        if zero:
            parts.append(digits[0])
            zero = False
        parts.append(digits[digit] + units[power])
    text = "".join(parts)
    return text[1:] if 10 <= n < 20 and units is _CN_UNITS else text  # 十一, not 一十一


def _letters(n: int) -> str:
    """1 → a, 26 → z, 27 → aa (Word repeats the letter)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _roman(n: int) -> str:
    out = []
    for value, numeral in _ROMAN:
        while 0 < value <= n:
            out.append(numeral)
            n -= value
    return "".join(out) or "0"


def _from(table: str, n: int) -> str:
    return table[n - 1] if 1 <= n <= len(table) else str(n)


def _cycle(table: str, n: int) -> str:
    return table[(n - 1) % len(table)] if n > 0 else str(n)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalHalfWidth": str,
    "chineseCounting": chinese_counting,
    "chineseCountingThousand": chinese_counting,
    "japaneseCounting": chinese_counting,
    "taiwaneseCounting": chinese_counting,
    "taiwaneseCountingThousand": chinese_counting,
    "chineseLegalSimplified": lambda n: chinese_counting(n, _CN_LEGAL_DIGITS, _CN_LEGAL_UNITS),
    "ideographDigital": lambda n: "".join(_CN_DIGITS[int(d)] for d in str(n)).replace("零", "〇"),
    "taiwaneseDigital": lambda n: "".join(_CN_DIGITS[int(d)] for d in str(n)).replace("零", "〇"),
    "ideographTraditional": lambda n: _cycle(_HEAVENLY_STEMS, n),
    "ideographZodiac": lambda n: _cycle(_EARTHLY_BRANCHES, n),
    "decimalEnclosedCircle": lambda n: _from(_CIRCLED, n),
    "decimalEnclosedCircleChinese": lambda n: _from(_CIRCLED, n),
    "ideographEnclosedCircle": lambda n: _from(_CIRCLED, n),
    "decimalEnclosedParen": lambda n: _from(_PARENTHESIZED, n),
    "decimalEnclosedFullstop": lambda n: _from(_FULL_STOP, n),
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
    "none": lambda n: "",
}


def format_number(n: int, fmt: str) -> str:
    """The counter `n` in Word's format `fmt`; formats baogao does not know are written as decimals."""
    return _FORMATS.get(fmt, str)(n)
