<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AssistController</name>
    <message>
        <location filename="../../agentdesk/gui/assist/controller.py" line="141"/>
        <source>The script step was not saved: %1</source>
        <extracomment>level, text (for the status line) an article id the operator wants to read (an accepted article hint)</extracomment>
        <translation>The script step was not saved: %1</translation>
    </message>
</context>
<context>
    <name>HintsPanel</name>
    <message>
        <location filename="../../agentdesk/gui/assist/hints.py" line="28"/>
        <source>Next best actions</source>
        <extracomment>hint id, accepted</extracomment>
        <translation>Next best actions</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/hints.py" line="37"/>
        <location filename="../../agentdesk/gui/assist/hints.py" line="84"/>
        <source>No suggestions right now.</source>
        <extracomment>Every hint shown for this interaction, decided or not (by id).</extracomment>
        <translation>No suggestions right now.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/hints.py" line="42"/>
        <source>%1 accept the first · %2 dismiss it</source>
        <translation>%1 accept the first · %2 dismiss it</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/hints.py" line="86"/>
        <source>Hints appear here during a contact.</source>
        <translation>Hints appear here during a contact.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/hints.py" line="121"/>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/hints.py" line="122"/>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>MoodBadge</name>
    <message>
        <location filename="../../agentdesk/gui/assist/mood_badge.py" line="23"/>
        <source>negative</source>
        <extracomment>Muted colours: the dot informs, it does not alarm.</extracomment>
        <translation>negative</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/mood_badge.py" line="24"/>
        <source>neutral</source>
        <translation>neutral</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/mood_badge.py" line="25"/>
        <source>positive</source>
        <translation>positive</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/mood_badge.py" line="27"/>
        <source>Mood: %1</source>
        <translation>Mood: %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/mood_badge.py" line="31"/>
        <source>because of: %1</source>
        <translation>because of: %1</translation>
    </message>
</context>
<context>
    <name>ScriptPlayer</name>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="41"/>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="95"/>
        <source>Script</source>
        <extracomment>node id, answer (&quot;&quot; for a line said) the text of the step, for the reply box ScriptProgressView | None, whenever the player shows a new progress an article id linked from the step on screen</extracomment>
        <translation>Script</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="68"/>
        <source>The customer&apos;s words</source>
        <extracomment>The step on screen: the progress&apos;s current step, or an earlier one after &quot;Back&quot;.</extracomment>
        <translation>The customer&apos;s words</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="71"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="72"/>
        <source>Show the previous step to answer it again</source>
        <translation>Show the previous step to answer it again</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="74"/>
        <source>Insert in reply</source>
        <translation>Insert in reply</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="96"/>
        <source>No script for this contact.</source>
        <translation>No script for this contact.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="153"/>
        <source>checkpoints %1%</source>
        <translation>checkpoints %1%</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="155"/>
        <source>Script completed</source>
        <translation>Script completed</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="158"/>
        <source>Step %1</source>
        <translation>Step %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="159"/>
        <source>going back</source>
        <translation>going back</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="185"/>
        <source>Articles: %1</source>
        <translation>Articles: %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="192"/>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="193"/>
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="197"/>
        <source>Save answer</source>
        <translation>Save answer</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="199"/>
        <source>Close script</source>
        <translation>Close script</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="201"/>
        <source>Said it, next</source>
        <translation>Said it, next</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="206"/>
        <source>privacy notice</source>
        <translation>privacy notice</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="207"/>
        <source>identity verified</source>
        <translation>identity verified</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="208"/>
        <source>plan terms read</source>
        <translation>plan terms read</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="209"/>
        <source>offer terms read</source>
        <translation>offer terms read</translation>
    </message>
</context>
</TS>
