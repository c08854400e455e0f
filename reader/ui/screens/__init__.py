"""The app's screens (the compare screen lives in ``reader.ui.compare``)."""
