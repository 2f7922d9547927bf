"""What a copied passage cites: the source of a report, as its page carries it.

Runs when MkDocs renders a report page (`on_page_context`): the text element carries this
source as JSON in the attribute `pagetext.CITE`, and the browser (baogao-report.js) writes
the one citation format, `——《display title》（office，year），URL#anchor`, from it — on a
report page for a selected passage, on the search page for a KWIC line (whose report page the
engine has fetched anyway). The URL and anchor are the reader's (location, nearest anchor), so
only what the catalog knows is here, each value as the site shows it elsewhere: the display
title, the office ("" when unknown) and `catalog.year_text` (2023, 2022年以后 or "").
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from baogao.catalog import year_text


def cite_source(meta: Mapping[str, Any], listed_as: str | None = None) -> str:
    """The citation source of the report with front matter `meta`, as JSON ({title, org, year});
    the template escapes it into the attribute. `listed_as`: the title the archive lists it
    under when that tells it apart from another report's (catalog.distinct_titles)."""
    source = {"title": listed_as or meta["display_title"], "org": meta.get("org") or "", "year": year_text(dict(meta))}
    return json.dumps(source, ensure_ascii=False)
