"""Bulk delete, merge and data of customers: explicit ids only, exactly the documented requests."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.action_cases import assert_refused, assert_required, assert_sends
from tests.support.mocked_gorgias import MockedGorgias

CUSTOMER = {"id": 8, "email": "john@example.com", "name": "John Smith"}

CASES = [
    ("deleteCustomers", {"ids": ["4", 5]}, "DELETE", "/customers", {}, {"ids": [4, 5]}, None),
    ("mergeCustomers", {"source_id": 4, "target_id": "8"}, "PUT", "/customers/merge",
     {"source_id": "4", "target_id": "8"}, {}, CUSTOMER),
    ("mergeCustomers", {"source_id": 4, "target_id": 8, "customer": '{"email": "john@example.com"}'},
     "PUT", "/customers/merge", {"source_id": "4", "target_id": "8"}, {"email": "john@example.com"}, CUSTOMER),
    ("setCustomerData", {"customer_id": 8, "data": '{"loyalty_points": 120}', "version": "2024-12-04T15:18:56"},
     "PUT", "/customers/8/data", {}, {"data": {"loyalty_points": 120}, "version": "2024-12-04T15:18:56"}, None),
]


@pytest.mark.parametrize(("key", "inputs", "method", "path", "query", "body", "answer"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_the_request_is_exactly_the_documented_one(gorgias_api: MockedGorgias, connection: dict[str, Any], key: str,
                                                   inputs: dict[str, Any], method: str, path: str,
                                                   query: dict[str, Any], body: Any, answer: Any) -> None:
    assert_sends(gorgias_api, connection, key, inputs, method, path, query, body, answer,
                 status=204 if answer is None else 202)


@pytest.mark.parametrize(("key", "inputs", "missing", "label"), [
    ("deleteCustomers", {}, "ids", "Customer IDs"),
    ("mergeCustomers", {"target_id": 8}, "source_id", "Source Customer ID"),
    ("mergeCustomers", {"source_id": 4}, "target_id", "Target Customer ID"),
    ("setCustomerData", {"data": {}}, "customer_id", "Customer ID"),
    ("setCustomerData", {"customer_id": 8}, "data", "Data"),
])
def test_a_missing_required_input_sends_nothing(gorgias_api: MockedGorgias, connection: dict[str, Any], key: str,
                                                inputs: dict[str, Any], missing: str, label: str) -> None:
    assert_required(gorgias_api, connection, key, inputs, missing, label)


@pytest.mark.parametrize(("key", "inputs", "message"), [
    ("deleteCustomers", {"ids": []},
     "Input 'ids' (Customer IDs): expected at least one positive integer id, received a list of 0 items."),
    ("mergeCustomers", {"source_id": 4, "target_id": 4},
     "Input 'source_id' (Source Customer ID): expected another customer than the target, received 4 for both."),
])
def test_bulk_and_merge_never_act_on_everything_or_on_one_customer_twice(
        gorgias_api: MockedGorgias, connection: dict[str, Any], key: str, inputs: dict[str, Any], message: str) -> None:
    assert_refused(gorgias_api, connection, key, inputs, message)
