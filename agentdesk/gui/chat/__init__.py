"""The chat pane: transcript, typing indicator, composer."""
