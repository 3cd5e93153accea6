<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DeskKeys</name>
    <message>
        <location filename="../../agentdesk/gui/shell/keys.py" line="84" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/keys.py" line="86" />
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/keys.py" line="143" />
        <source>No contact is waiting to be accepted.</source>
        <translation>No contact is waiting to be accepted.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/keys.py" line="149" />
        <source>No contact is waiting to be rejected.</source>
        <translation>No contact is waiting to be rejected.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/keys.py" line="170" />
        <source>There is no active conversation to reply to.</source>
        <translation>There is no active conversation to reply to.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/keys.py" line="177" />
        <source>There is no active conversation to end.</source>
        <translation>There is no active conversation to end.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/keys.py" line="182" />
        <source>There is no wrap-up to fill in.</source>
        <translation>There is no wrap-up to fill in.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/keys.py" line="189" />
        <source>There is no wrap-up to save.</source>
        <translation>There is no wrap-up to save.</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="77" />
        <source>Accept the offered contact and go to the reply box</source>
        <translation>Accept the offered contact and go to the reply box</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="83" />
        <source>Reject the offered contact</source>
        <translation>Reject the offered contact</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="89" />
        <source>Next interaction in the list</source>
        <translation>Next interaction in the list</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="95" />
        <source>Previous interaction in the list</source>
        <translation>Previous interaction in the list</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="101" />
        <source>Go to the reply box</source>
        <translation>Go to the reply box</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="107" />
        <source>End the chat and go to the wrap-up</source>
        <translation>End the chat and go to the wrap-up</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="113" />
        <source>Choose the disposition (type its first letters)</source>
        <translation>Choose the disposition (type its first letters)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="119" />
        <source>Save the wrap-up</source>
        <translation>Save the wrap-up</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="125" />
        <source>Go to the customer's history</source>
        <translation>Go to the customer's history</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="131" />
        <source>Show these shortcuts (? outside text fields)</source>
        <translation>Show these shortcuts (? outside text fields)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="147" />
        <source>When a contact is offered</source>
        <translation>When a contact is offered</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="148" />
        <source>In a conversation</source>
        <translation>In a conversation</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="149" />
        <source>In the wrap-up</source>
        <translation>In the wrap-up</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="150" />
        <source>Anywhere</source>
        <translation>Anywhere</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts.py" line="163" />
        <source>Accept: %1 · Reject: %2</source>
        <translation>Accept: %1 · Reject: %2</translation>
    </message>
</context>
<context>
    <name>ShortcutsOverlay</name>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts_overlay.py" line="36" />
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts_overlay.py" line="40" />
        <source>Every desk action has a key; none of them is a plain letter, so typing a reply never triggers one.</source>
        <translation>Every desk action has a key; none of them is a plain letter, so typing a reply never triggers one.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts_overlay.py" line="60" />
        <source> or </source>
        <translation> or </translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/shortcuts_overlay.py" line="70" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
</TS>