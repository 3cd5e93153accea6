"""The Interactions pane: the operator's current chats (and later calls and e-mails)."""
