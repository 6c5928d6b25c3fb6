"""The rules of docs/ARCHITECTURE.md that a machine can check: imports run one way, modules stay small."""

import ast
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
APPS = ("portal", "home", "programmes", "forms_app")
MAX_LINES = 600
# Which of the project's packages each app may import.
ALLOWED_IMPORTS = {
    "home": {"home"},
    "programmes": {"programmes", "portal"},
    "forms_app": {"forms_app", "programmes", "home", "portal"},
    "portal": {"portal", "home", "programmes", "forms_app"},
}
PROJECT_PACKAGES = {*APPS, "benchmarks", "settings"}
# portal's leaf modules: small shared things that import no app, so even home may use them.
PORTAL_LEAVES = {"portal.client_address", "portal.filenames", "portal.grammar", "portal.uploads"}


def source_modules(app: str):
    for path in sorted((PROJECT / app).rglob("*.py")):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        yield path


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def imported_packages(path: Path) -> set[str]:
    return {name.split(".")[0] for name in imported_modules(path)} & PROJECT_PACKAGES


def forbidden_imports(app: str, path: Path) -> list[str]:
    return sorted(
        name
        for name in imported_modules(path)
        if name.split(".")[0] in PROJECT_PACKAGES - ALLOWED_IMPORTS[app]
        and name not in PORTAL_LEAVES
    )


@pytest.mark.parametrize("app", APPS)
def test_an_app_imports_only_what_it_may(app):
    wrong = {
        str(path.relative_to(PROJECT)): forbidden
        for path in source_modules(app)
        if (forbidden := forbidden_imports(app, path))
    }
    assert wrong == {}


@pytest.mark.parametrize("leaf", sorted(PORTAL_LEAVES))
def test_portals_leaf_modules_import_no_app(leaf):
    path = PROJECT / (leaf.replace(".", "/") + ".py")

    assert imported_packages(path) <= {"portal"}


@pytest.mark.parametrize("app", APPS)
def test_no_module_is_over_600_lines(app):
    long_modules = {
        str(path.relative_to(PROJECT)): lines
        for path in source_modules(app)
        if (lines := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert long_modules == {}


def test_the_readme_links_the_developer_guide():
    assert (PROJECT / "docs" / "ARCHITECTURE.md").exists()
    assert "(docs/ARCHITECTURE.md)" in (PROJECT / "README.md").read_text()
