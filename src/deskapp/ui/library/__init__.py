"""The library list: pages of articles, search, trash, sorting and filters."""
