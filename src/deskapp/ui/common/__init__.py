"""What every part of the window uses: its language, errors, shortcuts, background jobs,
times, colours and fonts. Imports nothing of the other parts."""
