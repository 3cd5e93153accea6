"""The softphone pane: calls (answer, hold, mute, DTMF, transfer, conference, dial)."""
