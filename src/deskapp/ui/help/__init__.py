"""Help: the user manual and About Deskapp."""
