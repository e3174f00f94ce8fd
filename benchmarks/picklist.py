"""Benchmark 5: the `selectCustomer` picklist on a sandbox with thousands of customers, against a hand loop."""

from __future__ import annotations

from benchmarks.common import BASE_URL_ENV, RATE_LIMIT_ENV, Row, bare_session, env, hand_pages, interleaved, repeat
from gorgias_component.datasources.customers import customer_label
from gorgias_component.sandbox import Sandbox

NAME = "picklist"


def run(quick: bool) -> list[Row]:
    customers, rounds = (500, 5) if quick else (5_000, 15)
    with Sandbox(customers=customers, tickets=10) as sb, env(**{BASE_URL_ENV: sb.base_url, RATE_LIMIT_ENV: "off"}):
        from gorgias_component import gorgias

        connection, session, url = sb.connection(), bare_session(sb), f"{sb.base_url}/customers"

        def framework() -> list[dict[str, str]]:
            result: list[dict[str, str]] = gorgias.run_data_source("selectCustomer", {}, connection)["result"]
            return result

        def hand() -> list[dict[str, str]]:  # the same options, built from the same label rule
            return [{"key": str(c["id"]), "label": customer_label(c)} for page in hand_pages(session, url) for c in page]

        if framework() != hand() or len(hand()) != customers:
            raise AssertionError("selectCustomer and the hand loop disagree")
        ms = {name: seconds * 1000 for name, seconds in
              interleaved({"framework": repeat(framework), "hand": repeat(hand)}, rounds=rounds, calls=1,
                          warmup=1).items()}
    return [Row(NAME, f"selectCustomer, {customers:,} customers", ms["framework"], ms["hand"], "ms", "-",
                f"{customers // 100} pages; +{ms['framework'] - ms['hand']:.1f} ms")]
