<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>CannedButton</name>
    <message>
        <location filename="../../agentdesk/gui/chat/canned.py" line="40" />
        <source>Quick replies</source>
        <extracomment>Keys 1..9 with Alt insert the first nine responses of the chat's client.</extracomment>
        <translation>Quick replies</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/chat/canned.py" line="90" />
        <source>Insert one of the client's ready-made replies (Alt+1…Alt+9)</source>
        <translation>Insert one of the client's ready-made replies (Alt+1…Alt+9)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/chat/canned.py" line="92" />
        <source>No ready-made replies for this client</source>
        <translation>No ready-made replies for this client</translation>
    </message>
</context>
</TS>