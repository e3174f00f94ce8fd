"""Bulk delete, merge and data of customers: explicit ids only, exactly the documented requests."""

from __future__ import annotations

from tests.support.action_table import Refuses, Sends, refuses_test, required, sends_test

CUSTOMER = {"id": 8, "email": "john@example.com", "name": "John Smith"}

test_sends = sends_test([
    Sends("deleteCustomers", {"ids": ["4", 5]}, "DELETE", "/customers", body={"ids": [4, 5]}, status=204),
    Sends("mergeCustomers", {"source_id": 4, "target_id": "8"}, "PUT", "/customers/merge",
          query={"source_id": "4", "target_id": "8"}, body={}, answer=CUSTOMER, status=202),
    Sends("mergeCustomers", {"source_id": 4, "target_id": 8, "customer": '{"email": "john@example.com"}'},
          "PUT", "/customers/merge", query={"source_id": "4", "target_id": "8"}, body={"email": "john@example.com"},
          answer=CUSTOMER, status=202),
    Sends("setCustomerData", {"customer_id": 8, "data": '{"loyalty_points": 120}', "version": "2024-12-04T15:18:56"},
          "PUT", "/customers/8/data", body={"data": {"loyalty_points": 120}, "version": "2024-12-04T15:18:56"},
          status=204),
])

# Bulk and merge never act on everything, or on one customer twice.
test_refuses = refuses_test([
    required("deleteCustomers", {}, "ids", "Customer IDs"),
    required("mergeCustomers", {"target_id": 8}, "source_id", "Source Customer ID"),
    required("mergeCustomers", {"source_id": 4}, "target_id", "Target Customer ID"),
    required("setCustomerData", {"data": {}}, "customer_id", "Customer ID"),
    required("setCustomerData", {"customer_id": 8}, "data", "Data"),
    Refuses("deleteCustomers", {"ids": []}, "ids",
            "Input 'ids' (Customer IDs): expected at least one positive integer id, received a list of 0 items."),
    Refuses("mergeCustomers", {"source_id": 4, "target_id": 4}, "source_id",
            "Input 'source_id' (Source Customer ID): expected another customer than the target, received 4 for both."),
])
