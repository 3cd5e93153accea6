<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>DeskPreview</name>
    <message>
        <location filename="../../agentdesk/gui/shell/preview.py" line="219" />
        <source>Interactions</source>
        <translation>Interazioni</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/preview.py" line="191" />
        <source>Refreshing — showing the last known picture</source>
        <translation>Aggiornamento — mostra l'ultima situazione nota</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/preview.py" line="191" />
        <source>Starting…</source>
        <translation>Avvio…</translation>
    </message>
</context>
</TS>
