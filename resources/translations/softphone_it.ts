<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="it">
<context>
    <name>CallCard</name>
    <message>
        <location filename="../../agentdesk/gui/softphone/card.py" line="40" />
        <source>Call controls are in the softphone: hang up %1, hold %2, mute %3.</source>
        <translation>I comandi della chiamata sono nel telefono: riaggancia %1, attesa %2, muto %3.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/card.py" line="65" />
        <source>Ringing: answer in the softphone or below</source>
        <translation>Squilla: rispondi dal telefono o qui sotto</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/card.py" line="66" />
        <source>On call for %1</source>
        <translation>In chiamata per %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/card.py" line="67" />
        <source>The customer is on hold</source>
        <translation>Il cliente è in attesa</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/card.py" line="68" />
        <source>Call ended: complete the wrap-up below</source>
        <translation>Chiamata terminata: completa la chiusura qui sotto</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/card.py" line="72" />
        <source>muted</source>
        <translation>muto</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../agentdesk/gui/softphone/keypad.py" line="25" />
        <source>Send the tone %1</source>
        <translation>Invia il tono %1</translation>
    </message>
</context>
<context>
    <name>LevelBar</name>
    <message>
        <location filename="../../agentdesk/gui/softphone/meter.py" line="33" />
        <source>Microphone: %1 dBFS (peak %2 dBFS)</source>
        <extracomment>The bar spans -60 dBFS (empty) to 0 dBFS (full).</extracomment>
        <translation>Microfono: %1 dBFS (picco %2 dBFS)</translation>
    </message>
</context>
<context>
    <name>Softphone</name>
    <message>
        <location filename="../../agentdesk/gui/softphone/wiring.py" line="39" />
        <source>Softphone</source>
        <translation>Telefono</translation>
    </message>
</context>
<context>
    <name>SoftphoneController</name>
    <message>
        <location filename="../../agentdesk/gui/softphone/controller.py" line="86" />
        <source>Incoming call</source>
        <extracomment>Interactions whose leg could not be signalled yet (no connection). Answers to server offers not delivered yet, by interaction.</extracomment>
        <translation>Chiamata in arrivo</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/controller.py" line="87" />
        <source>%1 for %2</source>
        <translation>%1 per %2</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/controller.py" line="126" />
        <source>The call's audio could not be renegotiated: %1</source>
        <translation>Non è stato possibile rinegoziare l'audio della chiamata: %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/controller.py" line="264" />
        <source>The call's audio could not start: %1</source>
        <translation>L'audio della chiamata non è partito: %1</translation>
    </message>
</context>
<context>
    <name>SoftphonePane</name>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="109" />
        <source>Server connection lost. The call goes on; controls return when it is back.</source>
        <extracomment>The softphone's keyboard shortcuts (window-wide).</extracomment>
        <translation>Connessione al server persa. La chiamata continua; i comandi tornano quando si riconnette.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="116" />
        <source>Answer</source>
        <translation>Rispondi</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="117" />
        <source>Reject</source>
        <translation>Rifiuta</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="118" />
        <source>Hang up</source>
        <translation>Riaggancia</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="119" />
        <location filename="../../agentdesk/gui/softphone/pane.py" line="313" />
        <source>Hold</source>
        <translation>Attesa</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="120" />
        <location filename="../../agentdesk/gui/softphone/pane.py" line="315" />
        <source>Mute</source>
        <translation>Muto</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="121" />
        <source>Keypad</source>
        <translation>Tastiera</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="122" />
        <source>Transfer…</source>
        <translation>Trasferisci…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="123" />
        <source>Conference…</source>
        <translation>Conferenza…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="124" />
        <source>Complete transfer</source>
        <translation>Completa trasferimento</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="126" />
        <source>Leave the call: the customer stays with the colleague you consulted.</source>
        <translation>Lascia la chiamata: il cliente resta con il collega consultato.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="152" />
        <source>Number to call</source>
        <translation>Numero da chiamare</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="155" />
        <source>The client whose caller id the customer sees</source>
        <translation>Il committente di cui il cliente vede il numero</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="156" />
        <source>Call</source>
        <translation>Chiama</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="170" />
        <source>Mic</source>
        <translation>Microfono</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="173" />
        <source>Speaker</source>
        <translation>Altoparlante</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="257" />
        <source>No microphone</source>
        <translation>Nessun microfono</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="238" />
        <source>No microphone (silence)</source>
        <translation>Nessun microfono (silenzio)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="239" />
        <source>No speaker</source>
        <translation>Nessun altoparlante</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="277" />
        <source>No call</source>
        <translation>Nessuna chiamata</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="278" />
        <source>Incoming call</source>
        <translation>Chiamata in arrivo</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="279" />
        <source>On call</source>
        <translation>In chiamata</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="280" />
        <source>On hold</source>
        <translation>In attesa</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="281" />
        <source>Call ended: wrap-up</source>
        <translation>Chiamata terminata: chiusura</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="284" />
        <source>Outbound call</source>
        <translation>Chiamata in uscita</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="285" />
        <source>Calling…</source>
        <translation>Chiamata in corso…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="289" />
        <source>Ready for calls</source>
        <translation>Pronto per le chiamate</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="290" />
        <source>Dial a number below, or wait for a call.</source>
        <translation>Componi un numero qui sotto o attendi una chiamata.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="295" />
        <source>with %1</source>
        <translation>con %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="297" />
        <source>recorded</source>
        <translation>registrata</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="313" />
        <source>Resume</source>
        <translation>Riprendi</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/pane.py" line="315" />
        <source>Unmute</source>
        <translation>Riattiva audio</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../agentdesk/gui/softphone/transfer.py" line="31" />
        <source>Add to the call</source>
        <translation>Aggiungi alla chiamata</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/transfer.py" line="31" />
        <source>Transfer</source>
        <translation>Trasferisci</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/transfer.py" line="34" />
        <source>Operator</source>
        <translation>Operatore</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/transfer.py" line="35" />
        <source>Queue</source>
        <translation>Coda</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/transfer.py" line="41" />
        <source>Operator id or queue</source>
        <translation>Id operatore o coda</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/transfer.py" line="44" />
        <source>Blind (hand over now)</source>
        <translation>Diretto (passa subito)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/transfer.py" line="45" />
        <source>Consultative (talk first)</source>
        <translation>Con consultazione (prima parla)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/transfer.py" line="46" />
        <source>To</source>
        <translation>A</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/transfer.py" line="47" />
        <source>Who</source>
        <translation>Chi</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/transfer.py" line="49" />
        <source>How</source>
        <translation>Come</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/softphone/transfer.py" line="51" />
        <source>The customer stays on the line.</source>
        <translation>Il cliente resta in linea.</translation>
    </message>
</context>
</TS>