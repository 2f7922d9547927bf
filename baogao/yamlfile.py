"""Hand-written YAML (themes.yml, the sidecars NAME.meta.yml): read safely, or one error that says where.

Runs wherever baogao reads a file a person wrote: once per build for themes.yml, and at conversion for
the sidecar of each report converted. PyYAML's safe loader builds no Python objects (a `!!python/…` tag
is an error); on top of it a key written twice in one mapping is an error (PyYAML keeps the last, so a
correction written below the value it corrects would win or lose unsaid), and so is what the loader
cannot take but raises as another exception: nesting deep enough to exhaust Python's recursion (`[[[[…`,
a few kilobytes) and an integer of more digits than Python converts (`year: 999…9`). Either used to end
the build in a traceback that named no file.
"""

from __future__ import annotations

from typing import Any

import yaml


class YamlError(ValueError):
    """The text is not YAML baogao reads; the message says what and where (line, column), not the file."""


def load(text: str) -> Any:
    """The value of a YAML document; raises YamlError."""
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        at = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(err, "problem", None) or str(err)
        what = "a key" if isinstance(err, _DuplicateKey) else "not valid YAML"
        raise YamlError(f"{what}{at}: {problem}") from None
    except RecursionError:
        raise YamlError("not valid YAML: nested too deeply") from None
    except ValueError as err:  # a value PyYAML's constructors cannot make: int() of thousands of digits, 2023-02-30
        if "integer string conversion" in str(err):
            raise YamlError("not valid YAML: a number too long to read") from None
        raise YamlError(f"not valid YAML: a value that cannot be read ({err})") from None


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key written twice in one mapping."""


class _DuplicateKey(yaml.constructor.ConstructorError):
    pass


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if isinstance(key, (str, int, float)):
            if key in seen:
                raise _DuplicateKey(None, None, f"{key!r} is written twice in one mapping", key_node.start_mark)
            seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
