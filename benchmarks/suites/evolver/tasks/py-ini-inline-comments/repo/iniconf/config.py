"""The parsed configuration and its typed getters."""

from typing import Any, Dict, Iterator, List

_MISSING = object()
_BOOLEANS = {"1": True, "yes": True, "true": True, "on": True,
             "0": False, "no": False, "false": False, "off": False}


class NoSectionError(KeyError):
    pass


class NoOptionError(KeyError):
    pass


class Config:
    """Sections in file order, each a mapping of lower-cased keys to string values."""

    def __init__(self) -> None:
        self._sections: Dict[str, Dict[str, str]] = {}

    def add_section(self, name: str) -> Dict[str, str]:
        if name in self._sections:
            raise ValueError(f"section {name!r} already exists")
        self._sections[name] = {}
        return self._sections[name]

    def has_section(self, name: str) -> bool:
        return name in self._sections

    def sections(self) -> List[str]:
        return list(self._sections)

    def options(self, section: str) -> List[str]:
        return list(self._section(section))

    def __iter__(self) -> Iterator[str]:
        return iter(self._sections)

    def _section(self, name: str) -> Dict[str, str]:
        try:
            return self._sections[name]
        except KeyError:
            raise NoSectionError(name) from None

    def get(self, section: str, option: str, fallback: Any = _MISSING) -> Any:
        values = self._section(section)
        key = option.lower()
        if key in values:
            return values[key]
        if fallback is _MISSING:
            raise NoOptionError(f"[{section}] {option}")
        return fallback

    def getint(self, section: str, option: str, fallback: Any = _MISSING) -> Any:
        value = self.get(section, option, fallback)
        return value if value is fallback else int(value)

    def getboolean(self, section: str, option: str, fallback: Any = _MISSING) -> Any:
        value = self.get(section, option, fallback)
        if value is fallback:
            return value
        try:
            return _BOOLEANS[value.lower()]
        except KeyError:
            raise ValueError(f"[{section}] {option}: {value!r} is not a boolean") from None

    def getlist(self, section: str, option: str, separator: str = ",") -> List[str]:
        """Splits the value on ``separator``; items are stripped and empty items dropped."""
        return [item.strip() for item in self.get(section, option).split(separator) if item.strip()]
