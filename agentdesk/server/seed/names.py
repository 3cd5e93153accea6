"""Fictional Italian people for the demo contact centre."""

FIRST_NAMES = (
    "Alessandro", "Andrea", "Antonio", "Chiara", "Claudia", "Cristina", "Daniele", "Davide",
    "Elena", "Elisa", "Emanuele", "Federica", "Federico", "Francesca", "Francesco", "Gabriele",
    "Giacomo", "Gianluca", "Giorgia", "Giovanni", "Giuseppe", "Ilaria", "Laura", "Lorenzo",
    "Lucia", "Marco", "Maria", "Marta", "Martina", "Massimo", "Matteo", "Michela", "Monica",
    "Nicola", "Paola", "Paolo", "Pietro", "Roberta", "Roberto", "Rosa", "Salvatore", "Serena",
    "Silvia", "Simone", "Stefania", "Stefano", "Teresa", "Valentina", "Valerio", "Vincenzo",
)

LAST_NAMES = (
    "Bassi", "Benedetti", "Bernardi", "Bianchi", "Bruno", "Caruso", "Cattaneo", "Colombo",
    "Conti", "Costa", "D'Angelo", "De Luca", "Fabbri", "Fontana", "Galli", "Gallo", "Giordano",
    "Greco", "Leone", "Lombardi", "Longo", "Mancini", "Marchetti", "Mariani", "Marino",
    "Martini", "Mazza", "Moretti", "Negri", "Pellegrini", "Ricci", "Rinaldi", "Rizzo",
    "Romano", "Rossi", "Ruggiero", "Russo", "Sala", "Santoro", "Serra", "Testa", "Valentini",
    "Villa", "Vitale", "Ferri", "Fumagalli", "Brambilla", "Monti", "Riva", "Sanna",
)

BUSINESS_NAMES = (
    "Trattoria Il Pescatore", "Panificio Bellagio", "Autofficina Riva", "Studio Dentistico Sala",
    "Hotel Belvedere", "Lavanderia Lario", "Ferramenta Colombo", "Bar Centrale",
    "Agriturismo La Quercia", "Palestra Energy Fit", "Farmacia San Rocco", "Gelateria Cortese",
)

CONDOMINIUMS = (
    "Condominio Le Betulle", "Condominio Villa Serena", "Condominio Il Lago",
    "Condominio Via Milano 12", "Condominio Residenza dei Tigli", "Condominio Parco Sole",
)
