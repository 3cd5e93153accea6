<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>KbPanel</name>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="89"/>
        <source>Knowledge base</source>
        <translation>Knowledge base</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="100"/>
        <source>Search procedures, FAQs, news…</source>
        <translation>Search procedures, FAQs, news…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="105"/>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="106"/>
        <source>FAQ</source>
        <translation>FAQ</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="107"/>
        <source>News</source>
        <translation>News</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="108"/>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="110"/>
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="132"/>
        <source>← Results</source>
        <translation>← Results</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="136"/>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="234"/>
        <source>Was this helpful?</source>
        <translation>Was this helpful?</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="137"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="138"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="199"/>
        <source>The knowledge base is not available yet.</source>
        <translation>The knowledge base is not available yet.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="209"/>
        <source>Suggested · type to search</source>
        <translation>Suggested · type to search</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="211"/>
        <source>Type to search the knowledge base.</source>
        <translation>Type to search the knowledge base.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="216"/>
        <source>No article matches.</source>
        <translation>No article matches.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="229"/>
        <source>This article is not in the local copy yet.</source>
        <translation>This article is not in the local copy yet.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="250"/>
        <source>Thank you for the feedback.</source>
        <translation>Thank you for the feedback.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="252"/>
        <source>Feedback not sent; try again.</source>
        <translation>Feedback not sent; try again.</translation>
    </message>
</context>
<context>
    <name>UrgentBanner</name>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="54"/>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="55"/>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="56"/>
        <source>I have read this urgent communication</source>
        <translation>I have read this urgent communication</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="75"/>
        <source>URGENT: %1</source>
        <translation>URGENT: %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="77"/>
        <source>(+%1 more)</source>
        <translation>(+%1 more)</translation>
    </message>
</context>
</TS>
