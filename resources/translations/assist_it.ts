<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it" sourcelanguage="en">
<context>
    <name>AssistController</name>
    <message>
        <location filename="../../agentdesk/gui/assist/controller.py" line="141"/>
        <source>The script step was not saved: %1</source>
        <extracomment>level, text (for the status line) an article id the operator wants to read (an accepted article hint)</extracomment>
        <translation>Il passo del copione non è stato salvato: %1</translation>
    </message>
</context>
<context>
    <name>HintsPanel</name>
    <message>
        <location filename="../../agentdesk/gui/assist/hints.py" line="28"/>
        <source>Next best actions</source>
        <extracomment>hint id, accepted</extracomment>
        <translation>Azioni consigliate</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/hints.py" line="37"/>
        <location filename="../../agentdesk/gui/assist/hints.py" line="84"/>
        <source>No suggestions right now.</source>
        <extracomment>Every hint shown for this interaction, decided or not (by id).</extracomment>
        <translation>Nessun suggerimento per ora.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/hints.py" line="42"/>
        <source>%1 accept the first · %2 dismiss it</source>
        <translation>%1 accetta il primo · %2 lo scarta</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/hints.py" line="86"/>
        <source>Hints appear here during a contact.</source>
        <translation>I suggerimenti compaiono qui durante un contatto.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/hints.py" line="121"/>
        <source>Accept</source>
        <translation>Accetta</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/hints.py" line="122"/>
        <source>Dismiss</source>
        <translation>Scarta</translation>
    </message>
</context>
<context>
    <name>MoodBadge</name>
    <message>
        <location filename="../../agentdesk/gui/assist/mood_badge.py" line="23"/>
        <source>negative</source>
        <extracomment>Muted colours: the dot informs, it does not alarm.</extracomment>
        <translation>negativo</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/mood_badge.py" line="24"/>
        <source>neutral</source>
        <translation>neutro</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/mood_badge.py" line="25"/>
        <source>positive</source>
        <translation>positivo</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/mood_badge.py" line="27"/>
        <source>Mood: %1</source>
        <translation>Umore: %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/mood_badge.py" line="31"/>
        <source>because of: %1</source>
        <translation>per: %1</translation>
    </message>
</context>
<context>
    <name>ScriptPlayer</name>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="41"/>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="95"/>
        <source>Script</source>
        <extracomment>node id, answer (&quot;&quot; for a line said) the text of the step, for the reply box ScriptProgressView | None, whenever the player shows a new progress an article id linked from the step on screen</extracomment>
        <translation>Copione</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="68"/>
        <source>The customer&apos;s words</source>
        <extracomment>The step on screen: the progress&apos;s current step, or an earlier one after &quot;Back&quot;.</extracomment>
        <translation>Le parole del cliente</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="71"/>
        <source>Back</source>
        <translation>Indietro</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="72"/>
        <source>Show the previous step to answer it again</source>
        <translation>Mostra il passo precedente per rispondere di nuovo</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="74"/>
        <source>Insert in reply</source>
        <translation>Inserisci nella risposta</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="96"/>
        <source>No script for this contact.</source>
        <translation>Nessun copione per questo contatto.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="153"/>
        <source>checkpoints %1%</source>
        <translation>verifiche %1%</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="155"/>
        <source>Script completed</source>
        <translation>Copione completato</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="158"/>
        <source>Step %1</source>
        <translation>Passo %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="159"/>
        <source>going back</source>
        <translation>passo precedente</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="185"/>
        <source>Articles: %1</source>
        <translation>Articoli: %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="192"/>
        <source>Confirmed</source>
        <translation>Confermato</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="193"/>
        <source>Skip</source>
        <translation>Salta</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="197"/>
        <source>Save answer</source>
        <translation>Salva la risposta</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="199"/>
        <source>Close script</source>
        <translation>Chiudi il copione</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="201"/>
        <source>Said it, next</source>
        <translation>Detto, avanti</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="206"/>
        <source>privacy notice</source>
        <translation>informativa privacy</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="207"/>
        <source>identity verified</source>
        <translation>identità verificata</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="208"/>
        <source>plan terms read</source>
        <translation>condizioni del piano lette</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/assist/script_player.py" line="209"/>
        <source>offer terms read</source>
        <translation>condizioni dell&apos;offerta lette</translation>
    </message>
</context>
</TS>
