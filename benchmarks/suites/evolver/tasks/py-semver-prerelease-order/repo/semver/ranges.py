"""Version ranges: comparators ("<", "<=", ">", ">=", "=") and the "^" and "~" shorthands."""

import re
from typing import Iterable, List, Optional, Tuple, Union

from .version import Version

_COMPARATOR = re.compile(r"^(<=|>=|<|>|=|\^|~)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(-[0-9A-Za-z.-]+)?$")

Bound = Tuple[str, Version]


def _parse_comparator(text: str) -> List[Bound]:
    match = _COMPARATOR.match(text.strip())
    if match is None:
        raise ValueError(f"not a version comparator: {text!r}")
    op, major, minor, patch, pre = match.groups()
    parts = [int(major), int(minor or 0), int(patch or 0)]
    base = Version(*parts, prerelease=tuple(pre[1:].split(".")) if pre else ())
    if op == "^":
        # Allows changes that do not modify the left-most non-zero number.
        if parts[0] > 0 or minor is None:
            upper = Version(parts[0] + 1)
        elif parts[1] > 0 or patch is None:
            upper = Version(0, parts[1] + 1)
        else:
            upper = Version(0, 0, parts[2] + 1)
        return [(">=", base), ("<", upper)]
    if op == "~":
        upper = Version(parts[0] + 1) if minor is None else Version(parts[0], parts[1] + 1)
        return [(">=", base), ("<", upper)]
    return [(op or "=", base)]


def _check(version: Version, bound: Bound) -> bool:
    op, other = bound
    return {
        "<": version < other,
        "<=": version <= other,
        ">": version > other,
        ">=": version >= other,
        "=": version == other,
    }[op]


def satisfies(version: Union[str, Version], spec: str) -> bool:
    """True when ``version`` matches every space-separated comparator in ``spec``."""
    if isinstance(version, str):
        version = Version.parse(version)
    bounds = [b for part in spec.split() for b in _parse_comparator(part)]
    return all(_check(version, b) for b in bounds)


def max_satisfying(versions: Iterable[Union[str, Version]], spec: str) -> Optional[str]:
    """The highest of ``versions`` that satisfies ``spec``, as a string, or None."""
    matching = [Version.parse(v) if isinstance(v, str) else v for v in versions]
    matching = [v for v in matching if satisfies(v, spec)]
    return str(max(matching)) if matching else None
