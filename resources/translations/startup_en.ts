<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DeskPreview</name>
    <message>
        <location filename="../../agentdesk/gui/shell/preview.py" line="219" />
        <source>Interactions</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/preview.py" line="191" />
        <source>Refreshing — showing the last known picture</source>
        <translation>Refreshing — showing the last known picture</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/preview.py" line="191" />
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
</context>
</TS>
