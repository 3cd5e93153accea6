<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="it">
<context>
    <name>EmailView</name>
    <message>
        <location filename="../../agentdesk/gui/email/view.py" line="57" />
        <source>Attachments (listed only, never opened)</source>
        <translation>Allegati (solo elencati, mai aperti)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/email/view.py" line="63" />
        <source>AgentDesk lists attachments by name, type and size and never opens them.</source>
        <translation>AgentDesk elenca gli allegati per nome, tipo e dimensione e non li apre mai.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/email/view.py" line="77" />
        <source>Write your reply… (Ctrl+Enter to send)</source>
        <translation>Scrivi la risposta… (Ctrl+Invio per inviare)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/email/view.py" line="79" />
        <source>Quoted history</source>
        <translation>Cronologia citata</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/email/view.py" line="90" />
        <source>Send reply</source>
        <translation>Invia risposta</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/email/view.py" line="92" />
        <source>Send the reply with the conversation quoted under it</source>
        <translation>Invia la risposta con la conversazione citata sotto</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/email/view.py" line="174" />
        <source>(no subject)</source>
        <translation>(senza oggetto)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/email/view.py" line="176" />
        <source>From %1 to %2</source>
        <translation>Da %1 a %2</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/email/view.py" line="196" />
        <source>From %1 · not opened</source>
        <translation>Da %1 · non aperto</translation>
    </message>
</context>
</TS>