"""The Assist pane: what helps with the contact in focus (greeting, invoices, outcomes)."""
