<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>CallCard</name>
    <message>
        <location filename="../../agentdesk/gui/softphone/card.py" line="40" />
        <source>Call controls are in the softphone: hang up %1, hold %2, mute %3.</source>
        <translation>Call controls are in the softphone: hang up %1, hold %2, mute %3.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/card.py" line="65" />
        <source>Ringing: answer in the softphone or below</source>
        <translation>Ringing: answer in the softphone or below</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/card.py" line="66" />
        <source>On call for %1</source>
        <translation>On call for %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/card.py" line="67" />
        <source>The customer is on hold</source>
        <translation>The customer is on hold</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/card.py" line="68" />
        <source>Call ended: complete the wrap-up below</source>
        <translation>Call ended: complete the wrap-up below</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/card.py" line="72" />
        <source>muted</source>
        <translation>muted</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../agentdesk/gui/softphone/keypad.py" line="25" />
        <source>Send the tone %1</source>
        <translation>Send the tone %1</translation>
    </message>
</context>
<context>
    <name>LevelBar</name>
    <message>
        <location filename="../../agentdesk/gui/softphone/meter.py" line="33" />
        <source>Microphone: %1 dBFS (peak %2 dBFS)</source>
        <extracomment>The bar spans -60 dBFS (empty) to 0 dBFS (full).</extracomment>
        <translation>Microphone: %1 dBFS (peak %2 dBFS)</translation>
    </message>
</context>
<context>
    <name>Softphone</name>
    <message>
        <location filename="../../agentdesk/gui/softphone/wiring.py" line="39" />
        <source>Softphone</source>
        <translation>Softphone</translation>
    </message>
</context>
<context>
    <name>SoftphoneController</name>
    <message>
        <location filename="../../agentdesk/gui/softphone/controller.py" line="86" />
        <source>Incoming call</source>
        <extracomment>Interactions whose leg could not be signalled yet (no connection). Answers to server offers not delivered yet, by interaction.</extracomment>
        <translation>Incoming call</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/controller.py" line="87" />
        <source>%1 for %2</source>
        <translation>%1 for %2</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/controller.py" line="126" />
        <source>The call's audio could not be renegotiated: %1</source>
        <translation>The call's audio could not be renegotiated: %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/controller.py" line="264" />
        <source>The call's audio could not start: %1</source>
        <translation>The call's audio could not start: %1</translation>
    </message>
</context>
<context>
    <name>SoftphonePane</name>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="109" />
        <source>Server connection lost. The call goes on; controls return when it is back.</source>
        <extracomment>The softphone's keyboard shortcuts (window-wide).</extracomment>
        <translation>Server connection lost. The call goes on; controls return when it is back.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="116" />
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="117" />
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="118" />
        <source>Hang up</source>
        <translation>Hang up</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="119" />
        <location filename="../../agentdesk/gui/softphone/pane.py" line="313" />
        <source>Hold</source>
        <translation>Hold</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="120" />
        <location filename="../../agentdesk/gui/softphone/pane.py" line="315" />
        <source>Mute</source>
        <translation>Mute</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="121" />
        <source>Keypad</source>
        <translation>Keypad</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="122" />
        <source>Transfer…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="123" />
        <source>Conference…</source>
        <translation>Conference…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="124" />
        <source>Complete transfer</source>
        <translation>Complete transfer</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="126" />
        <source>Leave the call: the customer stays with the colleague you consulted.</source>
        <translation>Leave the call: the customer stays with the colleague you consulted.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="152" />
        <source>Number to call</source>
        <translation>Number to call</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="155" />
        <source>The client whose caller id the customer sees</source>
        <translation>The client whose caller id the customer sees</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="156" />
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="170" />
        <source>Mic</source>
        <translation>Mic</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="173" />
        <source>Speaker</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="257" />
        <source>No microphone</source>
        <translation>No microphone</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="238" />
        <source>No microphone (silence)</source>
        <translation>No microphone (silence)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="239" />
        <source>No speaker</source>
        <translation>No speaker</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="277" />
        <source>No call</source>
        <translation>No call</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="278" />
        <source>Incoming call</source>
        <translation>Incoming call</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="279" />
        <source>On call</source>
        <translation>On call</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="280" />
        <source>On hold</source>
        <translation>On hold</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="281" />
        <source>Call ended: wrap-up</source>
        <translation>Call ended: wrap-up</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="284" />
        <source>Outbound call</source>
        <translation>Outbound call</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="285" />
        <source>Calling…</source>
        <translation>Calling…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="289" />
        <source>Ready for calls</source>
        <translation>Ready for calls</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="290" />
        <source>Dial a number below, or wait for a call.</source>
        <translation>Dial a number below, or wait for a call.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="295" />
        <source>with %1</source>
        <translation>with %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="297" />
        <source>recorded</source>
        <translation>recorded</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="313" />
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="315" />
        <source>Unmute</source>
        <translation>Unmute</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../agentdesk/gui/softphone/transfer.py" line="31" />
        <source>Add to the call</source>
        <translation>Add to the call</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/transfer.py" line="31" />
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/transfer.py" line="34" />
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/transfer.py" line="35" />
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/transfer.py" line="41" />
        <source>Operator id or queue</source>
        <translation>Operator id or queue</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/transfer.py" line="44" />
        <source>Blind (hand over now)</source>
        <translation>Blind (hand over now)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/transfer.py" line="45" />
        <source>Consultative (talk first)</source>
        <translation>Consultative (talk first)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/transfer.py" line="46" />
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/transfer.py" line="47" />
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/transfer.py" line="49" />
        <source>How</source>
        <translation>How</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/transfer.py" line="51" />
        <source>The customer stays on the line.</source>
        <translation>The customer stays on the line.</translation>
    </message>
</context>
</TS>