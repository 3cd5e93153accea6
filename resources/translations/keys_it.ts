<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>DeskKeys</name>
    <message>
        <location filename="../../agentdesk/gui/shell/keys.py" line="84" />
        <source>&amp;Help</source>
        <translation>A&amp;iuto</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/keys.py" line="86" />
        <source>Keyboard shortcuts</source>
        <translation>Scorciatoie da tastiera</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/keys.py" line="143" />
        <source>No contact is waiting to be accepted.</source>
        <translation>Nessun contatto in attesa da accettare.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/keys.py" line="149" />
        <source>No contact is waiting to be rejected.</source>
        <translation>Nessun contatto in attesa da rifiutare.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/keys.py" line="170" />
        <source>There is no active conversation to reply to.</source>
        <translation>Non c'è una conversazione attiva a cui rispondere.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/keys.py" line="177" />
        <source>There is no active conversation to end.</source>
        <translation>Non c'è una conversazione attiva da chiudere.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/keys.py" line="182" />
        <source>There is no wrap-up to fill in.</source>
        <translation>Non c'è un post-contatto da compilare.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/keys.py" line="189" />
        <source>There is no wrap-up to save.</source>
        <translation>Non c'è un post-contatto da salvare.</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="77" />
        <source>Accept the offered contact and go to the reply box</source>
        <translation>Accetta il contatto offerto e vai alla risposta</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="83" />
        <source>Reject the offered contact</source>
        <translation>Rifiuta il contatto offerto</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="89" />
        <source>Next interaction in the list</source>
        <translation>Interazione successiva nell'elenco</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="95" />
        <source>Previous interaction in the list</source>
        <translation>Interazione precedente nell'elenco</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="101" />
        <source>Go to the reply box</source>
        <translation>Vai alla casella di risposta</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="107" />
        <source>End the chat and go to the wrap-up</source>
        <translation>Chiudi la chat e passa al post-contatto</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="113" />
        <source>Choose the disposition (type its first letters)</source>
        <translation>Scegli l'esito (digita le prime lettere)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="119" />
        <source>Save the wrap-up</source>
        <translation>Salva l'esito</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="125" />
        <source>Go to the customer's history</source>
        <translation>Vai allo storico del cliente</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="131" />
        <source>Show these shortcuts (? outside text fields)</source>
        <translation>Mostra queste scorciatoie (? fuori dai campi di testo)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="147" />
        <source>When a contact is offered</source>
        <translation>Quando arriva un contatto</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="148" />
        <source>In a conversation</source>
        <translation>In conversazione</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="149" />
        <source>In the wrap-up</source>
        <translation>Nel post-contatto</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="150" />
        <source>Anywhere</source>
        <translation>Ovunque</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="163" />
        <source>Accept: %1 · Reject: %2</source>
        <translation>Accetta: %1 · Rifiuta: %2</translation>
    </message>
</context>
<context>
    <name>ShortcutsOverlay</name>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts_overlay.py" line="36" />
        <source>Keyboard shortcuts</source>
        <translation>Scorciatoie da tastiera</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts_overlay.py" line="40" />
        <source>Every desk action has a key; none of them is a plain letter, so typing a reply never triggers one.</source>
        <translation>Ogni azione ha un tasto; nessuno è una semplice lettera, quindi scrivere una risposta non ne attiva mai uno.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts_overlay.py" line="60" />
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts_overlay.py" line="70" />
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
</context>
</TS>