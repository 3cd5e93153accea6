"""The server's people features: KPI engine, surveys, competition, board, nesting."""
