"""The package's layout rules: no import cycles, short modules, each says what it is for."""

from __future__ import annotations

import ast
from pathlib import Path

import b24desk

ROOT = Path(b24desk.__file__).parent
# Pure data tables may be longer than the ~400 lines a module of code may have.
DATA_TABLES = {"portal/seed/corpus.py", "portal/seed/dialogues.py"}
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(["b24desk", *parts])] = path
    return found


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Package modules this one imports, TYPE_CHECKING and function-level imports included."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = f"{base}.{node.module}" if node.level and node.module else base
            if not node.level:
                target = node.module or ""
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in known else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m in known and m != name}


def test_the_layout_rules_see_every_module() -> None:
    modules = _modules()
    assert {"b24desk.app", "b24desk.api.client", "b24desk.portal.app"} <= set(modules)
    assert {"b24desk.ui.main_window", "b24desk.desk.desk"} <= set(modules)
    assert all((ROOT / table).exists() for table in DATA_TABLES)


def test_no_import_cycles() -> None:
    modules = _modules()
    graph = {name: _imports(name, path, set(modules)) for name, path in modules.items()}
    cycles = []

    def visit(name: str, trail: list[str]) -> None:
        if name in trail:
            cycles.append([*trail[trail.index(name) :], name])
            return
        for target in sorted(graph[name]):
            visit(target, [*trail, name])

    for name in graph:
        visit(name, [])
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles[:5])


def test_modules_are_short_and_open_with_a_docstring() -> None:
    problems = []
    for name, path in _modules().items():
        source = path.read_text(encoding="utf-8")
        relative = path.relative_to(ROOT).as_posix()
        if relative not in DATA_TABLES and source.count("\n") > MAX_LINES:
            problems.append(f"{relative} has {source.count(chr(10))} lines (at most {MAX_LINES})")
        docstring = ast.get_docstring(ast.parse(source))
        if not docstring:
            problems.append(f"{name} has no docstring")
        elif len(docstring.split("\n\n")[0].splitlines()) > 2:
            problems.append(f"{name}: the summary is longer than two lines")
    assert not problems, "\n".join(problems)
