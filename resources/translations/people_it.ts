<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>BoardWorkspace</name>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="72" />
        <source>Stop monitoring</source>
        <translation>Termina monitoraggio</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="77" />
        <source>Urgent KB communications: loading…</source>
        <translation>Comunicazioni urgenti della KB: caricamento…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="107" />
        <source>Urgent KB communications</source>
        <translation>Comunicazioni urgenti della KB</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="159" />
        <source>%1: SL %2, below the %3 target</source>
        <translation>%1: LdS %2, sotto l&apos;obiettivo (%3)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="165" />
        <source>%1: a customer has waited %2</source>
        <translation>%1: un cliente attende da %2</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="170" />
        <source>%1: not ready for %2</source>
        <translation>%1: non pronto da %2</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="174" />
        <source>%1: the customer is upset</source>
        <translation>%1: il cliente è contrariato</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="226" />
        <source>Monitoring a call: switch the mode or stop</source>
        <translation>Monitoraggio in corso: cambia modalità o terminalo</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="229" />
        <source>Monitor the selected operator&apos;s call</source>
        <translation>Monitora la chiamata dell&apos;operatore selezionato</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="232" />
        <source>Select an operator on a call to monitor it</source>
        <translation>Seleziona un operatore in chiamata per monitorarla</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="235" />
        <source>The selected operator is not on a call</source>
        <translation>L&apos;operatore selezionato non è in chiamata</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="247" />
        <source>No urgent communications in force</source>
        <translation>Nessuna comunicazione urgente in vigore</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="250" />
        <source>Urgent communications in force: %1</source>
        <translation>Comunicazioni urgenti in vigore: %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="254" />
        <source>%1 — not read by: %2</source>
        <translation>%1 — non ancora letta da: %2</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="257" />
        <source>%1 — read by everyone</source>
        <translation>%1 — letta da tutti</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="261" />
        <source>Urgent KB communications not loaded: %1</source>
        <translation>Comunicazioni urgenti della KB non caricate: %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="39" />
        <source>Squad board</source>
        <translation>Cruscotto squadra</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="56" />
        <source>Private message to the selected operator</source>
        <translation>Messaggio privato all&apos;operatore selezionato</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="57" />
        <source>Send</source>
        <translation>Invia</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="66" />
        <source>Listen</source>
        <extracomment>the call being monitored here and how (``None``: not monitoring)</extracomment>
        <translation>Ascolta</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="66" />
        <source>Whisper</source>
        <translation>Suggerisci</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="66" />
        <source>Barge</source>
        <translation>Intervieni</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="102" />
        <source>Queues</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="103" />
        <source>Alerts</source>
        <translation>Allarmi</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="116" />
        <source>Staffing (Erlang C)</source>
        <translation>Dimensionamento (Erlang C)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="120" />
        <source>Squad board — %1</source>
        <translation>Cruscotto squadra — %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="130" />
        <source>%1: %2 waiting, longest %3, SL %4</source>
        <translation>%1: %2 in attesa, attesa massima %3, LdS %4</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="138" />
        <source>SL now %1 · target %2</source>
        <translation>LdS ora %1 · obiettivo %2</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="149" />
        <source>No thresholds crossed</source>
        <translation>Nessuna soglia superata</translation>
    </message>
</context>
<context>
    <name>ErlangCalculator</name>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="39" />
        <source> per 30 min</source>
        <translation> ogni 30 min</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="56" />
        <source>Calculate</source>
        <translation>Calcola</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="58" />
        <source>Enter the forecast and press Calculate.</source>
        <translation>Inserisci la previsione e premi Calcola.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="62" />
        <source>Contacts</source>
        <translation>Contatti</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="63" />
        <source>AHT</source>
        <translation>AHT</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="64" />
        <source>Service level</source>
        <translation>Livello di servizio</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="65" />
        <source>Answered within</source>
        <translation>Con risposta entro</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="66" />
        <source>Shrinkage</source>
        <translation>Shrinkage</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="91" />
        <source>agents</source>
        <translation>operatori</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="92" />
        <source>service level %</source>
        <translation>livello di servizio %</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="113" />
        <source>%1 agents (%2 scheduled): service level %3, ASA %4, occupancy %5</source>
        <translation>%1 operatori (%2 da pianificare): livello di servizio %3, ASA %4, occupazione %5</translation>
    </message>
</context>
<context>
    <name>MyDayBar</name>
    <message>
        <location filename="../../agentdesk/gui/shell/myday.py" line="97" />
        <source>this session</source>
        <extracomment>the server&apos;s figures, when they have arrived</extracomment>
        <translation>questa sessione</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/myday.py" line="101" />
        <source>Counted on this workstation since you logged in; the contact centre&apos;s official figures may differ.</source>
        <translation>Contati su questa postazione dall&apos;accesso; i dati ufficiali del contact centre possono differire.</translation>
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
        <translation>Tempo medio di gestione, dall&apos;accettazione alla fine della chiusura, rispetto alla fascia obiettivo.</translation>
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
        <source>The contact centre&apos;s figures for today</source>
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
        <location filename="../../agentdesk/gui/people/controller.py" line="310" />
        <source>The monitored call has ended</source>
        <translation>La chiamata monitorata è terminata</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/controller.py" line="228" />
        <source>the server sent data this desktop cannot read</source>
        <translation>il server ha inviato dati che questo desktop non sa leggere</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/controller.py" line="287" />
        <source>Whispering: only the operator hears you</source>
        <translation>Suggerimento: ti sente solo l&apos;operatore</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/controller.py" line="289" />
        <source>Barged in: everyone on the call hears you</source>
        <translation>Intervento: ti sentono tutti i partecipanti alla chiamata</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/controller.py" line="290" />
        <source>Listening: no one hears you</source>
        <translation>Ascolto: nessuno ti sente</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/controller.py" line="298" />
        <source>Monitoring failed: %1</source>
        <translation>Monitoraggio non riuscito: %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/controller.py" line="317" />
        <source>Monitoring stopped</source>
        <translation>Monitoraggio terminato</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/controller.py" line="154" />
        <source>Your tutor&apos;s feedback: %1</source>
        <extracomment>how often the board asks again who has not read the urgent KB communications the desk&apos;s audio devices for a monitor leg (made when first needed if not given)</extracomment>
        <translation>Il riscontro del tuo tutor: %1</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="45" />
        <source>No contact waits for your review.</source>
        <translation>Nessun contatto attende la tua revisione.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="55" />
        <source>Score </source>
        <translation>Voto </translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="58" />
        <source>Feedback for the trainee</source>
        <translation>Riscontro per il tirocinante</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="60" />
        <source>Score and release</source>
        <translation>Valuta e rilascia</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="61" />
        <source>Score and keep in hold</source>
        <translation>Valuta e trattieni</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="62" />
        <source>Graduate to operator</source>
        <translation>Promuovi a operatore</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="119" />
        <source>Review queue</source>
        <translation>Revisioni da fare</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="128" />
        <source>%1 · mood %2 · no script for this contact</source>
        <translation>%1 · umore %2 · nessuno script per questo contatto</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="130" />
        <source>%1 · mood %2 · script adherence %3</source>
        <translation>%1 · umore %2 · aderenza allo script %3</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="149" />
        <source>Graduation: %1 of %2 reviewed contacts, average %3 (needs %4)</source>
        <translation>Promozione: %1 di %2 contatti revisionati, media %3 (serve %4)</translation>
    </message>
</context>
<context>
    <name>ScoreBreakdown</name>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="31" />
        <source>Your season score</source>
        <translation>Il tuo punteggio di stagione</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="37" />
        <source>Component</source>
        <translation>Componente</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="37" />
        <source>Value</source>
        <translation>Valore</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="37" />
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="37" />
        <source>Points</source>
        <translation>Punti</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="44" />
        <source>Points = value × weight × 1000. A component without data yet gives its weight to the others in its group. Penalties are entered by QA or your team leader, always with a reason.</source>
        <translation>Punti = valore × peso × 1000. Una componente ancora senza dati cede il suo peso alle altre del suo gruppo. Le penalità le inserisce il QA o il tuo team leader, sempre con un motivo.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="65" />
        <source>Customer satisfaction (CSAT)</source>
        <translation>Soddisfazione cliente (CSAT)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="66" />
        <source>NPS after your contacts</source>
        <translation>NPS dopo i tuoi contatti</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="67" />
        <source>Quality reviews</source>
        <translation>Revisioni di qualità</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="68" />
        <source>First-contact resolution</source>
        <translation>Risoluzione al primo contatto</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="69" />
        <source>Script adherence (checkpoints confirmed)</source>
        <translation>Aderenza allo script (checkpoint confermati)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="70" />
        <source>Handled volume against the target</source>
        <translation>Volume gestito rispetto all&apos;obiettivo</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="71" />
        <source>Schedule adherence</source>
        <translation>Aderenza ai turni</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="90" />
        <source>No season standing yet</source>
        <translation>Ancora nessuna posizione in questa stagione</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="93" />
        <source>%1 points · rank #%2</source>
        <translation>%1 punti · posizione n. %2</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="97" />
        <source>Quality</source>
        <translation>Qualità</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="97" />
        <source>Quantity</source>
        <translation>Quantità</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="105" />
        <source>no data</source>
        <translation>nessun dato</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="115" />
        <source>Penalties</source>
        <translation>Penalità</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="120" />
        <source>by %1</source>
        <translation>da %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="125" />
        <source>Score</source>
        <translation>Punteggio</translation>
    </message>
</context>
<context>
    <name>ServerFacts</name>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="95" />
        <source>CSAT</source>
        <translation>CSAT</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="96" />
        <source>Share of 4–5 answers to the satisfaction survey today</source>
        <translation>Quota di risposte 4–5 al sondaggio di soddisfazione di oggi</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="97" />
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="99" />
        <source>Transactional NPS after your contacts (kept apart from the others)</source>
        <translation>NPS transazionale dopo i tuoi contatti (tenuto separato dagli altri)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="101" />
        <source>Mood</source>
        <translation>Umore</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="102" />
        <source>Customers&apos; mood over your last contacts</source>
        <translation>L&apos;umore dei clienti negli ultimi contatti</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="103" />
        <source>Score</source>
        <translation>Punteggio</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="105" />
        <source>Season score: 70% quality, 30% quantity. Click to see every point.</source>
        <translation>Punteggio di stagione: 70% qualità, 30% quantità. Fai clic per vedere ogni punto.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="126" />
        <source>improving</source>
        <translation>in miglioramento</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="127" />
        <source>steady</source>
        <translation>stabile</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="128" />
        <source>worsening</source>
        <translation>in peggioramento</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="137" />
        <source>%1 · #%2</source>
        <translation>%1 · n. %2</translation>
    </message>
</context>
<context>
    <name>SupervisorWorkspace</name>
    <message>
        <location filename="../../agentdesk/gui/people/workspace.py" line="30" />
        <location filename="../../agentdesk/gui/people/workspace.py" line="35" />
        <source>Review queue</source>
        <extracomment>The supervisor&apos;s softphone column (px): room for its controls, the rest for the board.</extracomment>
        <translation>Revisioni da fare</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/workspace.py" line="31" />
        <source>My trainees</source>
        <translation>I miei tirocinanti</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/workspace.py" line="33" />
        <source>Squad board</source>
        <translation>Cruscotto squadra</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/workspace.py" line="37" />
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
</TS>
