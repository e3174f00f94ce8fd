"""The framework holds no Gorgias API facts: its paging inputs, next cursor and error shape live on the Gorgias side.

What is checked in the code of `component/` (docstrings and comments may name an example):

- no string holds "next_cursor" or "fetchAll";
- no name or attribute is `fetchAll`;
- nothing reads "msg" off an error (`error.get("msg")`, `error["msg"]`): that is Gorgias's `error.msg`.
  (FastAPI's validation errors also have a "msg", which the host reads off each one: not an API answer.)
- no call of the client's list methods (`api.page`, `client.items`, ...) passes `cursor=` or `limit=`:
  the page token and size are `token=` and `size=`, placed in the query by the connection's paginator.
  (`cursor` and `limit` as arguments of the picklist API, `run_data_source(..., cursor=, limit=)`, are the
  framework's own paging of options and stay.)
- no string or name outside `component/product.py` holds "gorgias" (in any case): the distribution's names
  (program, settings, queue, Redis prefix, data directory) live in that one module and the others use them.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

import pytest
import responses

import component
from component import cli, product, runtime, vault
from component.errors import ApiError, RateLimitError
from component.host import access, public_url, store
from component.host.problems import error_response
from component.payloads import error_detail
from component.testing import invoke
from gorgias_component import gorgias
from gorgias_component.connections.answers import gorgias_error_detail
from tests.support.mocked_gorgias import MockedGorgias

PACKAGE = Path(component.__file__).parent
PRODUCT = PACKAGE / "product.py"  # the one module that names the distribution
FACTS = ("next_cursor", "fetchAll")
LIST_METHODS = {"page", "pages", "items", "list"}
CLIENTS = {"api", "client"}  # what the framework calls an HttpClient


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string constants that are docstrings."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _is_msg(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value == "msg"


def _reads_msg_of_error(node: ast.AST) -> bool:
    """`<error>.get("msg", ...)` or `<error>["msg"]`, where <error> is called an error."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
        receiver, key = node.func.value, node.args[0] if node.args else None
    elif isinstance(node, ast.Subscript):
        receiver, key = node.value, node.slice
    else:
        return False
    return key is not None and _is_msg(key) and "error" in _name_of(receiver).lower()


def _name_of(node: ast.AST) -> str:
    """What a value is called: `error`, `self.error`, `body["error"]`; else ""."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        return str(node.slice.value)
    return ""


def api_facts(source: str) -> list[str]:
    """The Gorgias facts in the code of one module (see the module docstring), as `line: what`."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            found += [f"{line}: string {fact!r}" for fact in FACTS if fact in node.value]
        elif _reads_msg_of_error(node):
            found.append(f"{line}: error msg")
        elif (isinstance(node, ast.Name) and node.id == "fetchAll") or (isinstance(node, ast.Attribute) and (
                node.attr == "fetchAll")):
            found.append(f"{line}: name fetchAll")
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in LIST_METHODS
              and _name_of(node.func.value) in CLIENTS):
            found += [f"{line}: {node.func.attr}({k.arg}=)" for k in node.keywords if k.arg in ("cursor", "limit")]
    return found


def _identifiers(node: ast.AST) -> list[str]:
    """The names a node spells: variables, attributes, parameters, definitions, imports, keywords."""
    if isinstance(node, ast.Name):
        return [node.id]
    if isinstance(node, ast.Attribute):
        return [node.attr]
    if isinstance(node, ast.arg):
        return [node.arg]
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return [node.name]
    if isinstance(node, ast.alias):
        return [node.name, node.asname or ""]
    if isinstance(node, ast.ImportFrom):
        return [node.module or ""]
    if isinstance(node, ast.keyword):
        return [node.arg or ""]
    if isinstance(node, ast.Global | ast.Nonlocal):
        return list(node.names)
    return []


def product_names(source: str) -> list[str]:
    """The strings and names of one module's code that hold "gorgias" (any case), as `line: what`."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            found += [(line, f"string {node.value!r}")] if "gorgias" in node.value.lower() else []
        found += [(line, f"name {name}") for name in _identifiers(node) if "gorgias" in name.lower()]
    return [f"{line}: {what}" for line, what in sorted(found, key=lambda item: item[0])]


def test_the_scanner_finds_the_facts_it_looks_for() -> None:
    """The check can fail: the shapes the framework had before are found, docstrings are not."""
    before = '''
"""Reads meta.next_cursor and fetchAll (a docstring: ignored)."""
PAGING = ("cursor", "limit", "fetchAll")
def read(api, values, error):
    value = values.fetchAll
    nxt = page["meta"]["next_cursor"]
    return api.page(path, params, cursor=token, limit=100), error.get("msg") or body["error"]["msg"]
'''
    assert api_facts(before) == [
        "3: string 'fetchAll'", "5: name fetchAll", "6: string 'next_cursor'", "7: page(cursor=)",
        "7: page(limit=)", "7: error msg", "7: error msg"]
    assert api_facts("api.page(path, params, token=token, size=100)\nrun_data_source(k, cursor=c, limit=5)\n"
                     "first.get('msg', 'invalid')\nhost.store.items(key, limit=5)") == []


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_framework_code_names_no_gorgias_paging_or_error_shape(path: Path) -> None:
    assert api_facts(path.read_text(encoding="utf-8")) == []


def test_the_product_scanner_finds_the_names_it_looks_for() -> None:
    """The check can fail: product names in strings, f-strings and names are found; docstrings and comments are not."""
    before = '''
"""`gorgias-component serve` (a docstring: ignored)."""
from gorgias_component import sandbox
import gorgias_component.sandbox as bundled
TOKEN_ENV = "GORGIAS_HOST_TOKEN"  # GORGIAS_HOST_TOKEN in a comment: ignored
def serve(gorgias_url, *, prefix=f"{PROG}:Gorgias"):
    """Uses GORGIAS_HOST_KEY (a docstring: ignored)."""
    return Celery(app.gorgias_name, queue=queue_of(gorgias=1))
class GorgiasHost:
    pass
'''
    assert product_names(before) == [
        "3: name gorgias_component", "4: name gorgias_component.sandbox", "5: string 'GORGIAS_HOST_TOKEN'",
        "6: name gorgias_url", "6: string ':Gorgias'", "8: name gorgias_name", "8: name gorgias",
        "9: name GorgiasHost"]
    assert product_names('"""Gorgias."""\nPROG = product.PROG\nhelp = f"{product.PROG} serve"  # gorgias\n') == []


@pytest.mark.parametrize("path", sorted(set(PACKAGE.rglob("*.py")) - {PRODUCT}),
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_framework_code_names_no_product_outside_its_product_module(path: Path) -> None:
    assert product_names(path.read_text(encoding="utf-8")) == []


def test_the_constants_modules_exported_alias_the_product_module() -> None:
    """The setting and program names other modules exported stay importable there, as the product's values."""
    assert cli.PROG == product.PROG == "gorgias-component"
    assert (runtime.REDIS_URL_SETTING, runtime.SECRET_KEY_SETTING, vault.KEY_ENV) == (
        "GORGIAS_REDIS_URL", "GORGIAS_HOST_KEY", "GORGIAS_HOST_KEY")
    assert (access.TOKEN_ENV, store.DATABASE_SETTING, public_url.PUBLIC_URL_SETTING) == (
        product.TOKEN_SETTING, product.DATABASE_SETTING, product.PUBLIC_URL_SETTING) == (
        "GORGIAS_HOST_TOKEN", "GORGIAS_HOST_DATABASE", "GORGIAS_HOST_PUBLIC_URL")
    assert store.database_url(None)[0].endswith("/.local/share/gorgias-component/host.db")


def test_the_generic_error_reader_leaves_msg_to_the_gorgias_reader() -> None:
    """`error.message` is the usual shape; Gorgias's `error.msg` (with `error.data`) is read by its connection."""
    assert error_detail({"error": {"message": "Nope."}}) == "Nope."
    assert error_detail({"error": {"msg": "Nope."}}) == ""
    assert gorgias_error_detail({"error": {"msg": "Nope.", "data": {"email": ["Bad."]}}}) == "Nope. (email: Bad.)"


def test_a_raw_request_still_reads_gorgias_msg(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """Raw Request copies the connection's client, its error reader included."""
    gorgias_api.add(responses.GET, "/things", status=400, json={"error": {"msg": "Unknown thing."}})
    with pytest.raises(ApiError) as caught:
        invoke(gorgias, "rawRequest", {"method": "GET", "url": "/things", "responseType": "json"}, connection)
    assert str(caught.value) == "Gorgias answered 400 Bad Request to GET /things: Unknown thing."


def test_a_host_may_give_the_retry_after_of_its_connection() -> None:
    """Without the API's own wait, Retry-After is the host's (20 s unless it says otherwise)."""
    error = RateLimitError("Shelf answered 429.", status=429)
    assert error_response(error).headers["retry-after"] == "20"
    assert error_response(error, retry_after=60).headers["retry-after"] == "60"
    told = RateLimitError("Shelf answered 429; Shelf asked to wait 7 s.", status=429)
    assert error_response(told, retry_after=60).headers["retry-after"] == "7"
    assert json.loads(bytes(error_response(error).body))["error"]["type"] == "rate_limited"
