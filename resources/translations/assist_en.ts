<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AssistController</name>
    <message>
        <location filename="../../agentdesk/gui/assist/controller.py" line="133" />
        <source>The script step was not saved: %1</source>
        <extracomment>level, text (for the status line)</extracomment>
        <translation>The script step was not saved: %1</translation>
    </message>
</context>
<context>
    <name>HintsPanel</name>
    <message>
        <location filename="../../agentdesk/gui/assist/hints.py" line="28" />
        <source>Next best actions</source>
        <extracomment>hint id, accepted</extracomment>
        <translation>Next best actions</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/hints.py" line="35" />
        <location filename="../../agentdesk/gui/assist/hints.py" line="75" />
        <source>No suggestions right now.</source>
        <translation>No suggestions right now.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/hints.py" line="40" />
        <source>%1 accept the first · %2 dismiss it</source>
        <translation>%1 accept the first · %2 dismiss it</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/hints.py" line="77" />
        <source>Hints appear here during a contact.</source>
        <translation>Hints appear here during a contact.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/hints.py" line="112" />
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/hints.py" line="113" />
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>MoodBadge</name>
    <message>
        <location filename="../../agentdesk/gui/assist/mood_badge.py" line="23" />
        <source>negative</source>
        <extracomment>Muted colours: the dot informs, it does not alarm.</extracomment>
        <translation>negative</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/mood_badge.py" line="24" />
        <source>neutral</source>
        <translation>neutral</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/mood_badge.py" line="25" />
        <source>positive</source>
        <translation>positive</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/mood_badge.py" line="27" />
        <source>Mood: %1</source>
        <translation>Mood: %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/mood_badge.py" line="31" />
        <source>because of: %1</source>
        <translation>because of: %1</translation>
    </message>
</context>
<context>
    <name>ScriptPlayer</name>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="37" />
        <location filename="../../agentdesk/gui/assist/script_player.py" line="89" />
        <source>Script</source>
        <extracomment>node id, answer ("" for a line said) the text of the step, for the reply box ScriptProgressView | None, whenever the player shows a new progress</extracomment>
        <translation>Script</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="62" />
        <source>The customer's words</source>
        <extracomment>The step on screen: the progress's current step, or an earlier one after "Back".</extracomment>
        <translation>The customer's words</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="65" />
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="66" />
        <source>Show the previous step to answer it again</source>
        <translation>Show the previous step to answer it again</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="68" />
        <source>Insert in reply</source>
        <translation>Insert in reply</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="90" />
        <source>No script for this contact.</source>
        <translation>No script for this contact.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="147" />
        <source>checkpoints %1%</source>
        <translation>checkpoints %1%</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="149" />
        <source>Script completed</source>
        <translation>Script completed</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="152" />
        <source>Step %1</source>
        <translation>Step %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="153" />
        <source>going back</source>
        <translation>going back</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="177" />
        <source>Articles: %1</source>
        <translation>Articles: %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="186" />
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="187" />
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="191" />
        <source>Save answer</source>
        <translation>Save answer</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="193" />
        <source>Close script</source>
        <translation>Close script</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="195" />
        <source>Said it, next</source>
        <translation>Said it, next</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="200" />
        <source>privacy notice</source>
        <translation>privacy notice</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="201" />
        <source>identity verified</source>
        <translation>identity verified</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="202" />
        <source>plan terms read</source>
        <translation>plan terms read</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="203" />
        <source>offer terms read</source>
        <translation>offer terms read</translation>
    </message>
</context>
</TS>
