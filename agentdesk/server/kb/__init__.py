"""The knowledge base on the server: articles and versions, the search engine, urgent notes."""
