"""The app's own widgets, drawn with the Line API (one screenful at a time)."""
