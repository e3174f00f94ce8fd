"""Account setting actions send the documented Gorgias requests and refuse bad input before sending."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.mocked_gorgias import MockedGorgias
from tests.support.requests_table import Case, output_errors, refused, run_case

HOURS = {"business_hours": {"days": "1,2,3,4,5", "from_time": "09:00", "to_time": "22:00"}, "timezone": "UTC"}
# The reference's example setting (developers.gorgias.com, The Account object).
SETTING = {"id": 987, "type": "business-hours", "data": HOURS}

CASES = [
    Case("createAccountSetting", {"type": "business-hours", "data": HOURS}, "POST", "/account/settings",
         body={"type": "business-hours", "data": HOURS}, answer=SETTING, status=201),
    Case("listAccountSettings", {"type": "business-hours"}, "GET", "/account/settings",
         query={"type": "business-hours"}, answer={"data": [SETTING]}),
    Case("listAccountSettings", {}, "GET", "/account/settings", answer={"data": [SETTING]}),
    Case("updateAccountSetting", {"id": "987", "type": "business-hours", "data": '{"timezone": "Europe/Paris"}'},
         "PUT", "/account/settings/987", body={"type": "business-hours", "data": {"timezone": "Europe/Paris"}},
         answer=SETTING),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.key)
def test_setting_action_sends_the_documented_request(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                    case: Case) -> None:
    """Each action converts its inputs and sends exactly the documented request; the answer is its data."""
    data = run_case(gorgias_api, connection, case)
    assert data == case.answer
    assert output_errors(case.key, data) == []


REQUIRED = [("createAccountSetting", {"data": HOURS}, "type", "Type"),
            ("updateAccountSetting", {"type": "business-hours"}, "id", "Setting ID"),
            ("updateAccountSetting", {"id": 987}, "type", "Type")]


@pytest.mark.parametrize(("key", "inputs", "missing", "label"), REQUIRED)
def test_a_missing_required_input_is_refused_before_sending(gorgias_api: MockedGorgias,
                                                            connection: dict[str, Any], key: str,
                                                            inputs: dict[str, Any], missing: str, label: str) -> None:
    """Without a required input, the action raises InputError naming it, and nothing is sent."""
    error = refused(gorgias_api, connection, key, inputs)
    assert (error.key, str(error)) == (missing, f"Input '{missing}' ({label}) is required, but no value was given.")


BAD = [
    ("createAccountSetting", {"type": "business-hours", "data": {"business_hours": {"days": "1-5"}}}, "data",
     "Input 'data' (Data): at data.business_hours.days: '1-5' does not match '^[1-7](,[1-7])*$'."),
    ("updateAccountSetting", {"id": "x", "type": "business-hours"}, "id",
     "Input 'id' (Setting ID): expected a positive integer id, received \"x\"."),
]


@pytest.mark.parametrize(("key", "inputs", "bad", "message"), BAD)
def test_an_invalid_input_is_refused_before_sending(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                    key: str, inputs: dict[str, Any], bad: str, message: str) -> None:
    """Setting data and ids are checked before anything is sent."""
    error = refused(gorgias_api, connection, key, inputs)
    assert (error.key, str(error)) == (bad, message)
