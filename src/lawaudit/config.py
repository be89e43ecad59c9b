"""Configuration: `lawaudit.toml`, or `[tool.lawaudit]` in pyproject.toml, validated in one place.

The file in force is the one closest to the input: the search starts in the folder holding the
inputs (for several, the deepest folder that holds them all; for standard input, the current
folder) and goes up to the root; in each folder `lawaudit.toml` comes before a pyproject.toml,
which counts only when it has a `[tool.lawaudit]` table. `--config FILE` names the file instead.

Precedence: the command line (or keyword options of the Python API) > the file > the defaults.
Every mistake is a `ConfigError` whose one line names the file and the key.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

from lawaudit.i18n import tr

NAMES = ("lawaudit.toml", "pyproject.toml")
FAIL_ON = ("error", "warning", "info", "never")
SEVERITIES = ("error", "warning", "info")


class ConfigError(ValueError):
    """A configuration that cannot be used: one line, naming the file and the key."""


@dataclass(frozen=True)
class Config:
    """What is in force; every value plain, so it pickles and prints as TOML."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (rule id, error|warning|info), sorted
    fail_on: str = "error"
    rounding: tuple[str, ...] = ("half-up", "half-even")
    tolerance: str = "0"  # percentage points, a decimal string
    rate_words: tuple[str, ...] = ()
    capped_words: tuple[str, ...] = ()
    lang: str = ""  # zh | en; "" follows the locale (i18n.locale_lang)
    source: str | None = field(default=None, compare=False)  # the file it came from

    def to_toml(self) -> str:
        """The settings as a `lawaudit.toml` would write them (what --print-config shows)."""
        head = f"# from {self.source}" if self.source else "# defaults: no configuration file"

        # A JSON string is a TOML basic string; Chinese words are shown as written, not \uXXXX.
        def s(value: str) -> str:
            return json.dumps(value, ensure_ascii=False)

        lines = [head]
        for name in ("select", "ignore"):
            lines.append(f"{name} = [{', '.join(map(s, getattr(self, name)))}]")
        lines.append(f"fail_on = {s(self.fail_on)}")
        lines.append(f"rounding = [{', '.join(map(s, self.rounding))}]")
        lines.append(f"tolerance = {self.tolerance}")
        lines.append(f"rate_words = [{', '.join(map(s, self.rate_words))}]")
        lines.append(f"capped_words = [{', '.join(map(s, self.capped_words))}]")
        if self.lang:
            lines.append(f"lang = {s(self.lang)}")
        lines.append("")
        lines.append("[severity]")
        lines += [f"{rule} = {s(level)}" for rule, level in self.severity]
        return "\n".join(lines) + "\n"


KEYS = tuple(f.name for f in fields(Config) if f.name != "source")


def discover(paths: list[str] | tuple[str, ...], cwd: str | None = None) -> Path | None:
    """The configuration file closest to the inputs, or None."""
    start = Path(common_folder(paths, cwd)).resolve()
    for folder in (start, *start.parents):
        for name in NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate)):
                return candidate
    return None


def common_folder(paths, cwd: str | None = None) -> str:
    cwd = cwd or os.getcwd()
    folders = []
    for p in paths:
        if p == "-":
            folders.append(cwd)
            continue
        full = os.path.join(cwd, p)
        folders.append(full if os.path.isdir(full) else os.path.dirname(full) or cwd)
    if not folders:
        return cwd
    try:
        return os.path.commonpath([os.path.abspath(f) for f in folders])
    except ValueError:  # different drives
        return cwd


def _has_table(pyproject: Path) -> bool:
    """Does this pyproject.toml hold [tool.lawaudit]? Parsed only when the word is in it: most
    are other projects' files, and importing and running the TOML parser costs 5 ms a run."""
    try:
        if b"lawaudit" not in pyproject.read_bytes():
            return False
        return "lawaudit" in _toml(pyproject).get("tool", {})
    except (OSError, ConfigError):
        return False  # an unreadable or broken pyproject.toml that is not ours to judge


def _toml(path: Path) -> dict:
    import tomllib

    from lawaudit.readers.text import ReadError, load

    try:
        return tomllib.loads(load(str(path)).decode("utf-8"))
    except ReadError as e:
        raise ConfigError(str(e)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(
            tr(f"{path}: not valid TOML: {e}", f"{path}：不是有效的TOML：{e}")
        ) from None


def load(path: str | Path) -> Config:
    """Read and check a configuration file (lawaudit.toml, or a pyproject.toml's table)."""
    path = Path(path)
    data = _toml(path)
    where = str(path)
    if path.name == "pyproject.toml" or "tool" in data:
        data = data.get("tool", {}).get("lawaudit")
        if data is None:
            raise ConfigError(
                tr(f"{path}: no [tool.lawaudit] table", f"{path}：没有[tool.lawaudit]表")
            )
        where = f"{path} [tool.lawaudit]"
    return merge(Config(source=str(path)), data, where)


def merge(base: Config, options: dict, where: str) -> Config:
    """`base` with `options` (from a file, or keyword options) applied; each value checked."""
    changes = {}
    for raw_key, value in options.items():
        key = raw_key.replace("-", "_")
        check = CHECKS.get(key)
        if check is None:
            raise ConfigError(
                tr(
                    f"{where}: unknown key {raw_key!r}; known keys: {', '.join(KEYS)}",
                    f"{where}：未知的设置项 {raw_key!r}；可用的有：{'、'.join(KEYS)}",
                )
            )
        changes[key] = check(value, f"{where}: {raw_key}")
    return replace(base, **changes)


def _strings(value, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.split(",")]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ConfigError(
            tr(
                f"{where}: expected a list of strings, got {_kind(value)}",
                f"{where}：应为字符串列表，而不是{_kind(value)}",
            )
        )
    return tuple(v.strip() for v in value if v.strip())


def _kind(value) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string"}.get(
        type(value), "a table" if isinstance(value, dict) else "a list"
    )


def _rules(value, where: str) -> tuple[str, ...]:
    out = []
    for v in _strings(value, where):
        rule = known_rule(v)
        if rule is None:
            raise ConfigError(
                tr(
                    f"{where}: unknown rule {v!r}; `lawaudit rules` lists them",
                    f"{where}：未知的规则 {v!r}；用 lawaudit rules 查看所有规则",
                )
            )
        out.append(rule)
    return tuple(out)


def known_rule(key: str, exact: bool = False) -> str | None:
    """The rule ID `key` names (an ID or a name), or the ID prefix itself unless `exact`."""
    from lawaudit.rules import ALL_RULES

    for m in ALL_RULES:
        if key == m.RULE.name or key.upper() == m.RULE.id:
            return m.RULE.id
    if not exact and len(key) >= 2 and any(m.RULE.id.startswith(key.upper()) for m in ALL_RULES):
        return key.upper()
    return None


def _severity(value, where: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise ConfigError(
            tr(
                f'{where}: expected a table (LA203 = "error"), got {_kind(value)}',
                f'{where}：应为一个表（LA203 = "error"），而不是{_kind(value)}',
            )
        )
    out = {}
    for rule, level in value.items():
        rule_id = known_rule(str(rule), exact=True)
        if rule_id is None:
            raise ConfigError(
                tr(
                    f"{where}.{rule}: unknown rule {rule!r}; `lawaudit rules` lists them",
                    f"{where}.{rule}：未知的规则 {rule!r}；用 lawaudit rules 查看所有规则",
                )
            )
        if level not in SEVERITIES:
            levels = ", ".join(SEVERITIES)
            raise ConfigError(
                tr(
                    f"{where}.{rule}: unknown severity {level!r}; use {levels}",
                    f"{where}.{rule}：未知的严重程度 {level!r}；可用 {levels}",
                )
            )
        out[rule_id] = level
    return tuple(sorted(out.items()))


def _fail_on(value, where: str) -> str:
    if value not in FAIL_ON:
        raise ConfigError(
            tr(
                f"{where}: unknown level {value!r}; use {', '.join(FAIL_ON)}",
                f"{where}：未知的级别 {value!r}；可用 {'、'.join(FAIL_ON)}",
            )
        )
    return value


def _rounding(value, where: str) -> tuple[str, ...]:
    from lawaudit.arith import MODES

    modes = _strings(value, where)
    for m in modes:
        if m not in MODES:
            raise ConfigError(
                tr(
                    f"{where}: unknown mode {m!r}; use {', '.join(MODES)}",
                    f"{where}：未知的舍入方式 {m!r}；可用 {'、'.join(MODES)}",
                )
            )
    if not modes:
        raise ConfigError(
            tr(
                f"{where}: no rounding mode; use {', '.join(MODES)}",
                f"{where}：没有舍入方式；可用 {'、'.join(MODES)}",
            )
        )
    return modes


def _tolerance(value, where: str) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise ConfigError(
            tr(
                f"{where}: expected a number of percentage points, got {_kind(value)}",
                f"{where}：应为百分点数，而不是{_kind(value)}",
            )
        )
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        raise ConfigError(
            tr(f"{where}: not a number: {value!r}", f"{where}：不是数字：{value!r}")
        ) from None
    if not d.is_finite() or d < 0:
        raise ConfigError(
            tr(
                f"{where}: expected a number ≥ 0, got {value!r}",
                f"{where}：应为不小于0的数，而不是{value!r}",
            )
        )
    return format(d.normalize(), "f") if d else "0"


def _words(value, where: str) -> tuple[str, ...]:
    words = _strings(value, where)
    for w in words:
        if len(w) < 2:
            raise ConfigError(
                tr(
                    f"{where}: {w!r} is too short to name a rate (2 characters or more)",
                    f"{where}：{w!r}太短，不能作比率名称（至少2个字）",
                )
            )
    return words


def _lang(value, where: str) -> str:
    if value not in ("zh", "en"):
        raise ConfigError(
            tr(
                f"{where}: unknown language {value!r}; use zh or en",
                f"{where}：未知的语言 {value!r}；可用 zh 或 en",
            )
        )
    return value


CHECKS = {
    "select": _rules,
    "ignore": _rules,
    "severity": _severity,
    "fail_on": _fail_on,
    "rounding": _rounding,
    "tolerance": _tolerance,
    "rate_words": _words,
    "capped_words": _words,
    "lang": _lang,
}
