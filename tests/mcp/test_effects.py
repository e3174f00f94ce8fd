"""Every action is classified as a read, a create, an update or a destructive operation, by the verb of its key."""

from __future__ import annotations

import pytest

from component import DefinitionError
from component.mcp.effects import Effect, classify, verb_of
from gorgias_component import gorgias

READ = Effect(read_only=True, destructive=False, idempotent=True)
CREATE = Effect(read_only=False, destructive=False, idempotent=False)
UPDATE = Effect(read_only=False, destructive=False, idempotent=True)
DESTRUCTIVE = Effect(read_only=False, destructive=True, idempotent=True)

# The HTTP method of every Gorgias operation, from the operations reference (shared docs/gorgias-operations.md).
DOCUMENTED_METHODS = {
    "GET": """downloadFile getAccount getCustomField getCustomer getEvent getIntegration getJob getMacro getRule
        getSatisfactionSurvey getTag getTeam getTicket getTicketMessage getUser getView getVoiceCall
        getVoiceCallEvent getVoiceCallRecording getWidget listAccountSettings listCustomFields listCustomers
        listEvents listIntegrations listJobs listMacros listMessages listRules listSatisfactionSurveys listTags
        listTeams listTicketCustomFields listTicketTags listTickets listUsers listViewItems listViews
        listVoiceCallEvents listVoiceCallRecordings listVoiceCalls listWidgets""",
    "POST": """addTicketTags createAccountSetting createCustomField createCustomer createIntegration createJob
        createMacro createRule createSatisfactionSurvey createTag createTeam createTicket createTicketMessage
        createUser createView createWidget downloadStatistic getStatistic search updateRulePriorities uploadFiles""",
    "PUT": """mergeCustomers mergeTags searchViewItems setCustomerData setTicketCustomFields setTicketTags
        updateAccountSetting updateCustomField updateCustomFields updateCustomer updateIntegration updateJob
        updateMacro updateRule updateSatisfactionSurvey updateTag updateTeam updateTicket updateTicketCustomField
        updateTicketMessage updateUser updateView updateWidget""",
    "DELETE": """cancelJob deleteCustomer deleteCustomers deleteIntegration deleteMacro deleteRule deleteTag
        deleteTags deleteTeam deleteTicket deleteTicketCustomField deleteTicketMessage deleteUser deleteView
        deleteVoiceCallRecording deleteWidget removeTicketTags""",
}
METHOD = {key: method for method, keys in DOCUMENTED_METHODS.items() for key in keys.split()}
BY_METHOD = {"GET": READ, "POST": CREATE, "PUT": UPDATE, "DELETE": DESTRUCTIVE}
# Where the verb rightly overrides the method:
NOT_BY_METHOD = {
    "search": READ, "getStatistic": READ, "downloadStatistic": READ,  # queries sent in a POST body
    "searchViewItems": READ,  # a query sent in a PUT body
    "mergeCustomers": DESTRUCTIVE, "mergeTags": DESTRUCTIVE,  # the merged-away record is gone
    "updateCustomFields": DESTRUCTIVE,  # bulk: many definitions replaced at once
    "setTicketTags": DESTRUCTIVE, "setTicketCustomFields": DESTRUCTIVE,  # the whole set replaced
    "updateRulePriorities": DESTRUCTIVE,  # every rule's priority replaced (sent as a POST)
}


def expected(key: str) -> Effect:
    return NOT_BY_METHOD.get(key) or BY_METHOD[METHOD[key]]


def test_the_reference_table_covers_the_documented_operations() -> None:
    """103 operations have an action (the deprecated per-ticket message list has none)."""
    assert len(METHOD) == 103
    assert set(NOT_BY_METHOD) <= set(METHOD)


@pytest.mark.parametrize("key", sorted(METHOD))
def test_the_verb_agrees_with_the_documented_method_or_a_stated_exception(key: str) -> None:
    assert classify(key) == expected(key)


@pytest.mark.parametrize("key", [a.key for a in gorgias.actions])
def test_every_declared_action_is_classified(key: str) -> None:
    """An action added with an unknown verb fails here; one with no documented method must be reviewed."""
    effect = classify(key)
    if key == "rawRequest":
        assert effect == Effect(read_only=False, destructive=True, idempotent=False)
    else:
        assert key in METHOD, f"{key} is not a documented operation: add its method to DOCUMENTED_METHODS"
        assert effect == expected(key)


def test_raw_request_is_neither_read_only_nor_idempotent() -> None:
    """Raw Request can send any method to any path: an agent must treat it as destructive."""
    assert classify("rawRequest") == Effect(read_only=False, destructive=True, idempotent=False)


def test_an_unknown_verb_is_a_definition_error_naming_the_action() -> None:
    with pytest.raises(DefinitionError) as error:
        classify("archiveTicket")
    assert str(error.value) == (
        "Action 'archiveTicket': cannot tell whether it reads, writes or deletes from its verb 'archive'; "
        "expected a key starting with one of add, cancel, create, delete, download, find, get, list, merge, "
        "raw, read, remove, search, select, send, set, update, upload."
    )


def test_a_key_without_a_lower_case_verb_is_refused() -> None:
    with pytest.raises(DefinitionError, match="from its verb ''"):
        classify("Ticket")


@pytest.mark.parametrize(("key", "verb"), [("getTicket", "get"), ("search", "search"), ("rawRequest", "raw"),
                                           ("listViewItems", "list")])
def test_the_verb_is_the_leading_lower_case_word(key: str, verb: str) -> None:
    assert verb_of(key) == verb


@pytest.mark.parametrize("key", ["updateTicketStatus", "setAddress", "updateAnalysis", "setCustomerData"])
def test_a_singular_noun_ending_in_s_is_not_a_bulk_update(key: str) -> None:
    assert classify(key) == UPDATE
