"""Filling the complaint form the way the tests need it."""

from __future__ import annotations

from typing import Any

from kim_desktop.domain.models import Complaint
from tests.conftest import complaint_data
from ui.complaint_fields import ComplaintFields
from ui.formatting import iso_to_display
from ui.main_window import MainWindow


def form_data(**overrides: Any) -> dict[str, Any]:
    """A valid complaint as the form holds it (date typed as dd/mm/yyyy)."""
    d = complaint_data(**overrides)
    d["incident_date"] = iso_to_display(d["incident_date"])
    return d


def fill(fields: ComplaintFields, **overrides: Any) -> None:
    fields.set_data(form_data(**overrides))


def submit_valid(window: MainWindow, **overrides: Any) -> Complaint:
    window.new_complaint()
    fill(window.form.fields, **overrides)
    c = window.form.submit()
    assert c is not None, [m.text() for m in window.form.fields.messages.values() if m.text()]
    return c
