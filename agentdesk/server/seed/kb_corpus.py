"""The demo knowledge base: procedures, FAQs, news and urgent notes for the demo clients.

Fictional but realistic Italian utility care content. Each entry is (id, client or None,
area, kind, tags, title, Markdown body). Links to other articles use ``kb:<id>``.
"""

from __future__ import annotations

Entry = tuple[str, str | None, str, str, tuple[str, ...], str, str]

ARTICLES: list[Entry] = [
    # ---- Lario Acque (water) -----------------------------------------------------------
    (
        "kb-lario-bolletta-alta",
        "lario",
        "fatturazione",
        "procedure",
        ("conguaglio", "consumi"),
        "Bolletta dell'acqua più alta del solito: conguaglio e consumi stimati",
        "## Quando succede\nDopo mesi di **letture stimate** arriva il conguaglio sulle letture "
        "reali.\n\n## Cosa fare\n1. Confrontare i consumi con lo stesso periodo dell'anno "
        "precedente.\n2. Verificare se in bolletta ci sono letture stimate.\n3. Se il cliente "
        "comunica un'autolettura, registrarla e proporre la rettifica nella bolletta successiva "
        "(vedi [Autolettura](kb:kb-lario-autolettura)).\n4. Se i consumi restano anomali, "
        "suggerire la verifica di una perdita dopo il contatore "
        "([Perdite occulte](kb:kb-lario-perdita-occulta)).",
    ),
    (
        "kb-lario-autolettura",
        "lario",
        "letture",
        "procedure",
        ("lettura", "contatore"),
        "Autolettura del contatore dell'acqua",
        "L'autolettura si comunica con le sole **cifre nere** (metri cubi), senza le rosse.\n\n"
        "- Accettata dal 1 al 10 del mese di fatturazione\n- Canali: telefono, area clienti, "
        "app, SMS al numero dedicato\n- Chiedere matricola del contatore e data della lettura\n\n"
        "Una lettura inferiore alla precedente va segnalata al back office letture.",
    ),
    (
        "kb-lario-perdita-rete",
        "lario",
        "guasti",
        "procedure",
        ("pronto intervento", "emergenza"),
        "Perdita d'acqua in strada o mancanza d'acqua: pronto intervento",
        "Per perdite sulla rete pubblica, tubi rotti in strada o mancanza d'acqua aprire una "
        "segnalazione al **pronto intervento** (attivo 24 ore su 24).\n\n| Dato | Perché |\n"
        "| --- | --- |\n| Indirizzo preciso | invio della squadra |\n| Punto di riferimento | "
        "trovare la perdita |\n| Recapito telefonico | richiamata del tecnico |\n\n"
        "Non indicare tempi di arrivo: li comunica il tecnico.",
    ),
    (
        "kb-lario-perdita-occulta",
        "lario",
        "guasti",
        "faq",
        ("consumi", "rimborso"),
        "Perdita occulta dopo il contatore: chi paga e come chiedere la riduzione",
        "Le perdite **dopo il contatore** (impianto privato) sono a carico del cliente. Se la "
        "perdita era nascosta e non rilevabile, il cliente può chiedere la riduzione della "
        "bolletta inviando la fattura dell'idraulico che l'ha riparata entro 60 giorni. Il "
        "fondo perdite rimborsa la parte eccedente il consumo medio.",
    ),
    (
        "kb-lario-voltura",
        "lario",
        "contratti",
        "procedure",
        ("intestatario", "cambio nome"),
        "Voltura: cambio di intestatario con fornitura attiva",
        "La **voltura** cambia l'intestatario di un contratto già attivo, senza interrompere "
        "l'erogazione.\n\nServono:\n- documento d'identità e codice fiscale del nuovo "
        "intestatario\n- lettura del contatore alla data del cambio\n- titolo di possesso "
        "dell'immobile (proprietà, affitto, comodato)\n\nLa modulistica si invia via e-mail o "
        "PEC. Costo: 30 euro in prima bolletta. Non confondere con il "
        "[subentro](kb:kb-lario-subentro).",
    ),
    (
        "kb-lario-subentro",
        "lario",
        "contratti",
        "procedure",
        ("riattivazione", "immobile"),
        "Subentro: riattivare una fornitura chiusa o sigillata",
        "Il **subentro** serve quando il contatore è chiuso o sigillato perché il precedente "
        "occupante ha cessato il contratto. Si apre un nuovo contratto con riapertura del "
        "contatore: tempi di 5 giorni lavorativi, costo di 50 euro più il deposito cauzionale. "
        "Se la fornitura è ancora attiva si tratta invece di [voltura](kb:kb-lario-voltura).",
    ),
    (
        "kb-lario-disdetta",
        "lario",
        "contratti",
        "procedure",
        ("chiusura", "trasloco"),
        "Disdetta del contratto dell'acqua e lettura di cessazione",
        "La disdetta si chiede dall'intestatario con il modulo di cessazione e una lettura "
        "finale del contatore. La chiusura avviene entro 5 giorni lavorativi; la bolletta di "
        "chiusura arriva entro 45 giorni. In caso di trasloco suggerire al nuovo occupante la "
        "voltura invece della chiusura.",
    ),
    (
        "kb-lario-rid",
        "lario",
        "pagamenti",
        "procedure",
        ("banca", "iban"),
        "Attivare la domiciliazione bancaria (addebito SEPA)",
        "Per la domiciliazione servono IBAN e dati dell'intestatario del conto. L'attivazione "
        "richiede fino a 60 giorni: nel frattempo la bolletta arriva con il bollettino. "
        "Se il conto è intestato a un'altra persona serve la sua firma sul mandato SEPA.",
    ),
    (
        "kb-lario-rateizzazione",
        "lario",
        "pagamenti",
        "procedure",
        ("morosità", "rate"),
        "Rateizzazione delle bollette dell'acqua",
        "Le bollette superiori a 100 euro o con conguaglio oltre il doppio del consumo medio si "
        "possono pagare a rate:\n\n| Importo | Rate massime |\n| --- | --- |\n| fino a 300 euro "
        "| 3 |\n| oltre 300 euro | 6 |\n\nNessun interesse se la richiesta arriva prima della "
        "scadenza. Registrare il piano e inviare il riepilogo via e-mail.",
    ),
    (
        "kb-lario-bonus-idrico",
        "lario",
        "agevolazioni",
        "faq",
        ("isee", "bonus sociale"),
        "Bonus sociale idrico: chi ne ha diritto",
        "Il bonus idrico è automatico per i nuclei con ISEE sotto la soglia nazionale che "
        "presentano la DSU all'INPS. Lo sconto compare in bolletta come voce separata. Non "
        "serve nessuna domanda al gestore.",
    ),
    (
        "kb-lario-qualita-acqua",
        "lario",
        "servizio",
        "faq",
        ("calcare", "analisi"),
        "L'acqua è torbida o ha un odore strano: cosa dire al cliente",
        "Dopo lavori sulla rete l'acqua può essere torbida per qualche ora: far scorrere il "
        "rubinetto per alcuni minuti. Se il problema persiste oltre 24 ore aprire una "
        "segnalazione di qualità. Le analisi aggiornate sono pubblicate sul sito.",
    ),
    (
        "kb-lario-lavori-como",
        "lario",
        "comunicazioni",
        "news",
        ("lavori", "pressione"),
        "Lavori sulla rete di Como centro",
        "Dal 10 al 24 del mese lavori di sostituzione condotte in via Milano e dintorni: "
        "possibili cali di pressione tra le 9 e le 13. Nessuna interruzione programmata.",
    ),
    (
        "kb-lario-sospensione-lecco",
        "lario",
        "comunicazioni",
        "urgent",
        ("interruzione",),
        "Interruzione idrica programmata a Lecco nord giovedì",
        "Giovedì dalle 8 alle 14 interruzione dell'acqua a Lecco nord (Germanedo, Acquate) per "
        "allaccio della nuova condotta. Autobotte in piazza Manzoni. Informare i clienti che "
        "chiamano dalla zona.",
    ),
    (
        "kb-lario-morosita",
        "lario",
        "pagamenti",
        "procedure",
        ("sollecito", "limitazione"),
        "Morosità: sollecito, limitazione del flusso e riattivazione",
        "Dopo il sollecito di pagamento non saldato entro 25 giorni il gestore può limitare il "
        "flusso. Mai sospendere le utenze domestiche residenti con bonus sociale. A pagamento "
        "avvenuto chiedere la ricevuta e riattivare il flusso entro 2 giorni feriali.",
    ),
    # ---- Energia Nova (electricity and gas) ---------------------------------------------
    (
        "kb-energia-leggere-bolletta",
        "energia",
        "fatturazione",
        "faq",
        ("consumi", "oneri"),
        "Come leggere la bolletta della luce",
        "## Le voci\n- **Spesa per la materia energia**: il prezzo dell'offerta\n- **Trasporto "
        "e gestione del contatore**: stabilite dall'autorità\n- **Oneri di sistema**\n- "
        "Imposte e IVA\n\nSpiegare la differenza tra consumi effettivi e stimati e la quota "
        "potenza.",
    ),
    (
        "kb-energia-conguaglio",
        "energia",
        "fatturazione",
        "procedure",
        ("rettifica", "stima"),
        "Conguaglio in bolletta della luce e del gas",
        "Il conguaglio ricalcola i consumi fatturati in acconto con le letture reali del "
        "distributore. Se supera 150 euro proporre la "
        "[rateizzazione](kb:kb-energia-rateizzazione). Se il cliente contesta la lettura, "
        "chiedere una foto del contatore e aprire una verifica.",
    ),
    (
        "kb-energia-rateizzazione",
        "energia",
        "pagamenti",
        "procedure",
        ("rate", "morosità"),
        "Rateizzazione delle bollette di luce e gas",
        "Le bollette oltre 150 euro si possono rateizzare fino a 6 rate mensili senza interessi "
        "se il cliente è in regola con i pagamenti precedenti. Con morosità in corso il piano "
        "di rientro richiede il pagamento del 30% come anticipo. Registrare il piano e inviare "
        "il riepilogo via e-mail.",
    ),
    (
        "kb-energia-offerte",
        "energia",
        "commerciale",
        "procedure",
        ("nova fissa", "nova flex"),
        "Cambio offerta: prezzo fisso o variabile",
        "**Nova Fissa** blocca il prezzo dell'energia per 24 mesi; **Nova Flex** segue l'indice "
        "PUN mensile più uno spread. Il cambio decorre dal primo giorno del secondo mese "
        "successivo e non prevede costi.",
    ),
    (
        "kb-energia-guasti",
        "energia",
        "guasti",
        "faq",
        ("distributore", "blackout"),
        "Manca la corrente: quando rivolgersi al distributore",
        "Energia Nova è il venditore: i guasti di rete e i blackout si segnalano al "
        "**distributore locale** (numero verde in bolletta), attivo 24 ore su 24. Fornire al "
        "cliente il numero e il codice POD. Se salta solo il contatore di casa, far verificare "
        "il limitatore e riarmarlo.",
    ),
    (
        "kb-energia-disdetta",
        "energia",
        "contratti",
        "procedure",
        ("recesso", "cambio fornitore"),
        "Recesso dal contratto di luce e gas",
        "Il cliente domestico può recedere in qualsiasi momento senza penali. Se passa a un "
        "altro fornitore, il recesso lo gestisce il nuovo venditore: non serve nulla da parte "
        "nostra. Per cessare la fornitura (es. immobile vuoto) serve la richiesta di "
        "disattivazione con la lettura finale.",
    ),
    (
        "kb-energia-voltura",
        "energia",
        "contratti",
        "procedure",
        ("intestatario",),
        "Voltura del contratto della luce",
        "La voltura cambia l'intestatario senza interrompere la fornitura. Servono codice POD, "
        "documento del nuovo intestatario, lettura del contatore e titolo di possesso. Tempi: "
        "2 giorni lavorativi dal ricevimento dei documenti.",
    ),
    (
        "kb-energia-subentro",
        "energia",
        "contratti",
        "procedure",
        ("riattivazione", "pod"),
        "Subentro su un contatore della luce disattivato",
        "Per riattivare un contatore disattivato serve il codice POD (sulla targhetta o su una "
        "vecchia bolletta). Il distributore riattiva entro 5 giorni lavorativi; costo fisso di "
        "attivazione in prima bolletta.",
    ),
    (
        "kb-energia-domiciliazione",
        "energia",
        "pagamenti",
        "procedure",
        ("sepa", "banca"),
        "Domiciliazione bancaria e postale delle bollette",
        "Attivabile da area clienti o al telefono con IBAN e codice fiscale dell'intestatario "
        "del conto. Con la domiciliazione attiva il deposito cauzionale viene restituito nella "
        "bolletta successiva. Per revocarla basta una richiesta scritta alla banca o a noi.",
    ),
    (
        "kb-energia-bolletta-web",
        "energia",
        "fatturazione",
        "faq",
        ("area clienti", "email"),
        "Bolletta via e-mail invece che cartacea",
        "Con la bolletta digitale lo sconto è di 6 euro l'anno. Si attiva dall'area clienti o "
        "al telefono confermando l'indirizzo e-mail. La bolletta cartacea smette di arrivare "
        "dal ciclo successivo.",
    ),
    (
        "kb-energia-autolettura",
        "energia",
        "letture",
        "procedure",
        ("contatore", "gas"),
        "Autolettura del contatore del gas",
        "Il gas si legge dalle cifre prima della virgola. Finestra: ultimi 5 giorni del mese. "
        "Per la luce i contatori elettronici sono telegestiti e l'autolettura non serve.",
    ),
    (
        "kb-energia-bonus",
        "energia",
        "agevolazioni",
        "faq",
        ("isee", "disagio fisico"),
        "Bonus sociale luce e gas",
        "Automatico con ISEE sotto soglia e DSU presentata. Il bonus per disagio fisico "
        "(apparecchiature elettromedicali) va invece richiesto al Comune con il certificato "
        "dell'ASL.",
    ),
    (
        "kb-energia-truffe",
        "energia",
        "comunicazioni",
        "urgent",
        ("sicurezza", "porta a porta"),
        "Tentativi di truffa porta a porta",
        "Segnalati falsi incaricati Energia Nova che chiedono la bolletta per cambiare offerta. "
        "Ricordare ai clienti che **non facciamo vendita porta a porta** e che non devono "
        "mostrare la bolletta né firmare nulla. Registrare la segnalazione con disposizione "
        "'Reclamo'.",
    ),
    (
        "kb-energia-nuovo-listino",
        "energia",
        "comunicazioni",
        "news",
        ("prezzi", "offerte"),
        "Nuovo listino Nova Fissa dal primo del mese",
        "Dal primo del mese il prezzo Nova Fissa per i nuovi contratti scende a 0,11 euro/kWh. "
        "I contratti già attivi mantengono il prezzo sottoscritto fino alla scadenza.",
    ),
    (
        "kb-energia-potenza",
        "energia",
        "contratti",
        "faq",
        ("kw", "contatore"),
        "Aumento di potenza del contatore",
        "Da 3 a 4,5 o 6 kW la richiesta si fa al telefono: il distributore interviene da remoto "
        "entro 2 giorni lavorativi. Il costo è addebitato in bolletta e la quota potenza "
        "aumenta.",
    ),
    (
        "kb-energia-allaccio",
        "energia",
        "contratti",
        "procedure",
        ("nuova costruzione",),
        "Nuovo allacciamento per una casa in costruzione",
        "Per un nuovo allacciamento serve il preventivo del distributore: si chiede con "
        "indirizzo, potenza e permesso di costruire. Tempi dai 15 ai 50 giorni lavorativi "
        "secondo i lavori.",
    ),
    # ---- every client ---------------------------------------------------------------------
    (
        "kb-reclami",
        None,
        "qualità",
        "procedure",
        ("reclamo", "tempi"),
        "Reclami: registrazione e tempi di risposta",
        "Ogni reclamo va registrato con disposizione 'Reclamo' e una nota chiara: cosa "
        "contesta il cliente, da quando, che cosa chiede. La risposta scritta arriva entro 30 "
        "giorni. Non promettere rimborsi prima della verifica.",
    ),
    (
        "kb-privacy-identita",
        None,
        "privacy",
        "procedure",
        ("gdpr", "verifica"),
        "Privacy: verifica dell'identità del cliente",
        "Prima di dare informazioni sul contratto verificare nome, codice fiscale e indirizzo "
        "di fornitura. Mai leggere al telefono dati di pagamento completi: al massimo le ultime "
        "4 cifre dell'IBAN. Se chiama un familiare serve la delega dell'intestatario.",
    ),
    (
        "kb-cambio-recapiti",
        None,
        "anagrafica",
        "procedure",
        ("telefono", "email", "indirizzo"),
        "Aggiornare telefono, e-mail e indirizzo di recapito",
        "Dopo la verifica dell'identità aggiornare i recapiti nella scheda cliente. Il cambio "
        "dell'indirizzo di recapito delle bollette non sposta la fornitura: per un trasloco "
        "servono disdetta e nuovo contratto, o una voltura.",
    ),
    (
        "kb-pagamenti-canali",
        None,
        "pagamenti",
        "faq",
        ("bollettino", "pagopa", "carta"),
        "Come si può pagare la bolletta",
        "- Domiciliazione bancaria o postale\n- Bollettino o avviso pagoPA in banca, posta, "
        "tabaccheria\n- Carta di credito dall'area clienti o dall'app\n- Bonifico con la causale "
        "indicata in bolletta\n\nIl pagamento risulta in 3-5 giorni lavorativi.",
    ),
    (
        "kb-pagamento-doppio",
        None,
        "pagamenti",
        "procedure",
        ("rimborso", "doppio"),
        "Bolletta pagata due volte: rimborso o compensazione",
        "Chiedere la ricevuta dei due pagamenti. Proporre la compensazione sulla prossima "
        "bolletta; se il cliente preferisce il rimborso, serve l'IBAN e arriva entro 30 giorni.",
    ),
    (
        "kb-richiamata",
        None,
        "qualità",
        "procedure",
        ("callback", "appuntamento"),
        "Fissare una richiamata al cliente",
        "Se la pratica richiede una verifica, fissare una richiamata con data e fascia oraria "
        "concordate e annotare cosa va comunicato. Non lasciare il cliente senza un riferimento.",
    ),
    (
        "kb-cliente-arrabbiato",
        None,
        "qualità",
        "faq",
        ("de-escalation", "tono"),
        "Cliente arrabbiato: come riportare la conversazione sui fatti",
        "Lasciare parlare il cliente senza interrompere, riconoscere il disagio ('capisco che "
        "sia la terza volta che chiama'), riassumere il problema e dire cosa si farà e quando. "
        "Se chiede un responsabile, proporre la richiamata del team leader.",
    ),
    (
        "kb-english-billing",
        None,
        "fatturazione",
        "faq",
        ("english", "foreign customer"),
        "Billing questions from English-speaking customers",
        "Explain that bills are issued every two months, that estimated readings are adjusted "
        "when the meter is read, and that payment by direct debit avoids late fees. Offer to "
        "send the bill summary by e-mail in English.",
    ),
    (
        "kb-english-moving",
        None,
        "contratti",
        "faq",
        ("english", "moving house"),
        "Moving house: closing or transferring the contract",
        "When a customer moves out, they can close the contract with a final meter reading or "
        "the new tenant can take it over (transfer of ownership). Ask for the moving date and "
        "the new address for the final bill.",
    ),
    (
        "kb-sciopero",
        None,
        "comunicazioni",
        "news",
        ("sciopero", "attese"),
        "Sciopero dei trasporti di venerdì: possibili attese più lunghe",
        "Venerdì è previsto uno sciopero dei trasporti: molti colleghi in smart working, code "
        "più lunghe nelle ore di punta. Privilegiare la chat e le richiamate programmate.",
    ),
]
