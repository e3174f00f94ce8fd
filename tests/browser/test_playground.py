"""The playground in headless Chromium: create a ticket through the generated form, with a customer picked from a
live picklist search, and see bad inputs flagged next to their field."""

from __future__ import annotations

import json
from typing import Any

from gorgias_component.sandbox import Sandbox
from tests.browser.conftest import shot

MESSAGES = [{"channel": "email", "via": "api", "from_agent": False, "body_text": "Hello from the playground",
             "sender": {"email": "browser@example.com"}}]


def open_create_ticket(page: Any) -> None:
    page.wait_for_selector("#connection option", state="attached")
    assert page.locator("#connection option:checked").inner_text().startswith("Sandbox (Gorgias API Key)")
    page.click("button.entry[data-key=createTicket]")
    page.wait_for_selector("#in-messages")


def test_create_a_ticket_with_a_customer_from_the_picklist(page: Any, sandbox: Sandbox) -> None:
    """Search customers in the dropdown, pick one, fill the JSON editor, run: the ticket exists with that customer."""
    open_create_ticket(page)
    shot(page, "1-create-ticket-form")
    page.fill("#in-subject", "Ticket from the playground")
    page.fill("#in-messages", json.dumps(MESSAGES, indent=2))
    page.click("#in-customer-search")
    page.fill("#in-customer-search", "miller")
    page.wait_for_function("""() => {
        const items = [...document.querySelectorAll('#in-customer-list li[data-key]')];
        const status = document.querySelector('#in-customer-list').parentElement.querySelector('.picker-status');
        return items.length > 0 && status.textContent.endsWith('found');
    }""")
    options = page.locator("#in-customer-list li[data-key]")
    labels = options.all_inner_texts()
    assert labels and all("miller" in label.lower() for label in labels)
    shot(page, "2-customer-search")
    chosen = options.first.get_attribute("data-key")
    options.first.click()
    assert json.loads(page.input_value("#in-customer")) == {"id": int(chosen)}
    page.click("#run")
    page.wait_for_selector("#run-status.good")
    shot(page, "3-ticket-created")
    result = json.loads(page.inner_text("#json"))["data"]
    assert result["subject"] == "Ticket from the playground"
    assert result["customer"]["id"] == int(chosen)
    stored = sandbox.store.tickets[result["id"]]
    assert stored.subject == "Ticket from the playground"


def test_bad_inputs_show_their_message_next_to_the_field(page: Any, sandbox: Sandbox) -> None:
    """Invalid JSON is caught before sending; a value the component refuses is flagged on its field."""
    before = len(sandbox.store.tickets)
    open_create_ticket(page)
    page.fill("#in-messages", "[{not json")
    page.click("#run")
    error = page.locator(".field[data-key=messages] .field-error")
    assert error.inner_text().startswith("Invalid JSON")
    assert page.locator(".field[data-key=messages]").get_attribute("class") == "field invalid"
    shot(page, "4-invalid-json")
    page.fill("#in-messages", json.dumps(MESSAGES))
    page.fill("#in-customer", '{"id": "not-a-number"}')
    page.click("#run")
    page.wait_for_selector("#run-status.bad")
    message = page.locator(".field[data-key=customer] .field-error").inner_text()
    assert message.startswith("Input 'customer' (Customer)")
    assert page.locator("#error").inner_text() == message
    shot(page, "5-refused-input")
    assert len(sandbox.store.tickets) == before  # nothing was created


def test_a_list_action_shows_a_table(page: Any) -> None:
    """listTickets: the envelope as JSON and its items as a table."""
    page.wait_for_selector("#connection option", state="attached")
    page.click("button.entry[data-key=listTickets]")
    page.fill("#in-limit", "5")
    page.click("#run")
    page.wait_for_selector("#run-status.good")
    assert page.locator("#table tbody tr").count() == 5
    assert "subject" in page.locator("#table thead").inner_text()
    shot(page, "6-list-table")


def test_a_declared_picklist_fills_a_string_input_and_pages_on_scroll(page: Any) -> None:
    """getTicket's id names selectTicket: the dropdown loads a page, scrolling loads the next, picking sets the id."""
    page.wait_for_selector("#connection option", state="attached")
    page.click("button.entry[data-key=getTicket]")
    page.click("#in-id-search")
    page.wait_for_function("document.querySelectorAll('#in-id-list li[data-key]').length === 20")
    page.eval_on_selector("#in-id-list", "list => { list.scrollTop = list.scrollHeight; }")
    page.wait_for_function("document.querySelectorAll('#in-id-list li[data-key]').length === 30")  # 30 tickets
    keys = page.eval_on_selector_all("#in-id-list li[data-key]", "items => items.map(i => i.dataset.key)")
    assert len(set(keys)) == 30
    shot(page, "7-picklist-paged")
    page.click(f"#in-id-list li[data-key='{keys[25]}']")
    assert page.input_value("#in-id") == keys[25]
    page.click("#run")
    page.wait_for_selector("#run-status.good")
    assert json.loads(page.inner_text("#json"))["data"]["id"] == int(keys[25])


def test_add_an_oauth_connection_and_authorize_it_in_the_browser(page: Any, sandbox: Sandbox) -> None:
    """Add… an OAuth connection, authorize it through the sandbox's consent redirect, and run an action with it."""
    page.wait_for_selector("#connection option", state="attached")
    page.on("dialog", lambda dialog: dialog.accept())  # "Authorize this OAuth connection now?"
    page.click("#add-connection")
    page.select_option("#connection-kind", "oauth2")
    page.fill("#connection-label", "My OAuth app")
    for key, value in sandbox.oauth_connection({})["fields"].items():
        page.fill(f"#conn-{key}", value)
    shot(page, "9-add-oauth-connection")
    page.click("#save-connection")
    page.wait_for_url("**/", timeout=15_000)
    page.wait_for_selector("#connection-status.good")
    assert page.inner_text("#connection-status") == "Authorized: the token is stored (encrypted)."
    assert page.locator("#connection option:checked").inner_text() == "My OAuth app · authorized"
    page.click("#check-connection")
    page.wait_for_function("document.querySelector('#connection-status').textContent.startsWith('Works')")
    shot(page, "10-oauth-authorized")


def test_a_list_input_with_a_picklist_collects_each_pick(page: Any, sandbox: Sandbox) -> None:
    """deleteTags' ids name selectTag: each pick adds a line; running deletes exactly those tags."""
    page.wait_for_selector("#connection option", state="attached")
    page.click("button.entry[data-key=deleteTags]")
    page.click("#in-ids-search")
    page.wait_for_selector("#in-ids-list li[data-key]")
    keys = page.eval_on_selector_all("#in-ids-list li[data-key]", "items => items.map(i => i.dataset.key)")[:2]
    for key in keys:
        page.click("#in-ids-search")
        page.wait_for_selector(f"#in-ids-list li[data-key='{key}']")
        page.click(f"#in-ids-list li[data-key='{key}']")
    assert page.input_value("#in-ids").split("\n") == keys
    shot(page, "11-list-picks")
    assert {int(k) for k in keys} <= set(sandbox.store.tags)
    page.click("#run")
    page.wait_for_selector("#run-status.good")
    assert not {int(k) for k in keys} & set(sandbox.store.tags)


def test_an_api_error_names_the_service_from_the_manifest(page: Any) -> None:
    """getTicket on an id the account lacks: the API's 404 is shown with the component's label as the service."""
    page.wait_for_selector("#connection option", state="attached")
    assert page.evaluate("state.manifest.label") == "Gorgias"
    page.evaluate("state.manifest.label = 'Acme Helpdesk'")  # the page names no service of its own
    page.click("button.entry[data-key=getTicket]")
    page.eval_on_selector("#in-id", "input => { input.value = '987654321'; }")  # the picker's value, as if picked
    page.click("#run")
    page.wait_for_selector("#run-status.bad")
    assert page.locator("#error").inner_text().endswith("(Acme Helpdesk answered 404)")
