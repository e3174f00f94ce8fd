"""Account setting actions send the documented Gorgias requests and refuse bad input before sending."""

from __future__ import annotations

from tests.support.action_table import Refuses, Sends, refuses_test, required, sends_test

HOURS = {"business_hours": {"days": "1,2,3,4,5", "from_time": "09:00", "to_time": "22:00"}, "timezone": "UTC"}
# The reference's example setting (developers.gorgias.com, The Account object).
SETTING = {"id": 987, "type": "business-hours", "data": HOURS}

test_sends = sends_test([
    Sends("createAccountSetting", {"type": "business-hours", "data": HOURS}, "POST", "/account/settings",
          body={"type": "business-hours", "data": HOURS}, answer=SETTING, status=201),
    Sends("listAccountSettings", {"type": "business-hours"}, "GET", "/account/settings",
          query={"type": "business-hours"}, answer={"data": [SETTING]}),
    Sends("listAccountSettings", {}, "GET", "/account/settings", answer={"data": [SETTING]}),
    Sends("updateAccountSetting", {"id": "987", "type": "business-hours", "data": '{"timezone": "Europe/Paris"}'},
          "PUT", "/account/settings/987", body={"type": "business-hours", "data": {"timezone": "Europe/Paris"}},
          answer=SETTING),
])

# Setting data and ids are checked before anything is sent.
test_refuses = refuses_test([
    required("createAccountSetting", {"data": HOURS}, "type", "Type"),
    required("updateAccountSetting", {"type": "business-hours"}, "id", "Setting ID"),
    required("updateAccountSetting", {"id": 987}, "type", "Type"),
    Refuses("createAccountSetting", {"type": "business-hours", "data": {"business_hours": {"days": "1-5"}}}, "data",
            "Input 'data' (Data): at data.business_hours.days: '1-5' does not match '^[1-7](,[1-7])*$'."),
    Refuses("updateAccountSetting", {"id": "x", "type": "business-hours"}, "id",
            "Input 'id' (Setting ID): expected a positive integer id, received \"x\"."),
])
