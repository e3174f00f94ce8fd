"""Strategies for property tests: any JSON-like value a host might pass, plus values likely to be valid."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from component.inputs import InputSpec

# Hypothesis imports mypy_extensions while it reports a failing example; with warnings as errors that
# deprecation would hide the falsifying example behind an INTERNALERROR. Every property module uses this mark.
REPORTABLE = pytest.mark.filterwarnings("ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning")
# Bounded so that the whole suite stays fast; no example database is written into the repository.
PROPERTY = settings(max_examples=60, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Hypothesis never draws lone surrogates, which JSON can carry ("\\ud800"): splice one in now and then.
texts = st.one_of(st.text(max_size=30), st.builds(lambda a, b: a + "\ud800" + b, st.text(max_size=5), st.text(max_size=5)))
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), texts)
json_like: st.SearchStrategy[Any] = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
# Strings a workflow designer stores: digits, booleans, JSON texts, key:value pairs, paths, dates.
plausible_strings = st.one_of(
    st.from_regex(r"\s?-?[0-9]{1,22}\s?", fullmatch=True),
    st.sampled_from(["true", "false", "TRUE", " true ", "{}", "[]", '{"a": 1}', '[{"key": "k", "value": 1}]',
                     "a:b", "2020-01-27T10:42:21.468912", "2020-01-27", "open", "closed", "/tickets", "..", ".",
                     "a/b", "%2F", "GET", "POST", "json", "text", "binary", "NaN", "Infinity", '{"n": NaN}',
                     "[" * 50, "acme", "https://acme.gorgias.com/api", "evil.com", "\ud800"]),
    st.builds(lambda value: json.dumps(value), json_like),
)
host_values = st.one_of(json_like, plausible_strings)


def candidates(spec: InputSpec) -> st.SearchStrategy[Any]:
    """Values likely to pass `spec`: its documented example and default, and its enumerated choices."""
    known: list[Any] = [v for v in (spec.example, spec.default) if v is not None]
    enum = spec.kind.schema.get("enum")
    if isinstance(enum, list):
        known.extend(enum)
    return st.sampled_from(known) if known else st.nothing()


# Valid values of inputs whose JSON Schema the documented examples do not satisfy.
KNOWN_GOOD: dict[str, Any] = {
    "channels": [{"type": "email", "address": "john@example.com", "preferred": True}],
    "messages": [{"channel": "email", "from_agent": False, "via": "api", "body_text": "Hello"}],
    "source": {"type": "email", "from": {"address": "john@example.com"}, "to": [{"address": "s@acme.com"}]},
    "id": "1",
    "url": "/tickets",
}


def good(spec: InputSpec) -> st.SearchStrategy[Any]:
    """Values likely to pass `spec`, falling back to a plausible id."""
    known = candidates(spec)
    if spec.key in KNOWN_GOOD:
        return st.one_of(known, st.just(KNOWN_GOOD[spec.key]))
    return known if (spec.example, spec.default, spec.kind.schema.get("enum")) != (None, None, None) else st.just("1")


def inputs_for(specs: tuple[InputSpec, ...]) -> st.SearchStrategy[dict[str, Any]]:
    """Objects of input values: anything at all, or nearly valid (required inputs present, every value plausible)."""
    anything = st.fixed_dictionaries({}, optional={spec.key: st.one_of(good(spec), host_values) for spec in specs})
    nearly_valid = st.fixed_dictionaries(
        {spec.key: good(spec) for spec in specs if spec.required},
        optional={spec.key: good(spec) for spec in specs if not spec.required},
    )
    extra = st.dictionaries(st.text(min_size=1, max_size=8), json_like, min_size=1, max_size=1)
    return st.one_of(anything, nearly_valid, nearly_valid, st.builds(lambda a, b: {**a, **b}, anything, extra))


@pytest.fixture(scope="module", autouse=True)
def _mocked_real_host() -> Iterator[None]:
    """The real host name (mocked per example) and no pacing: thousands of examples must not be rate limited."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("GORGIAS_API_BASE_URL", raising=False)
        patch.delenv("GORGIAS_TIMEOUT", raising=False)
        patch.setenv("GORGIAS_RATE_LIMIT", "off")
        yield
