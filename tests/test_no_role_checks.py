"""Policy lives in casbin_model.conf and policies/*.csv: no code may branch on a role name.

An AST check over the project's own modules: a comparison or membership test between a
`role`/`roles` expression and a string literal (``role == "admin"``, ``"qa" in roles``) fails,
unless its line carries ``# lint-skip`` with a reason.
"""

from __future__ import annotations

import ast

from core.settings import REPO_ROOT

CHECKED = ["gateway", "schema", "resolvers", "policies", "datasources", "store", "search", "demo"]


def _mentions_role(node: ast.expr) -> bool:
    if isinstance(node, ast.Name):
        return node.id in {"role", "roles"}
    if isinstance(node, ast.Attribute):
        return node.attr in {"role", "roles"}
    return False


def _is_text(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.Set | ast.List | ast.Tuple):
        return any(_is_text(element) for element in node.elts)
    return False


def role_checks(source: str) -> list[int]:
    """Line numbers of comparisons between a role expression and a string literal."""
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare):
            continue
        operands = [node.left, *node.comparators]
        suspicious = any(_mentions_role(o) for o in operands) and any(_is_text(o) for o in operands)
        if suspicious and "# lint-skip" not in lines[node.lineno - 1]:
            found.append(node.lineno)
    return found


def test_the_check_catches_role_branches() -> None:
    assert role_checks('if user.role == "admin":\n    pass\n') == [1]
    assert role_checks('ok = "qa" in principal.roles\n') == [1]
    assert role_checks('if role == "x":  # lint-skip: demo data\n    pass\n') == []
    assert role_checks("if view.can(capability):\n    pass\n") == []


def test_no_module_branches_on_a_role_name() -> None:
    offenders = {
        f"{path.relative_to(REPO_ROOT)}:{line}"
        for package in CHECKED
        for path in sorted((REPO_ROOT / package).rglob("*.py"))
        for line in role_checks(path.read_text(encoding="utf-8"))
    }
    assert offenders == set()
