<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it" sourcelanguage="en">
    <context>
        <name>AssistPane</name>
        <message>
            <source>due %1</source>
            <translation>scadenza %1</translation>
        </message>
        <message>
            <source>overdue since %1</source>
            <translation>scaduta dal %1</translation>
        </message>
        <message>
            <source>%1, good morning, this is %2. How can I help you?</source>
            <translation>%1, buongiorno, sono %2. Come posso aiutarla?</translation>
        </message>
        <message>
            <source>Greeting</source>
            <translation>Saluto</translation>
        </message>
        <message>
            <source>Insert in reply</source>
            <translation>Inserisci nella risposta</translation>
        </message>
        <message>
            <source>Put the greeting into the reply box</source>
            <translation>Inserisce il saluto nella casella di risposta</translation>
        </message>
        <message>
            <source>Open invoices</source>
            <translation>Fatture aperte</translation>
        </message>
        <message>
            <source>Outcomes for this client</source>
            <translation>Esiti per questo committente</translation>
        </message>
        <message>
            <source>This client has no dispositions configured.</source>
            <translation>Questo committente non ha esiti configurati.</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Caricamento…</translation>
        </message>
        <message>
            <source>No customer record: no invoices to show.</source>
            <translation>Nessuna anagrafica cliente: nessuna fattura da mostrare.</translation>
        </message>
        <message>
            <source>Nothing open. The customer is up to date.</source>
            <translation>Nessuna fattura aperta: il cliente è in regola.</translation>
        </message>
        <message>
            <source>Your clients</source>
            <translation>I tuoi committenti</translation>
        </message>
        <message>
            <source>Your clients appear here once you are logged in.</source>
            <translation>I tuoi committenti compaiono qui dopo l'accesso.</translation>
        </message>
    </context>
    <context>
        <name>BubbleDelegate</name>
        <message>
            <source>sending…</source>
            <translation>invio in corso…</translation>
        </message>
        <message>
            <source>not sent: %1</source>
            <translation>non inviato: %1</translation>
        </message>
    </context>
    <context>
        <name>ChatPane</name>
        <message>
            <source>Select a conversation to see it here.</source>
            <translation>Seleziona una conversazione per vederla qui.</translation>
        </message>
        <message>
            <source>Write a reply… (Enter to send, Shift+Enter for a new line)</source>
            <translation>Scrivi una risposta… (Invio per inviare, Maiusc+Invio per andare a capo)</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Invia</translation>
        </message>
        <message>
            <source>End chat</source>
            <translation>Chiudi chat</translation>
        </message>
        <message>
            <source>Close the conversation and go to the wrap-up</source>
            <translation>Chiude la conversazione e passa al post-contatto</translation>
        </message>
        <message>
            <source>%1 is typing…</source>
            <translation>%1 sta scrivendo…</translation>
        </message>
        <message>
            <source>Accept the chat to reply.</source>
            <translation>Accetta la chat per rispondere.</translation>
        </message>
    </context>
    <context>
        <name>CustomerHeader</name>
        <message>
            <source>Open balance</source>
            <translation>Saldo aperto</translation>
        </message>
        <message>
            <source>Last NPS</source>
            <translation>Ultimo NPS</translation>
        </message>
        <message>
            <source>Mood</source>
            <translation>Umore</translation>
        </message>
        <message>
            <source>Open cases</source>
            <translation>Pratiche aperte</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Contatto</translation>
        </message>
        <message>
            <source>No customer in focus</source>
            <translation>Nessun cliente selezionato</translation>
        </message>
        <message>
            <source>Select a conversation to see who you are talking to.</source>
            <translation>Seleziona una conversazione per vedere con chi stai parlando.</translation>
        </message>
        <message>
            <source>Not matched to a customer record.</source>
            <translation>Non associato a un'anagrafica cliente.</translation>
        </message>
        <message>
            <source>Loading the customer record…</source>
            <translation>Caricamento dell'anagrafica…</translation>
        </message>
        <message>
            <source>No contact details on file</source>
            <translation>Nessun recapito registrato</translation>
        </message>
    </context>
    <context>
        <name>DeskController</name>
        <message>
            <source>From the contact history.</source>
            <translation>Dallo storico contatti.</translation>
        </message>
    </context>
    <context>
        <name>DeskRunner</name>
        <message>
            <source>Starting the local demo server…</source>
            <translation>Avvio del server dimostrativo locale…</translation>
        </message>
        <message>
            <source>The local demo server did not start: %1</source>
            <translation>Il server dimostrativo locale non si è avviato: %1</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>The server cannot be reached. Your work is kept and sent when it is back.</source>
            <translation>Il server non è raggiungibile. Il tuo lavoro è conservato e verrà inviato appena torna disponibile.</translation>
        </message>
        <message>
            <source>Not possible right now: %1</source>
            <translation>Non è possibile in questo momento: %1</translation>
        </message>
        <message>
            <source>Your session has expired. Please sign in again. (%1)</source>
            <translation>La sessione è scaduta. Accedi di nuovo. (%1)</translation>
        </message>
        <message>
            <source>Your role does not allow this. (%1)</source>
            <translation>Il tuo ruolo non lo consente. (%1)</translation>
        </message>
        <message>
            <source>It no longer exists. (%1)</source>
            <translation>Non esiste più. (%1)</translation>
        </message>
        <message>
            <source>The server did not accept it: %1</source>
            <translation>Il server non l'ha accettato: %1</translation>
        </message>
        <message>
            <source>The server refused it: %1</source>
            <translation>Il server l'ha rifiutato: %1</translation>
        </message>
        <message>
            <source>Something went wrong: %1</source>
            <translation>Qualcosa non ha funzionato: %1</translation>
        </message>
        <message>
            <source>Wrong username or password.</source>
            <translation>Nome utente o password errati.</translation>
        </message>
        <message>
            <source>Cannot reach the server. Check the address and your connection.</source>
            <translation>Impossibile raggiungere il server. Controlla l'indirizzo e la connessione.</translation>
        </message>
    </context>
    <context>
        <name>Format</name>
        <message>
            <source>today %1</source>
            <translation>oggi %1</translation>
        </message>
    </context>
    <context>
        <name>HistoryDelegate</name>
        <message>
            <source>resolved</source>
            <translation>risolto</translation>
        </message>
        <message>
            <source>not resolved</source>
            <translation>non risolto</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>in corso</translation>
        </message>
    </context>
    <context>
        <name>HistoryPane</name>
        <message>
            <source>History</source>
            <translation>Storico</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Tutto</translation>
        </message>
        <message>
            <source>Loading history…</source>
            <translation>Caricamento storico…</translation>
        </message>
        <message>
            <source>No customer record for this contact.</source>
            <translation>Nessuna anagrafica per questo contatto.</translation>
        </message>
        <message>
            <source>No earlier contacts.</source>
            <translation>Nessun contatto precedente.</translation>
        </message>
        <message>
            <source> — scroll for more</source>
            <translation> — scorri per vederne altri</translation>
        </message>
        <message numerus="yes">
            <source>%n item(s)</source>
            <translation>
                <numerusform>%n voce</numerusform>
                <numerusform>%n voci</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>InteractionDelegate</name>
        <message>
            <source>typing…</source>
            <translation>sta scrivendo…</translation>
        </message>
        <message>
            <source>Accept</source>
            <translation>Accetta</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>Rifiuta</translation>
        </message>
    </context>
    <context>
        <name>InteractionListModel</name>
        <message>
            <source>Status: %1</source>
            <translation>Stato: %1</translation>
        </message>
    </context>
    <context>
        <name>InteractionsPane</name>
        <message>
            <source>No conversations yet.
When you are Ready, new chats are offered here.</source>
            <translation>Ancora nessuna conversazione.
Quando sei Pronto, le nuove chat ti vengono proposte qui.</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Ready</source>
            <translation>Pronto</translation>
        </message>
        <message>
            <source>Not ready</source>
            <translation>Non pronto</translation>
        </message>
        <message>
            <source>Wrap-up</source>
            <translation>Post-contatto</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Disconnesso</translation>
        </message>
        <message>
            <source>Awaiting review</source>
            <translation>In attesa di revisione</translation>
        </message>
        <message>
            <source>Break</source>
            <translation>Pausa</translation>
        </message>
        <message>
            <source>Lunch</source>
            <translation>Pranzo</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>Formazione</translation>
        </message>
        <message>
            <source>Coaching</source>
            <translation>Coaching</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>Riunione</translation>
        </message>
        <message>
            <source>Back office</source>
            <translation>Back office</translation>
        </message>
        <message>
            <source>Technical problem</source>
            <translation>Problema tecnico</translation>
        </message>
        <message>
            <source>Chat</source>
            <translation>Chat</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>Chiamata</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Queued</source>
            <translation>In coda</translation>
        </message>
        <message>
            <source>Offered</source>
            <translation>Proposta</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>In corso</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Chiusa</translation>
        </message>
        <message>
            <source>Abandoned</source>
            <translation>Abbandonata</translation>
        </message>
        <message>
            <source>Positive</source>
            <translation>Positivo</translation>
        </message>
        <message>
            <source>Neutral</source>
            <translation>Neutro</translation>
        </message>
        <message>
            <source>Negative</source>
            <translation>Negativo</translation>
        </message>
        <message>
            <source>Repeat contact</source>
            <translation>Ricontatto</translation>
        </message>
        <message>
            <source>Vulnerable customer</source>
            <translation>Cliente fragile</translation>
        </message>
        <message>
            <source>Payment plan</source>
            <translation>Piano di rientro</translation>
        </message>
        <message>
            <source>Invoice due</source>
            <translation>Fattura in scadenza</translation>
        </message>
        <message>
            <source>Overdue invoice</source>
            <translation>Fattura scaduta</translation>
        </message>
        <message>
            <source>Prospect</source>
            <translation>Potenziale cliente</translation>
        </message>
        <message>
            <source>VIP</source>
            <translation>VIP</translation>
        </message>
        <message>
            <source>Residential</source>
            <translation>Domestico</translation>
        </message>
        <message>
            <source>Business</source>
            <translation>Azienda</translation>
        </message>
        <message>
            <source>Condominium</source>
            <translation>Condominio</translation>
        </message>
        <message>
            <source>Public body</source>
            <translation>Ente pubblico</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Contatto</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Nota</translation>
        </message>
        <message>
            <source>Invoice</source>
            <translation>Fattura</translation>
        </message>
        <message>
            <source>Payment</source>
            <translation>Pagamento</translation>
        </message>
        <message>
            <source>Survey</source>
            <translation>Sondaggio</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Connessione…</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>Connesso</translation>
        </message>
        <message>
            <source>Reconnecting</source>
            <translation>Riconnessione</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Sign in to AgentDesk</source>
            <translation>Accedi ad AgentDesk</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Accedi</translation>
        </message>
        <message>
            <source>e.g. mario</source>
            <translation>es. mario</translation>
        </message>
        <message>
            <source>Remember me on this computer</source>
            <translation>Ricordami su questo computer</translation>
        </message>
        <message>
            <source>The password is kept in the system keyring.</source>
            <translation>La password è conservata nel portachiavi di sistema.</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Esci</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <source>&amp;Username</source>
            <translation>&amp;Nome utente</translation>
        </message>
        <message>
            <source>&amp;Password</source>
            <translation>&amp;Password</translation>
        </message>
        <message>
            <source>No system keyring is available, so the password cannot be remembered.</source>
            <translation>Nessun portachiavi di sistema disponibile: la password non può essere ricordata.</translation>
        </message>
        <message>
            <source>Signing in…</source>
            <translation>Accesso in corso…</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>AgentDesk</source>
            <translation>AgentDesk</translation>
        </message>
        <message>
            <source>Top bar</source>
            <translation>Barra superiore</translation>
        </message>
        <message>
            <source>Interactions</source>
            <translation>Interazioni</translation>
        </message>
        <message>
            <source>Assist</source>
            <translation>Assistenza</translation>
        </message>
        <message>
            <source>My day</source>
            <translation>La mia giornata</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Visualizza</translation>
        </message>
        <message>
            <source>Reset layout</source>
            <translation>Ripristina disposizione</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Esci</translation>
        </message>
        <message>
            <source>&amp;AgentDesk</source>
            <translation>&amp;AgentDesk</translation>
        </message>
    </context>
    <context>
        <name>MyDayBar</name>
        <message>
            <source>this session</source>
            <translation>questa sessione</translation>
        </message>
        <message>
            <source>Counted on this workstation since you logged in; the contact centre's official figures may differ.</source>
            <translation>Conteggiato su questa postazione dall'accesso; i dati ufficiali del contact center possono differire.</translation>
        </message>
        <message>
            <source>Handled</source>
            <translation>Gestiti</translation>
        </message>
        <message>
            <source>AHT (target %1–%2)</source>
            <translation>AHT (obiettivo %1–%2)</translation>
        </message>
        <message>
            <source>Average handling time, from accept to the end of wrap-up, against the target band.</source>
            <translation>Tempo medio di gestione, dall'accettazione alla fine del post-contatto, rispetto alla fascia obiettivo.</translation>
        </message>
        <message>
            <source>FCR</source>
            <translation>FCR</translation>
        </message>
        <message>
            <source>First-contact resolution: contacts wrapped up as resolved whose customer was not a repeat contact.</source>
            <translation>Risoluzione al primo contatto: contatti chiusi come risolti il cui cliente non era un ricontatto.</translation>
        </message>
        <message>
            <source>Open now</source>
            <translation>Aperti ora</translation>
        </message>
        <message>
            <source>none yet</source>
            <translation>ancora nessuno</translation>
        </message>
    </context>
    <context>
        <name>OfferBanner</name>
        <message>
            <source>Accept</source>
            <translation>Accetta</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>Rifiuta</translation>
        </message>
        <message>
            <source>New chat from %1</source>
            <translation>Nuova chat da %1</translation>
        </message>
        <message>
            <source>Incoming call from %1</source>
            <translation>Chiamata in arrivo da %1</translation>
        </message>
        <message>
            <source>New e-mail from %1</source>
            <translation>Nuova e-mail da %1</translation>
        </message>
        <message>
            <source>%1 · waiting %2</source>
            <translation>%1 · in attesa da %2</translation>
        </message>
    </context>
    <context>
        <name>StateSelector</name>
        <message>
            <source>Change your state</source>
            <translation>Cambia il tuo stato</translation>
        </message>
        <message>
            <source>Time in this state</source>
            <translation>Tempo in questo stato</translation>
        </message>
        <message numerus="yes">
            <source>You cannot go offline while you still hold %n conversation(s).</source>
            <translation>
                <numerusform>Non puoi disconnetterti: hai ancora %n conversazione aperta.</numerusform>
                <numerusform>Non puoi disconnetterti: hai ancora %n conversazioni aperte.</numerusform>
            </translation>
        </message>
        <message>
            <source>You cannot switch from %1 to %2.</source>
            <translation>Non puoi passare da %1 a %2.</translation>
        </message>
    </context>
    <context>
        <name>StatusLine</name>
        <message>
            <source>local demo server %1</source>
            <translation>server dimostrativo locale %1</translation>
        </message>
    </context>
    <context>
        <name>TopBar</name>
        <message numerus="yes">
            <source>Queues: %n waiting</source>
            <translation>
                <numerusform>Code: %n in attesa</numerusform>
                <numerusform>Code: %n in attesa</numerusform>
            </translation>
        </message>
        <message>
            <source>oldest %1</source>
            <translation>attesa max %1</translation>
        </message>
        <message>
            <source>SL %1</source>
            <translation>LdS %1</translation>
        </message>
        <message>
            <source>%1: %2 waiting · oldest %3 · SL %4</source>
            <translation>%1: %2 in attesa · attesa max %3 · LdS %4</translation>
        </message>
        <message>
            <source>Queues: –</source>
            <translation>Code: –</translation>
        </message>
        <message>
            <source>No contact in focus</source>
            <translation>Nessun contatto selezionato</translation>
        </message>
        <message>
            <source>You are answering for %1</source>
            <translation>Stai rispondendo per %1</translation>
        </message>
        <message>
            <source>Squad: %1</source>
            <translation>Squadra: %1</translation>
        </message>
    </context>
    <context>
        <name>WrapupForm</name>
        <message>
            <source>Wrap-up</source>
            <translation>Post-contatto</translation>
        </message>
        <message>
            <source>The conversation has ended. Record its outcome to finish the contact.</source>
            <translation>La conversazione è terminata. Registra l'esito per chiudere il contatto.</translation>
        </message>
        <message>
            <source>&amp;Disposition</source>
            <translation>&amp;Esito</translation>
        </message>
        <message>
            <source>Choose a disposition…</source>
            <translation>Scegli un esito…</translation>
        </message>
        <message>
            <source>&amp;Notes</source>
            <translation>&amp;Note</translation>
        </message>
        <message>
            <source>What was asked, what was done, what was promised</source>
            <translation>Cosa ha chiesto il cliente, cosa è stato fatto, cosa è stato promesso</translation>
        </message>
        <message>
            <source>&amp;Resolved at this contact</source>
            <translation>&amp;Risolto in questo contatto</translation>
        </message>
        <message>
            <source>&amp;Save wrap-up</source>
            <translation>&amp;Salva esito</translation>
        </message>
    </context>
    <context>
        <name>WrapupPanel</name>
        <message>
            <source>There is no conversation to wrap up.</source>
            <translation>Non c'è nessuna conversazione da chiudere.</translation>
        </message>
        <message>
            <source>Choose a disposition.</source>
            <translation>Scegli un esito.</translation>
        </message>
        <message>
            <source>Notes are too long (at most %1 characters).</source>
            <translation>Le note sono troppo lunghe (al massimo %1 caratteri).</translation>
        </message>
    </context>
</TS>
