"""What the simulated customers write, in Italian: topics, replies, thanks, streets.

Pure data (no I/O); :mod:`agentdesk.server.simulator` draws from it with its own seeded
random generator. The demo seed has its own data in :mod:`agentdesk.server.seed`.
"""

from __future__ import annotations

from dataclasses import dataclass

STREETS: tuple[str, ...] = (
    "Via Manzoni",
    "Via Garibaldi",
    "Via Mazzini",
    "Corso Como",
    "Via Roma",
    "Via Dante",
    "Via Volta",
    "Viale Lecco",
    "Via Cavour",
    "Via Milano",
    "Via Torino",
    "Piazza Cavour",
    "Via dei Mille",
    "Via Borgo Vico",
    "Lungo Lario Trento",
    "Via Carducci",
    "Viale Varese",
)


@dataclass(frozen=True)
class Topic:
    """Why a customer gets in touch, with what they say about it."""

    code: str
    disposition: str  # the client's disposition code it usually ends with
    subjects: tuple[str, ...]  # first lines: an email subject, a chat's opening
    openings: tuple[str, ...]  # a chat's first message
    follow_ups: tuple[str, ...]  # replies to the operator, polite
    irritated: tuple[str, ...]  # replies to the operator, irritated
    notes: tuple[str, ...]  # the operator's wrap-up notes
    energy_only: bool = False
    water_only: bool = False


TOPICS: tuple[Topic, ...] = (
    Topic(
        code="bolletta_alta",
        disposition="info_bolletta",
        subjects=("Bolletta troppo alta", "Importo bolletta anomalo", "Conguaglio elevato"),
        openings=(
            "Buongiorno, mi è arrivata una bolletta molto più alta del solito, come mai?",
            "Salve, la bolletta di questo bimestre è il doppio della precedente. "
            "Potete verificare?",
            "Buonasera, non capisco il conguaglio in bolletta, mi spiegate da dove viene?",
        ),
        follow_ups=(
            "Il numero cliente è quello che vede in bolletta, la fattura è dell'ultimo bimestre.",
            "Quindi è un conguaglio sui consumi stimati? Non lo sapevo.",
            "Capisco. Posso fare un'autolettura per evitare che succeda di nuovo?",
            "Ok, e se l'importo è giusto posso pagarlo in più rate?",
        ),
        irritated=(
            "Non è possibile, in casa siamo in due e non consumiamo così tanto!",
            "È la terza volta che succede, sinceramente sono stufo.",
            "Mi avete fatto pagare consumi stimati sbagliati, voglio una rettifica.",
        ),
        notes=(
            "Spiegato conguaglio su consumi stimati, invitato a inviare autolettura.",
            "Verificata fattura: importo corretto, consumi reali dopo lettura del tecnico.",
            "Aperta verifica su fattura, il cliente sarà ricontattato dal back office.",
        ),
    ),
    Topic(
        code="autolettura",
        disposition="autolettura",
        subjects=("Comunicazione autolettura", "Autolettura contatore", "Lettura del contatore"),
        openings=(
            "Buongiorno, vorrei comunicare l'autolettura del contatore.",
            "Salve, dove trovo il numero da comunicare per l'autolettura?",
            "Buongiorno, ho provato a inserire l'autolettura sul sito ma mi dà errore.",
        ),
        follow_ups=(
            "La lettura è 01234, fatta stamattina.",
            "Il contatore è in cantina, la cifra rossa la devo indicare?",
            "Perfetto, quindi la prossima bolletta sarà sui consumi reali?",
            "Va bene, la foto del contatore ve la mando per email.",
        ),
        irritated=(
            "Il sito continua a dare errore, ho provato tre volte!",
            "Ma perché devo fare io la lettura? Il tecnico non passa mai.",
        ),
        notes=(
            "Registrata autolettura comunicata dal cliente.",
            "Spiegato come leggere il contatore e i periodi utili per l'autolettura.",
            "Autolettura non registrabile (fuori finestra), indicata la prossima finestra utile.",
        ),
    ),
    Topic(
        code="guasto",
        disposition="guasto",
        subjects=("Segnalazione guasto", "Perdita d'acqua", "Manca la corrente"),
        openings=(
            "Buongiorno, c'è una perdita d'acqua in strada davanti a casa mia.",
            "Salve, da stamattina non arriva acqua in tutto il condominio.",
            "Buongiorno, il contatore gira anche con tutti i rubinetti chiusi, temo una perdita.",
        ),
        follow_ups=(
            "L'indirizzo è quello della fornitura, la perdita è sul marciapiede.",
            "Quanto tempo ci vuole perché arrivi il tecnico?",
            "Va bene, nel frattempo chiudo la valvola generale?",
            "Ci sono anziani in casa, è importante che torni l'acqua presto.",
        ),
        irritated=(
            "Ho già chiamato ieri e non è venuto nessuno!",
            "Siamo senza acqua da ore, è inaccettabile.",
            "Se la perdita è dopo il contatore la pago io? Assurdo.",
        ),
        notes=(
            "Aperta segnalazione guasto al pronto intervento, priorità media.",
            "Perdita dopo contatore: spiegata procedura perdita occulta e modulo di rimborso.",
            "Disservizio già noto in zona, comunicati tempi di ripristino stimati.",
        ),
        water_only=True,
    ),
    Topic(
        code="guasto_luce",
        disposition="guasto",
        subjects=("Manca la corrente", "Contatore staccato", "Guasto fornitura gas"),
        openings=(
            "Buongiorno, è saltata la corrente e il contatore non si riarma.",
            "Salve, sento odore di gas vicino al contatore, cosa devo fare?",
            "Buonasera, siamo senza luce da un'ora in tutta la via.",
        ),
        follow_ups=(
            "Ho già provato a staccare gli elettrodomestici, niente da fare.",
            "Il numero del pronto intervento del distributore me lo può ripetere?",
            "Ok, aspetto allora il tecnico del distributore.",
        ),
        irritated=(
            "Ho il frigo pieno e nessuno mi dice niente!",
            "È la seconda volta questa settimana, non è normale.",
        ),
        notes=(
            "Indicato numero di pronto intervento del distributore locale.",
            "Verificato: contatore limitato per morosità, spiegata procedura di riattivazione.",
        ),
        energy_only=True,
    ),
    Topic(
        code="rateizzazione",
        disposition="pagamento",
        subjects=("Richiesta rateizzazione", "Pagamento a rate", "Dilazione pagamento"),
        openings=(
            "Buongiorno, vorrei sapere se posso pagare l'ultima bolletta a rate.",
            "Salve, quest'anno la bolletta è molto alta, è possibile rateizzarla?",
        ),
        follow_ups=(
            "In quante rate si può dividere?",
            "Ci sono interessi sulla rateizzazione?",
            "Va bene, le rate mensili mi vanno bene.",
            "Il modulo lo devo firmare e rimandare?",
        ),
        irritated=(
            "Non riesco a pagare tutto in una volta, non chiedo la luna.",
            "Mi avevate già promesso la rateizzazione e non è arrivato nulla.",
        ),
        notes=(
            "Concessa rateizzazione in 6 rate mensili, inviato piano via email.",
            "Importo sotto soglia per la rateizzazione, proposta proroga della scadenza.",
            "Spiegati requisiti della rateizzazione, il cliente ci penserà.",
        ),
    ),
    Topic(
        code="pagamento_non_registrato",
        disposition="pagamento",
        subjects=("Pagamento non registrato", "Sollecito già pagato", "Bolletta già pagata"),
        openings=(
            "Buongiorno, mi è arrivato un sollecito per una bolletta che ho già pagato.",
            "Salve, ho pagato col bollettino ma risulta ancora da pagare.",
        ),
        follow_ups=(
            "Ho la ricevuta del pagamento, ve la posso mandare?",
            "Ho pagato il 12 con bonifico, il CRO ce l'ho.",
            "Quindi il sollecito lo posso ignorare?",
        ),
        irritated=(
            "Ho pagato puntualmente e mi minacciate il distacco, vergogna!",
            "Non è la prima volta che perdete i miei pagamenti.",
        ),
        notes=(
            "Ricevuta inviata dal cliente, pagamento abbinato manualmente.",
            "Pagamento in corso di registrazione, sollecito da ignorare.",
        ),
    ),
    Topic(
        code="voltura",
        disposition="contratto",
        subjects=("Voltura contratto", "Cambio intestatario", "Subentro nuova casa"),
        openings=(
            "Buongiorno, ho comprato casa e devo intestarmi il contratto, come faccio?",
            "Salve, mio padre è mancato e vorrei fare la voltura a mio nome.",
            "Buongiorno, vorrei fare un subentro nel nuovo appartamento.",
        ),
        follow_ups=(
            "Quali documenti servono?",
            "Quanto costa la voltura e in quanto tempo si fa?",
            "Il vecchio intestatario deve firmare qualcosa?",
            "Perfetto, invio tutto tramite l'area clienti.",
        ),
        irritated=(
            "Ho già mandato i documenti due volte, ma che fine fanno?",
            "Possibile che serva così tanta burocrazia?",
        ),
        notes=(
            "Spiegata procedura di voltura, inviato modulo e lista documenti.",
            "Voltura mortis causa: nessun costo, richiesto certificato di morte.",
            "Pratica di subentro aperta, attivazione entro 5 giorni lavorativi.",
        ),
    ),
    Topic(
        code="cambio_offerta",
        disposition="cambio_offerta",
        subjects=("Cambio offerta", "Offerta luce e gas", "Passaggio a prezzo fisso"),
        openings=(
            "Buongiorno, vorrei sapere se c'è un'offerta più conveniente per luce e gas.",
            "Salve, ho visto la nuova offerta a prezzo fisso, posso passarci?",
        ),
        follow_ups=(
            "Consumo circa 2.700 kWh all'anno, cosa mi conviene?",
            "Il prezzo è bloccato per quanto tempo?",
            "Ci sono costi per il cambio?",
            "Ok, procediamo con il cambio.",
        ),
        irritated=(
            "Ogni anno mi aumentate il prezzo senza avvisare.",
            "Se non mi fate un prezzo migliore passo a un altro fornitore.",
        ),
        notes=(
            "Proposta offerta a prezzo fisso 24 mesi, il cliente accetta.",
            "Confrontate offerte, il cliente resta sull'offerta attuale.",
        ),
        energy_only=True,
    ),
    Topic(
        code="bonus_sociale",
        disposition="info_bolletta",
        subjects=("Bonus sociale", "Bonus idrico", "Agevolazione ISEE"),
        openings=(
            "Buongiorno, ho l'ISEE basso, ho diritto al bonus sociale?",
            "Salve, il bonus sociale non compare in bolletta, come mai?",
        ),
        follow_ups=(
            "La DSU l'ho presentata a gennaio.",
            "Quindi è automatico, non devo fare domanda?",
            "Ok, e gli arretrati me li riconoscete?",
        ),
        irritated=(
            "Ho diritto al bonus da mesi e non l'ho mai visto!",
            "Nessuno sa mai dirmi niente di preciso.",
        ),
        notes=(
            "Spiegato riconoscimento automatico del bonus sociale tramite ISEE/DSU.",
            "Bonus non ancora comunicato da INPS, indicati tempi di accredito.",
        ),
    ),
    Topic(
        code="reclamo",
        disposition="reclamo",
        subjects=("Reclamo", "Reclamo per disservizio", "Voglio fare reclamo"),
        openings=(
            "Buongiorno, vorrei presentare un reclamo formale.",
            "Salve, sono molto insoddisfatto del servizio e voglio fare reclamo.",
        ),
        follow_ups=(
            "Entro quanto tempo mi rispondete?",
            "Il reclamo lo posso fare anche per email?",
            "Va bene, attendo la risposta scritta.",
        ),
        irritated=(
            "Sono mesi che aspetto una risposta, è una vergogna.",
            "Se non risolvete mi rivolgo a un avvocato.",
        ),
        notes=(
            "Registrato reclamo scritto, risposta entro 30 giorni.",
            "Cliente insoddisfatto per tempi di intervento, reclamo inoltrato al back office.",
        ),
    ),
)

#: Operators' opening replies, so past chats read like conversations.

#: The customer's last words before leaving a chat.
THANKS: tuple[str, ...] = (
    "Grazie mille, gentilissimo. Buona giornata!",
    "Perfetto, grazie per l'aiuto.",
    "Ok, grazie. Arrivederci.",
    "Va bene, grazie lo stesso.",
    "Chiarissimo, grazie e buon lavoro!",
)
THANKS_IRRITATED: tuple[str, ...] = (
    "Va bene, speriamo sia la volta buona.",
    "Ok. Vedremo se stavolta risolvete.",
    "Grazie, ma resto insoddisfatto.",
)

#: Back-office notes on a customer's file.
