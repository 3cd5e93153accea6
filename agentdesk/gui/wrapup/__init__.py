"""The wrap-up form (Designer form ``ui/wrapup.ui``)."""
