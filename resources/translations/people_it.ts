<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="it_IT">
<context>
    <name>BoardWorkspace</name>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="67" />
        <source>Stop monitoring</source>
        <translation>Termina monitoraggio</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="72" />
        <source>Urgent KB communications: loading…</source>
        <translation>Comunicazioni urgenti della KB: caricamento…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="96" />
        <source>Urgent KB communications</source>
        <translation>Comunicazioni urgenti della KB</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="189" />
        <source>Monitoring a call: switch the mode or stop</source>
        <translation>Monitoraggio in corso: cambia modalità o terminalo</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="192" />
        <source>Monitor the selected operator's call</source>
        <translation>Monitora la chiamata dell'operatore selezionato</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="195" />
        <source>Select an operator on a call to monitor it</source>
        <translation>Seleziona un operatore in chiamata per monitorarla</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="198" />
        <source>The selected operator is not on a call</source>
        <translation>L'operatore selezionato non è in chiamata</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="210" />
        <source>No urgent communications in force</source>
        <translation>Nessuna comunicazione urgente in vigore</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="213" />
        <source>Urgent communications in force: %1</source>
        <translation>Comunicazioni urgenti in vigore: %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="217" />
        <source>%1 — not read by: %2</source>
        <translation>%1 — non ancora letta da: %2</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="220" />
        <source>%1 — read by everyone</source>
        <translation>%1 — letta da tutti</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="224" />
        <source>Urgent KB communications not loaded: %1</source>
        <translation>Comunicazioni urgenti della KB non caricate: %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="34" />
        <source>Squad board</source>
        <translation>Cruscotto squadra</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="47" />
        <source>Private message to the selected operator</source>
        <translation>Messaggio privato all'operatore selezionato</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="48" />
        <source>Send</source>
        <translation>Invia</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="53" />
        <source>Listen</source>
        <translation>Ascolta</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="53" />
        <source>Whisper</source>
        <translation>Suggerisci</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="53" />
        <source>Barge</source>
        <translation>Intervieni</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="77" />
        <source>Queues</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="78" />
        <source>Alerts</source>
        <translation>Allarmi</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="87" />
        <source>Staffing (Erlang C)</source>
        <translation>Dimensionamento (Erlang C)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="91" />
        <source>Squad board — %1</source>
        <translation>Cruscotto squadra — %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="98" />
        <source>%1: %2 waiting, longest %3, SL %4</source>
        <translation>%1: %2 in attesa, attesa massima %3, LdS %4</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="106" />
        <source>SL now %1 · target %2</source>
        <translation>LdS ora %1 · obiettivo %2</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="117" />
        <source>No thresholds crossed</source>
        <translation>Nessuna soglia superata</translation>
    </message>
</context>
<context>
    <name>ErlangCalculator</name>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="33" />
        <source> per 30 min</source>
        <translation> ogni 30 min</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="50" />
        <source>Calculate</source>
        <translation>Calcola</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="52" />
        <source>Enter the forecast and press Calculate.</source>
        <translation>Inserisci la previsione e premi Calcola.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="56" />
        <source>Contacts</source>
        <translation>Contatti</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="57" />
        <source>AHT</source>
        <translation>AHT</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="58" />
        <source>Service level</source>
        <translation>Livello di servizio</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="59" />
        <source>Answered within</source>
        <translation>Con risposta entro</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="60" />
        <source>Shrinkage</source>
        <translation>Shrinkage</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="64" />
        <source>agents</source>
        <translation>operatori</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="65" />
        <source>service level %</source>
        <translation>livello di servizio %</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="93" />
        <source>%1 agents (%2 scheduled): service level %3, ASA %4, occupancy %5</source>
        <translation>%1 operatori (%2 da pianificare): livello di servizio %3, ASA %4, occupazione %5</translation>
    </message>
</context>
<context>
    <name>MyDayBar</name>
    <message>
        <location filename="../../agentdesk/gui/shell/myday.py" line="97" />
        <source>this session</source>
        <extracomment>the server's figures, when they have arrived</extracomment>
        <translation>questa sessione</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/myday.py" line="101" />
        <source>Counted on this workstation since you logged in; the contact centre's official figures may differ.</source>
        <translation>Contati su questa postazione dall'accesso; i dati ufficiali del contact centre possono differire.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/myday.py" line="105" />
        <source>Handled</source>
        <translation>Gestiti</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/myday.py" line="107" />
        <location filename="../../agentdesk/gui/shell/myday.py" line="151" />
        <source>AHT (target %1–%2)</source>
        <translation>AHT (obiettivo %1–%2)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/myday.py" line="114" />
        <source>Average handling time, from accept to the end of wrap-up, against the target band.</source>
        <translation>Tempo medio di gestione, dall'accettazione alla fine della chiusura, rispetto alla fascia obiettivo.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/myday.py" line="118" />
        <source>FCR</source>
        <translation>FCR</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/myday.py" line="121" />
        <source>First-contact resolution: contacts wrapped up as resolved whose customer was not a repeat contact.</source>
        <translation>Risoluzione al primo contatto: contatti chiusi come risolti il cui cliente non era un ricontatto.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/myday.py" line="125" />
        <source>Open now</source>
        <translation>Aperti ora</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/myday.py" line="155" />
        <source>today</source>
        <translation>oggi</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/myday.py" line="156" />
        <source>The contact centre's figures for today</source>
        <translation>I dati del contact centre per oggi</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/myday.py" line="162" />
        <source>none yet</source>
        <translation>ancora nessuno</translation>
    </message>
</context>
<context>
    <name>PeopleController</name>
    <message>
        <location filename="../../agentdesk/gui/people/controller.py" line="306" />
        <source>The monitored call has ended</source>
        <translation>La chiamata monitorata è terminata</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/controller.py" line="225" />
        <source>the server sent data this desktop cannot read</source>
        <translation>il server ha inviato dati che questo desktop non sa leggere</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/controller.py" line="284" />
        <source>Whispering: only the operator hears you</source>
        <translation>Suggerimento: ti sente solo l'operatore</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/controller.py" line="286" />
        <source>Barged in: everyone on the call hears you</source>
        <translation>Intervento: ti sentono tutti i partecipanti alla chiamata</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/controller.py" line="287" />
        <source>Listening: no one hears you</source>
        <translation>Ascolto: nessuno ti sente</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/controller.py" line="295" />
        <source>Monitoring failed: %1</source>
        <translation>Monitoraggio non riuscito: %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/controller.py" line="305" />
        <source>Monitoring stopped</source>
        <translation>Monitoraggio terminato</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/controller.py" line="90" />
        <source>Your tutor's feedback: %1</source>
        <translation>Il riscontro del tuo tutor: %1</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="44" />
        <source>No contact waits for your review.</source>
        <translation>Nessun contatto attende la tua revisione.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="54" />
        <source>Score </source>
        <translation>Voto </translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="57" />
        <source>Feedback for the trainee</source>
        <translation>Riscontro per il tirocinante</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="59" />
        <source>Score and release</source>
        <translation>Valuta e rilascia</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="60" />
        <source>Score and keep in hold</source>
        <translation>Valuta e trattieni</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="61" />
        <source>Graduate to operator</source>
        <translation>Promuovi a operatore</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="118" />
        <source>Review queue</source>
        <translation>Revisioni da fare</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="128" />
        <source>%1 · mood %2 · no script for this contact</source>
        <translation>%1 · umore %2 · nessuno script per questo contatto</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="131" />
        <source>%1 · mood %2 · script adherence %3</source>
        <translation>%1 · umore %2 · aderenza allo script %3</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="151" />
        <source>Graduation: %1 of %2 reviewed contacts, average %3 (needs %4)</source>
        <translation>Promozione: %1 di %2 contatti revisionati, media %3 (serve %4)</translation>
    </message>
</context>
<context>
    <name>ServerFacts</name>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="48" />
        <source>CSAT</source>
        <translation>CSAT</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="49" />
        <source>Share of 4–5 answers to the satisfaction survey today</source>
        <translation>Quota di risposte 4–5 al sondaggio di soddisfazione di oggi</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="50" />
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="52" />
        <source>Transactional NPS after your contacts (kept apart from the others)</source>
        <translation>NPS transazionale dopo i tuoi contatti (tenuto separato dagli altri)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="54" />
        <source>Mood</source>
        <translation>Umore</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="55" />
        <source>Customers' mood over your last contacts</source>
        <translation>L'umore dei clienti negli ultimi contatti</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="56" />
        <source>Score</source>
        <translation>Punteggio</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="57" />
        <source>Season score: 70% quality, 30% quantity. Click to see every point.</source>
        <translation>Punteggio di stagione: 70% qualità, 30% quantità. Fai clic per vedere ogni punto.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="75" />
        <source>improving</source>
        <translation>in miglioramento</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="76" />
        <source>steady</source>
        <translation>stabile</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="77" />
        <source>worsening</source>
        <translation>in peggioramento</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="84" />
        <source>%1 · #%2</source>
        <translation>%1 · n. %2</translation>
    </message>
</context>
<context>
    <name>SupervisorWorkspace</name>
    <message>
        <location filename="../../agentdesk/gui/people/workspace.py" line="27" />
        <location filename="../../agentdesk/gui/people/workspace.py" line="32" />
        <source>Review queue</source>
        <translation>Revisioni da fare</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/workspace.py" line="28" />
        <source>My trainees</source>
        <translation>I miei tirocinanti</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/workspace.py" line="30" />
        <source>Squad board</source>
        <translation>Cruscotto squadra</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/workspace.py" line="34" />
        <source>Customer 360</source>
        <translation>Cliente 360</translation>
    </message>
</context>
<context>
    <name>TeamBoardModel</name>
    <message>
        <location filename="../../agentdesk/gui/people/board_model.py" line="33" />
        <source>Operator</source>
        <translation>Operatore</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board_model.py" line="34" />
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board_model.py" line="35" />
        <source>Time in state</source>
        <translation>Tempo nello stato</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board_model.py" line="36" />
        <source>Current contact</source>
        <translation>Contatto in corso</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board_model.py" line="37" />
        <source>Mood</source>
        <translation>Umore</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board_model.py" line="38" />
        <source>Handled</source>
        <translation>Gestiti</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board_model.py" line="39" />
        <source>AHT</source>
        <translation>AHT</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board_model.py" line="40" />
        <source>FCR</source>
        <translation>FCR</translation>
    </message>
</context>
<context>
    <name>ScoreBreakdown</name>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="1" />
        <source>Your season score</source>
        <translation>Il tuo punteggio di stagione</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="1" />
        <source>Component</source>
        <translation>Componente</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="1" />
        <source>Value</source>
        <translation>Valore</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="1" />
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="1" />
        <source>Points</source>
        <translation>Punti</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="1" />
        <source>Points = value × weight × 1000. A component without data yet gives its weight to the others in its group. Penalties are entered by QA or your team leader, always with a reason.</source>
        <translation>Punti = valore × peso × 1000. Una componente ancora senza dati cede il suo peso alle altre del suo gruppo. Le penalità le inserisce il QA o il tuo team leader, sempre con un motivo.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="1" />
        <source>Customer satisfaction (CSAT)</source>
        <translation>Soddisfazione cliente (CSAT)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="1" />
        <source>NPS after your contacts</source>
        <translation>NPS dopo i tuoi contatti</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="1" />
        <source>Quality reviews</source>
        <translation>Revisioni di qualità</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="1" />
        <source>First-contact resolution</source>
        <translation>Risoluzione al primo contatto</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="1" />
        <source>Script adherence (checkpoints confirmed)</source>
        <translation>Aderenza allo script (checkpoint confermati)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="1" />
        <source>Handled volume against the target</source>
        <translation>Volume gestito rispetto all'obiettivo</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="1" />
        <source>Schedule adherence</source>
        <translation>Aderenza ai turni</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="1" />
        <source>No season standing yet</source>
        <translation>Ancora nessuna posizione in questa stagione</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="1" />
        <source>%1 points · rank #%2</source>
        <translation>%1 punti · posizione n. %2</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="1" />
        <source>Quality</source>
        <translation>Qualità</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="1" />
        <source>Quantity</source>
        <translation>Quantità</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="1" />
        <source>no data</source>
        <translation>nessun dato</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="1" />
        <source>Penalties</source>
        <translation>Penalità</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="1" />
        <source>by %1</source>
        <translation>da %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="1" />
        <source>Score</source>
        <translation>Punteggio</translation>
    </message>
</context>
</TS>