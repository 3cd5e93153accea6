"""The operator's presence: state selector with not-ready reasons and time in state."""
