"""Qt only: the shell, one package per pane, Qt models and view models."""
