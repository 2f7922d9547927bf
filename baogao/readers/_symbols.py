"""Symbol fonts (Wingdings, Wingdings 2, Wingdings 3, Webdings, Symbol): what a character in one
of them shows, as Unicode text.

These fonts are older than Unicode: their glyphs sit on the codes of Latin-1 characters, so in
Wingdings 2 an "R" shows ☑ and a "£" shows □. Word stores such a character as `w:sym` with the
font and the code plus F000 (`w:font="Wingdings 2" w:char="F052"`, a private-use code point that
means nothing without the font; some writers leave out the F000), or as text in a run set in the
font (typed "R", then the font changed: a common way to make ☑). Used by the .docx reader
(`baogao.readers.docx`), so that a form's chosen option (☑ 优秀 □ 合格) reaches the page.

The codes are those of the published tables of the Unicode characters for these fonts (Unicode
7.0 encoded the Wingdings and Webdings glyphs; as in dingbat-to-unicode's dingbats.csv, whose
Wingdings 2 agrees code for code with a second table). Kept for Wingdings, Wingdings 2, Wingdings 3
and Webdings: the marks a report or a form uses (check boxes, ticks and crosses, squares, circles,
diamonds, stars, triangles, pointing hands, circled numbers, list arrows, ※), not pictures (✈
📁): where Unicode's own character is one that few fonts draw (plane 1, or the arrows and shapes
added in 7.0: 🗹 U+1F5F9, ⮽ U+2BBD) or that browsers draw as an emoji (⚫ ⬛), a common
look-alike stands for it (☑, ☒, ●, ■). Symbol is kept
whole: its Greek letters and signs (√ × ÷ ± ≤ ≥ ° → ∑) are text.
"""

from __future__ import annotations


def _table(runs: dict[int, str]) -> dict[int, str]:
    """Each string gives the characters of consecutive codes from its key on."""
    return {start + offset: char for start, chars in runs.items() for offset, char in enumerate(chars)}


_TABLES = {
    "wingdings": _table({
        0x45: "☜☞☝☟",
        0x6C: "●○■□□❑❒⧫⧫◆❖⬩⌧",
        0x80: "⓪➀➁➂➃➄➅➆➇➈➉⓿➊➋➌➍➎➏➐➑➒➓",
        0x9E: "∙•▪○○○◉◎○▪☐",
        0xAB: "★",
        0xB5: "✪✰",
        0xD8: "➢",
        0xEF: "⇦⇨⇧⇩",
        0xFB: "✗✓☒☑",
    }),
    "wingdings 2": _table({
        0x4F: "✗✓☒☑☒☒⊗⊗",
        0x69: "⓪①②③④⑤⑥⑦⑧⑨⑩⓿❶❷❸❹❺❻❼❽❾❿",
        0x98: "●○○○○⊙⦿",
        0xA1: "◾■□□□□▣▣▣",
        0xAD: "⬩⬥◇",
        0xB1: "◈",
        0xB6: "⬪⬧◊",
        0xEA: "★✶",
        0xF0: "✹",
        0xF3: "✯",
        0xF8: "※⁂",
    }),
    "wingdings 3": _table({
        0x21: "←→↑↓",
        0x70: "▲▼△▽◀▶◁▷◣◢◤◥",
        0x81: "▲▼◀▶",
    }),
    "webdings": _table({0x61: "✔", 0x63: "□", 0x67: "■", 0x6E: "●", 0x72: "✗", 0x98: "✯"}),
    "symbol": _table({  # Adobe's Symbol encoding; F0 (an Apple logo in the private use area) left out
        0x20: " !∀#∃%&∍()*+,−./0123456789:;<=>?≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_‾αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}~",
        0xA0: "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…⏐⎯↵ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓◊〈®©™∑⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪",
        0xF1: "〉∫⌠⎮⌡⎞⎟⎠⎤⎥⎦⎫⎬⎭",
    }),
}


def is_symbol_font(font: str) -> bool:
    return " ".join(font.lower().split()) in _TABLES


def symbol(font: str, code: int) -> str | None:
    """What the character `code` shows in `font`, when it is a code of one of these fonts (00–FF,
    or F000–F0FF): "" for one that is not kept. None for any other font or code (a Unicode
    character, shown as itself)."""
    table = _TABLES.get(" ".join(font.lower().split()))
    if table is None or 0xFF < code < 0xF000 or code > 0xF0FF:
        return None
    return table.get(code & 0xFF, "")
