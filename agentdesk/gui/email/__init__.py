"""The e-mail view: subject, plain-text thread, listed attachments, reply with quoted history."""
