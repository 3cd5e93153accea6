<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>KbPanel</name>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="89"/>
        <source>Knowledge base</source>
        <translation>Base di conoscenza</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="100"/>
        <source>Search procedures, FAQs, news…</source>
        <translation>Cerca procedure, FAQ, news…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="105"/>
        <source>Procedure</source>
        <translation>Procedura</translation>
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
        <translation>Urgente</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="110"/>
        <source>All kinds</source>
        <translation>Tutti i tipi</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="132"/>
        <source>← Results</source>
        <translation>← Risultati</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="136"/>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="234"/>
        <source>Was this helpful?</source>
        <translation>Ti è stato utile?</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="137"/>
        <source>Yes</source>
        <translation>Sì</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="138"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="199"/>
        <source>The knowledge base is not available yet.</source>
        <translation>La base di conoscenza non è ancora disponibile.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="209"/>
        <source>Suggested · type to search</source>
        <translation>Suggeriti · scrivi per cercare</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="211"/>
        <source>Type to search the knowledge base.</source>
        <translation>Scrivi per cercare nella base di conoscenza.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="216"/>
        <source>No article matches.</source>
        <translation>Nessun articolo corrisponde.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="229"/>
        <source>This article is not in the local copy yet.</source>
        <translation>Questo articolo non è ancora nella copia locale.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="250"/>
        <source>Thank you for the feedback.</source>
        <translation>Grazie per il riscontro.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="252"/>
        <source>Feedback not sent; try again.</source>
        <translation>Riscontro non inviato; riprova.</translation>
    </message>
</context>
<context>
    <name>UrgentBanner</name>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="54"/>
        <source>Read</source>
        <translation>Leggi</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="55"/>
        <source>Acknowledge</source>
        <translation>Presa visione</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="56"/>
        <source>I have read this urgent communication</source>
        <translation>Ho letto questa comunicazione urgente</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="75"/>
        <source>URGENT: %1</source>
        <translation>URGENTE: %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/kb_panel.py" line="77"/>
        <source>(+%1 more)</source>
        <translation>(+ altre %1)</translation>
    </message>
</context>
</TS>
