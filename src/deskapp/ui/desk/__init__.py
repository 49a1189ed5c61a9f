"""The desk's work on an article: status actions, proofing, comments, history, copyfit."""
