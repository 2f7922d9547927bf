"""Golden pages of the sample reports.

Regenerate after an intended change to the pipeline, then review the diff:

    make golden && git diff tests/golden
"""

from __future__ import annotations

from pathlib import Path

from baogao.convert import convert_report
from baogao.sources import find_sources

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "reports"
GOLDEN = Path(__file__).resolve().parent / "golden"


def golden_path(source: Path) -> Path:
    return GOLDEN / f"{source.stem}.md"


def render_sample(source: Path) -> str:
    """The page the pipeline makes for one sample report (no sidecar)."""
    return convert_report(source.read_bytes(), source.relative_to(REPORTS).as_posix(), {}).page


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for source in find_sources(REPORTS):
        golden_path(source).write_text(render_sample(source), encoding="utf-8")
        print(f"wrote {golden_path(source).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
