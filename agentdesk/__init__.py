"""AgentDesk: a contact-centre operator workstation and its reference backend."""

__version__ = "0.1.0"
