"""Sign-in: the login dialog; passwords are remembered only in the OS keyring."""
