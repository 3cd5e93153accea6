"""A dozen knowledge-base articles for the demo clients."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.server.db.models import KbArticleRow

#: (client or None for all, area, title, body)
ARTICLES: list[tuple[str | None, str, str, str]] = [
    (
        "lario",
        "procedure",
        "Bolletta più alta del solito: conguaglio e consumi stimati",
        "Verificare se la bolletta contiene un conguaglio dopo letture stimate. Confrontare i "
        "consumi con lo stesso periodo dell'anno precedente. Se il cliente comunica "
        "un'autolettura, registrarla e proporre la rettifica nella bolletta successiva.",
    ),
    (
        "lario",
        "procedure",
        "Autolettura del contatore dell'acqua",
        "L'autolettura si comunica con le sole cifre nere (metri cubi). Accettata dal 1 al 10 "
        "del mese di fatturazione. Chiedere matricola del contatore e data della lettura.",
    ),
    (
        "lario",
        "procedure",
        "Segnalazione di perdita o guasto sulla rete",
        "Per perdite in strada o mancanza d'acqua aprire una segnalazione al pronto intervento "
        "(attivo 24 ore su 24). Chiedere indirizzo preciso, punto di riferimento e recapito. "
        "Perdite dopo il contatore sono a carico del cliente.",
    ),
    (
        "lario",
        "procedure",
        "Voltura e subentro",
        "Per la voltura servono documento d'identità, codice fiscale, lettura del contatore e "
        "titolo di possesso dell'immobile. La modulistica si invia via e-mail o PEC.",
    ),
    (
        "lario",
        "news",
        "Lavori sulla rete di Como centro",
        "Dal 10 al 24 del mese lavori di sostituzione condotte in via Milano e dintorni: "
        "possibili cali di pressione tra le 9 e le 13.",
    ),
    (
        "energia",
        "procedure",
        "Bolletta della luce: leggere i consumi",
        "Spiegare la differenza tra consumi effettivi e stimati, la quota potenza e gli oneri "
        "di sistema. In caso di conguaglio proporre la rateizzazione se supera 150 euro.",
    ),
    (
        "energia",
        "procedure",
        "Rateizzazione delle bollette",
        "Le bollette oltre 150 euro si possono rateizzare fino a 6 rate mensili senza interessi "
        "se il cliente è in regola con i pagamenti precedenti. Registrare il piano e inviare "
        "il riepilogo via e-mail.",
    ),
    (
        "energia",
        "procedure",
        "Cambio offerta: prezzo fisso e variabile",
        "Nova Fissa blocca il prezzo dell'energia per 24 mesi; Nova Flex segue l'indice PUN "
        "mensile. Il cambio decorre dal primo giorno del secondo mese successivo.",
    ),
    (
        "energia",
        "procedure",
        "Guasti: quando rivolgersi al distributore",
        "Energia Nova è il venditore: i guasti di rete si segnalano al distributore locale "
        "(numero in bolletta). Fornire il numero e il codice POD del cliente.",
    ),
    (
        "energia",
        "urgent",
        "Tentativi di truffa porta a porta",
        "Segnalati falsi incaricati Energia Nova che chiedono la bolletta per cambiare offerta. "
        "Ricordare ai clienti che non facciamo vendita porta a porta.",
    ),
    (
        None,
        "procedure",
        "Reclami: registrazione e tempi di risposta",
        "Ogni reclamo va registrato con disposizione 'Reclamo' e una nota chiara. La risposta "
        "scritta arriva entro 30 giorni. Non promettere rimborsi prima della verifica.",
    ),
    (
        None,
        "procedure",
        "Privacy: verifica dell'identità del cliente",
        "Prima di dare informazioni sul contratto verificare nome, codice fiscale e indirizzo "
        "di fornitura. Mai leggere al telefono dati di pagamento completi.",
    ),
]


async def seed_kb(session: AsyncSession, now: datetime) -> None:
    for n, (client_id, area, title, body) in enumerate(ARTICLES, start=1):
        session.add(
            KbArticleRow(
                id=f"kb-{n:03d}",
                client_id=client_id,
                area=area,
                title=title,
                body=body,
                version=1,
                updated_at=now - timedelta(days=3 * n),
            )
        )
    await session.flush()
