"""Invoice rules shared by the customer header and the accounts view (one rule, one place)."""

from __future__ import annotations

from datetime import date, timedelta

#: An open invoice falling due within this window is "due" (header flag, accounts row).
DUE_WINDOW = timedelta(days=10)


def falls_due_soon(status: str, due_on: date, today: date, window: timedelta = DUE_WINDOW) -> bool:
    """True for an ``open`` invoice whose due date is today or within ``window`` from today.

    Overdue invoices are not "due soon": they have their own flag.
    """
    return status == "open" and today <= due_on <= today + window
