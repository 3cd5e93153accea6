<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>EmailView</name>
    <message>
        <location filename="../../agentdesk/gui/email/view.py" line="57" />
        <source>Attachments (listed only, never opened)</source>
        <translation>Attachments (listed only, never opened)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/email/view.py" line="63" />
        <source>AgentDesk lists attachments by name, type and size and never opens them.</source>
        <translation>AgentDesk lists attachments by name, type and size and never opens them.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/email/view.py" line="77" />
        <source>Write your reply… (Ctrl+Enter to send)</source>
        <translation>Write your reply… (Ctrl+Enter to send)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/email/view.py" line="79" />
        <source>Quoted history</source>
        <translation>Quoted history</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/email/view.py" line="90" />
        <source>Send reply</source>
        <translation>Send reply</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/email/view.py" line="92" />
        <source>Send the reply with the conversation quoted under it</source>
        <translation>Send the reply with the conversation quoted under it</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/email/view.py" line="174" />
        <source>(no subject)</source>
        <translation>(no subject)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/email/view.py" line="176" />
        <source>From %1 to %2</source>
        <translation>From %1 to %2</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/email/view.py" line="196" />
        <source>From %1 · not opened</source>
        <translation>From %1 · not opened</translation>
    </message>
</context>
</TS>